import { once } from 'node:events';
import type { ChunkSink } from '../render/engine.js';
import { type RenderInput, type RenderOptions, type RenderResult, renderWith } from './render.js';

/** Options of {@link renderToStream}: those of `render`, with one format. */
export interface RenderToStreamOptions extends Omit<RenderOptions, 'formats'> {
  /** The format to write. @default "pdf" */
  format?: string;
}

/**
 * Renders a report to one format and writes it to a stream as it is produced: a PDF page by page as
 * it is drawn (waiting for the stream to drain), other formats whole. Resolves with the report and
 * the warnings once everything is written; the stream is not ended, so it can be a response or a file.
 */
export async function renderToStream(
  input: RenderInput,
  out: NodeJS.WritableStream,
  options: RenderToStreamOptions = {},
): Promise<Omit<RenderResult, 'outputs'>> {
  const { format = 'pdf', ...rest } = options;
  // One wait for the stream to drain, however many chunks arrive before it does.
  let draining: Promise<void> | undefined;
  const sink: ChunkSink = (chunk) => {
    if (out.write(chunk) || draining) return draining;
    draining = once(out, 'drain').then(() => {
      draining = undefined;
    });
    return draining;
  };
  const { report, warnings } = await renderWith(
    input,
    { ...rest, formats: [format] },
    async (renderer, doc, ctx) => {
      if (renderer.stream) await renderer.stream(doc, ctx, sink);
      else await sink(await renderer.render(doc, ctx));
      return new Uint8Array();
    },
  );
  return { report, warnings };
}
