import {
  checkOptionNames,
  type FormatName,
  inputName,
  RENDER_OPTION_NAMES,
  type RenderInput,
  type RenderOptions,
  type RenderResult,
  renderWith,
} from './render.js';
import { type OutputStream, streamSink } from './streamSink.js';

export type { OutputStream } from './streamSink.js';

/** Options of {@link renderToStream}: those of `render`, with one format. */
export interface RenderToStreamOptions extends Omit<RenderOptions, 'formats'> {
  /** The format to write. @default "pdf" */
  format?: FormatName;
  /**
   * End the stream once everything is written, as `pipe()` does (an HTTP response then completes);
   * `false` leaves it open for more. @default true
   */
  end?: boolean;
}

/** The names of {@link RenderToStreamOptions}. */
const STREAM_OPTION_NAMES: readonly string[] = [
  ...RENDER_OPTION_NAMES.filter((name) => name !== 'formats'),
  'format',
  'end',
];

/**
 * Renders a report to one format and writes it to a stream as it is produced: a PDF page by page as
 * it is drawn (waiting for the stream to drain), other formats whole. Ends the stream when done (unless
 * `end: false`) and resolves with the report and the warnings once everything is written. A stream that
 * closes or fails before the end (a reader that went away) rejects it with OUTPUT_WRITE; a render that
 * fails leaves the stream open, for the caller to answer with an error.
 */
export async function renderToStream(
  input: RenderInput,
  out: OutputStream,
  options: RenderToStreamOptions = {},
): Promise<Omit<RenderResult, 'outputs'>> {
  checkOptionNames(options, STREAM_OPTION_NAMES, 'renderToStream()');
  const { format = 'pdf', end = true, ...rest } = options;
  const { sink, failure, release } = streamSink(out, inputName(input, rest));
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
    if (end) await endStream(out);
    return { report, warnings };
  } finally {
    release();
  }
}

/** Ends a stream and waits until it has flushed what it was given. */
function endStream(out: OutputStream): Promise<void> {
  // The process's own standard streams cannot be ended: Node throws.
  if ((out as unknown) === process.stdout || (out as unknown) === process.stderr)
    return Promise.resolve();
  return new Promise((resolve) => out.end(() => resolve()));
}
