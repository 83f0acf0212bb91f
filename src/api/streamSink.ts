import { BriefwrightError } from '../diagnostics/errors.js';
import type { ChunkSink } from '../render/engine.js';

/**
 * What `renderToStream` needs of a stream: a Node writable (an `http.ServerResponse`, a file stream, a
 * `PassThrough`…) has it all. Declared here so that the package's types do not need Node's.
 */
export interface OutputStream {
  readonly writable: boolean;
  /** Writes a chunk; false asks the writer to wait for `drain`. */
  write(chunk: Uint8Array): boolean;
  /** Ends the stream; the callback runs once everything is flushed. */
  end(callback: () => void): unknown;
  on(event: 'error' | 'close' | 'drain', listener: (value?: unknown) => void): unknown;
  off(event: 'error' | 'close' | 'drain', listener: (value?: unknown) => void): unknown;
}

/** A sink writing to a stream, and what ends its watch on the stream. */
export interface StreamSink {
  readonly sink: ChunkSink;
  /** Why the stream can take no more, once it has closed or failed. */
  failure(): BriefwrightError | undefined;
  /** Stops listening to the stream (once the render is over, however it ended). */
  release(): void;
}

/**
 * Writes chunks to a stream: asks the writer to wait while the stream is full (one wait, however many
 * chunks arrive before it drains), and fails the render with an OUTPUT_WRITE error once the stream has
 * closed or failed (a reader that went away), instead of waiting for a drain that will never come.
 */
export function streamSink(out: OutputStream, input: string | undefined): StreamSink {
  let failure: BriefwrightError | undefined;
  let draining: Promise<void> | undefined;
  // What ends the one wait there can be: the drain, or the failure.
  let wake: ((error?: BriefwrightError) => void) | undefined;
  const fail = (cause?: unknown) => {
    failure ??= closedError(input, cause);
    wake?.(failure);
  };
  const onError = (cause: unknown) => fail(cause);
  const onClose = () => fail();
  const onDrain = () => wake?.();
  out.on('error', onError);
  out.on('close', onClose);
  out.on('drain', onDrain);
  if (!out.writable) fail();
  const sink: ChunkSink = (chunk) => {
    if (failure) return Promise.reject(failure);
    if (out.write(chunk) || draining) return draining;
    draining = new Promise<void>((resolve, reject) => {
      wake = (error) => {
        wake = undefined;
        draining = undefined;
        if (error) reject(error);
        else resolve();
      };
    });
    return draining;
  };
  return {
    sink,
    failure: () => failure,
    release() {
      out.off('error', onError);
      out.off('close', onClose);
      out.off('drain', onDrain);
    },
  };
}

function closedError(input: string | undefined, cause: unknown): BriefwrightError {
  const why = cause instanceof Error ? `: ${cause.message}` : '';
  return new BriefwrightError('OUTPUT_WRITE', `the output stream closed before the end${why}`, {
    ...(input !== undefined ? { file: input } : {}),
    ...(cause !== undefined ? { cause } : {}),
    hint: 'the reader went away (a closed connection, a failed file); nothing more was written to it',
  });
}
