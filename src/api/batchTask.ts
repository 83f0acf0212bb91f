import { type ErrorCode, isBriefwrightError } from '../diagnostics/errors.js';
import type { Warning } from '../diagnostics/warnings.js';
import { countPages } from '../output/pages.js';
import { type RenderToFilesOptions, renderToFiles } from './files.js';
import { engineWithRenderers } from './plugins.js';
import { render } from './render.js';

/** A BriefwrightError as it crosses from a worker thread: its code, message and place. */
export interface SerializedError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  /** The faults found beside it (validation reports them all at once). */
  readonly related?: readonly SerializedError[];
  /** The stack of what caused it, for a renderer that failed (shown with --verbose). */
  readonly detail?: string;
}

/** One input of a batch, as a worker receives it. */
export interface BatchTask {
  readonly input: string;
  readonly options: Omit<RenderToFilesOptions, 'engine'>;
  /** Renderer modules to add to the built-in renderers, as URLs. */
  readonly renderers?: readonly string[] | undefined;
  /**
   * Render the input in memory and write nothing: a worker warming up (its fonts, templates and
   * compiled code) before it takes inputs of its own.
   */
  readonly warmUp?: boolean;
}

/** What a worker sends back for one input. */
export interface BatchTaskResult {
  readonly input: string;
  readonly ok: boolean;
  readonly files: readonly {
    readonly format: string;
    readonly path: string;
    readonly pages: number;
  }[];
  readonly warnings: readonly Warning[];
  readonly ms: number;
  readonly error?: SerializedError;
}

/** Renders one input of a batch to files; a failure becomes the result's error, never a throw. */
export async function renderOne(task: BatchTask): Promise<BatchTaskResult> {
  const started = performance.now();
  try {
    const engine = task.renderers?.length ? await engineWithRenderers(task.renderers) : undefined;
    if (task.warmUp) {
      const { outDir: _outDir, name: _name, ...options } = task.options;
      await render(task.input, { ...options, ...(engine ? { engine } : {}) });
      return { input: task.input, ok: true, files: [], warnings: [], ms: 0 };
    }
    const result = await renderToFiles(task.input, {
      ...task.options,
      ...(engine ? { engine } : {}),
    });
    const files = result.files.map((file, index) => ({
      ...file,
      pages: countPages(file.format, result.outputs[index]?.bytes ?? new Uint8Array()),
    }));
    const ms = Math.round(performance.now() - started);
    return { input: task.input, ok: true, files, warnings: result.warnings, ms };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    return {
      input: task.input,
      ok: false,
      files: [],
      warnings: [],
      ms,
      error: serializeError(error),
    };
  }
}

/** A BriefwrightError (or any error) as it crosses to another thread or process. */
export function serializeError(error: unknown): SerializedError {
  if (!isBriefwrightError(error)) {
    return {
      code: 'RENDER_FAILED',
      message: error instanceof Error ? error.message : String(error),
      hint: 'this is a bug; please report it with the input',
      ...(error instanceof Error && error.stack ? { detail: error.stack } : {}),
    };
  }
  const { code, message, file, pointer, line, column, hint, related, cause } = error;
  return {
    ...(related.length > 0 ? { related: related.map(serializeError) } : {}),
    ...(cause instanceof Error && cause.stack ? { detail: cause.stack } : {}),
    code,
    message,
    ...(file !== undefined ? { file } : {}),
    ...(pointer !== undefined ? { pointer } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(hint !== undefined ? { hint } : {}),
  };
}
