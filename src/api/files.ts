import { basename, extname, join } from 'node:path';
import { BriefwrightError } from '../diagnostics/errors.js';
import { writeFilesAtomic } from '../output/writeAtomic.js';
import { slugify } from '../tree/text.js';
import {
  checkOptionNames,
  inputName,
  RENDER_OPTION_NAMES,
  type RenderInput,
  type RenderOptions,
  type RenderResult,
  renderInMemory,
} from './render.js';

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

/** The names of {@link RenderToFilesOptions}. */
export const FILES_OPTION_NAMES: readonly string[] = [...RENDER_OPTION_NAMES, 'outDir', 'name'];

/** Renders a report and writes its outputs all or nothing; if any format fails, no file is written. */
export async function renderToFiles(
  input: RenderInput,
  options: RenderToFilesOptions = {},
): Promise<RenderToFilesResult> {
  checkOptionNames(options, FILES_OPTION_NAMES, 'renderToFiles()');
  const { outDir = 'output', name: given, ...renderOptions } = options;
  if (
    given !== undefined &&
    (given.trim() === '' || /[\\/]/.test(given) || /^\.\.?$/.test(given))
  ) {
    throw new BriefwrightError('USAGE', `the name "${given}" is not a file name`, {
      hint: 'give a name without a folder (--name final); the folder is outDir (-o folder/)',
    });
  }
  const result = await renderInMemory(input, renderOptions);
  const path = inputName(input, options);
  const name =
    given ??
    (path !== undefined ? basename(path, extname(path)) : slugify(result.report.meta.title));
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
