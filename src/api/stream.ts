import { type RenderInput, type RenderOptions, type RenderResult, renderWith } from './render.js';
import { streamSink } from './streamSink.js';

/** Options of {@link renderToStream}: those of `render`, with one format. */
export interface RenderToStreamOptions extends Omit<RenderOptions, 'formats'> {
  /** The format to write. @default "pdf" */
  format?: string;
}

/**
 * Renders a report to one format and writes it to a stream as it is produced: a PDF page by page as
 * it is drawn (waiting for the stream to drain), other formats whole. Resolves with the report and
 * the warnings once everything is written; the stream is not ended, so it can be a response or a file.
 * A stream that closes or fails before the end (a reader that went away) rejects it with OUTPUT_WRITE.
 */
export async function renderToStream(
  input: RenderInput,
  out: NodeJS.WritableStream,
  options: RenderToStreamOptions = {},
): Promise<Omit<RenderResult, 'outputs'>> {
  const { format = 'pdf', ...rest } = options;
  const { sink, failure, release } = streamSink(out, typeof input === 'string' ? input : rest.file);
  try {
    // A stream that is already closed takes nothing: fail before rendering.
    const closed = failure();
    if (closed) throw closed;
    const { report, warnings } = await renderWith(
      input,
      { ...rest, formats: [format] },
      // Not an async function: it would keep the document tree for as long as the renderer works.
      (renderer, doc, ctx) =>
        (renderer.stream
          ? renderer.stream(doc, ctx, sink)
          : renderer.render(doc, ctx).then((bytes) => sink(bytes))
        ).then(() => new Uint8Array()),
    );
    return { report, warnings };
  } finally {
    release();
  }
}
