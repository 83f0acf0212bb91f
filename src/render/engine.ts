import { BriefwrightError } from '../diagnostics/errors.js';
import type { Warning } from '../diagnostics/warnings.js';
import { type Limits, limitError } from '../load/limits.js';
import type { LoadedImage } from '../media/imageInfo.js';
import type { ResolvedTheme } from '../theme/resolve.js';
import type { Root } from '../tree/types.js';

export type { LoadedImage } from '../media/imageInfo.js';

/** Everything a renderer may use besides the DocTree: all I/O goes through here. */
export interface RenderContext {
  readonly theme: ResolvedTheme;
  /** Reports a content problem; the render goes on. A warning without a file names the input file. */
  readonly warn: (warning: Omit<Warning, 'format'>) => void;
  /** The input file, for warnings. */
  readonly file: string | undefined;
  /** The document date used for metadata: from the model, `SOURCE_DATE_EPOCH`, or a fixed epoch. */
  readonly date: Date;
  /** Loads an image by its `src`; undefined (with a warning already given) when it is not available. */
  readonly loadImage: (src: string) => Promise<LoadedImage | undefined>;
  /**
   * The render's limits: a renderer checks the size of what it is about to write (pages, slides) before
   * the costly part, and throws the error {@link outputLimitError} gives.
   */
  readonly limits?: Limits | undefined;
}

/** The error for an output over a limit of the render: it names the limit and how to raise it. */
export function outputLimitError(
  limit: 'maxPages' | 'maxSlides',
  count: number,
  allowed: number,
  file: string | undefined,
): BriefwrightError {
  const what = limit === 'maxPages' ? 'a PDF of' : 'a deck of';
  const unit = limit === 'maxPages' ? 'pages' : 'slides';
  return limitError(limit, `${what} ${count} ${unit}`, `${allowed} ${unit}`, { file });
}

/** A renderer turns a DocTree into the bytes of one format. */
export interface Renderer {
  /** The format name used in options and on the command line, such as "pdf". */
  readonly format: string;
  /** The file extension with its dot, such as ".pdf". */
  readonly extension: string;
  readonly mediaType: string;
  /** The template that produces this format's Markdown unless the caller names one. */
  readonly defaultTemplate: string;
  render(doc: Root, ctx: RenderContext): Promise<Uint8Array>;
  /**
   * Optional: writes the output to `sink` as it is produced, waiting whenever the sink returns a promise
   * (a stream that must drain). Formats without it are written whole.
   */
  stream?(doc: Root, ctx: RenderContext, sink: ChunkSink): Promise<void>;
}

/** Takes output chunks in order; a returned promise means "wait before sending more". */
export type ChunkSink = (chunk: Uint8Array) => Promise<void> | undefined;

/** A registry of renderers by format. */
export interface Engine {
  /** The registered formats, in registration order. */
  readonly formats: readonly string[];
  /** The renderer of a format, or a clear error naming the registered ones. */
  renderer(format: string): Renderer;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** The renderers to register; a later one replaces an earlier one of the same format. */
  renderers: readonly Renderer[];
}

/** Creates an engine from any set of renderers (the built-ins use this same interface). */
export function createEngine(options: EngineOptions): Engine {
  const byFormat = new Map<string, Renderer>();
  for (const renderer of options.renderers) {
    if (!renderer || typeof renderer.render !== 'function' || !renderer.format) {
      throw new BriefwrightError(
        'USAGE',
        'createEngine: every renderer needs a format and a render() method',
        {
          hint: 'see "How to write a renderer" in the README',
        },
      );
    }
    byFormat.set(renderer.format, renderer);
  }
  return {
    formats: [...byFormat.keys()],
    renderer(format) {
      // Format names are names, whatever their case: "PDF" is pdf.
      const found = byFormat.get(format) ?? byFormat.get(format.toLowerCase());
      if (!found) {
        throw new BriefwrightError('FORMAT_UNKNOWN', `no renderer for the format "${format}"`, {
          hint: `registered formats: ${[...byFormat.keys()].join(', ') || 'none'}`,
        });
      }
      return found;
    },
  };
}
