import { BriefwrightError } from '../diagnostics/errors.js';
import { toPointer } from '../load/validate.js';

/** How large and deep inputs may be: guards against runaway inputs, each one raisable. */
export interface Limits {
  /** Size of an input file in bytes. @default 10 MB */
  readonly maxInputBytes: number;
  /** Nesting of lists and quotes in any Markdown field. @default 16 */
  readonly maxNesting: number;
  /** Cells of one table (rows × columns). @default 50,000 */
  readonly maxTableCells: number;
  /** Size of one image file in bytes. @default 25 MB */
  readonly maxImageBytes: number;
  /** Pixels of one image (width × height). @default 50 million */
  readonly maxImagePixels: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 10 * 1024 * 1024,
  maxNesting: 16,
  maxTableCells: 50_000,
  maxImageBytes: 25 * 1024 * 1024,
  maxImagePixels: 50_000_000,
};

/** The error for a limit: it names the limit, the value seen, and how to raise it. */
export function limitError(
  limit: keyof Limits,
  seen: string,
  allowed: string,
  where: { file?: string | undefined; pointer?: string },
): BriefwrightError {
  return new BriefwrightError('LIMIT_EXCEEDED', `${seen} is over the ${limit} limit (${allowed})`, {
    ...where,
    hint: `raise it with the render option limits: { ${limit}: … }${limit === 'maxInputBytes' ? ' or the CLI flag --max-input-mb' : ''}`,
  });
}

/** Checks a report's Markdown nesting and table sizes against the limits. */
export function checkLimits(value: unknown, limits: Limits, file: string | undefined): void {
  const visit = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      const depth = nestingOf(node);
      if (depth > limits.maxNesting) {
        throw limitError(
          'maxNesting',
          `Markdown nested ${depth} levels deep`,
          `${limits.maxNesting}`,
          { file, pointer: toPointer(path) },
        );
      }
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, [...path, i]);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (path.at(-1) === 'table' && Array.isArray(record.rows) && Array.isArray(record.columns)) {
        const cells = record.rows.length * record.columns.length;
        if (cells > limits.maxTableCells) {
          throw limitError(
            'maxTableCells',
            `a table of ${cells} cells`,
            `${limits.maxTableCells} cells`,
            { file, pointer: toPointer(path) },
          );
        }
      }
      for (const [key, child] of Object.entries(record)) visit(child, [...path, key]);
    }
  };
  visit(value, []);
}

/** How deeply lists and quotes nest in Markdown: quote markers plus list indentation, per line. */
export function nestingOf(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) {
    const quotes = /^(?:\s*>)*/.exec(line)?.[0].split('>').length ?? 1;
    const indent =
      /^\s*/.exec(line.replace(/^(?:\s*>)*/, ''))?.[0].replace(/\t/g, '    ').length ?? 0;
    const list = /^\s*(?:[-*+]|\d+[.)])\s/.test(line.replace(/^(?:\s*>)*/, ''))
      ? Math.floor(indent / 2) + 1
      : 0;
    deepest = Math.max(deepest, quotes - 1 + list);
  }
  return deepest;
}
