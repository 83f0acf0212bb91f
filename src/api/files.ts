import { basename, extname, join } from 'node:path';
import { writeFilesAtomic } from '../output/writeAtomic.js';
import { slugify } from '../tree/text.js';
import { type RenderInput, type RenderOptions, type RenderResult, render } from './render.js';

/** Options of {@link renderToFiles}. */
export interface RenderToFilesOptions extends RenderOptions {
  /** The folder outputs go to. @default "output" */
  outDir?: string;
  /** The output file name without extension. @default the input's file name, or a slug of the title */
  name?: string;
}

/** What {@link renderToFiles} resolves to. */
export interface RenderToFilesResult extends RenderResult {
  /** The written files, by format. */
  readonly files: readonly { readonly format: string; readonly path: string }[];
}

/** Renders a report and writes its outputs all or nothing; if any format fails, no file is written. */
export async function renderToFiles(
  input: RenderInput,
  options: RenderToFilesOptions = {},
): Promise<RenderToFilesResult> {
  const result = await render(input, options);
  const name =
    options.name ??
    (typeof input === 'string'
      ? basename(input, extname(input))
      : slugify(result.report.meta.title));
  const outDir = options.outDir ?? 'output';
  const files = result.outputs.map((output) => ({
    format: output.format,
    path: join(outDir, `${name}${output.extension}`),
  }));
  await writeFilesAtomic(
    result.outputs.map((output, index) => ({
      path: files[index]?.path ?? '',
      bytes: output.bytes,
    })),
  );
  return { ...result, files };
}
