import type { Warning } from '../diagnostics/warnings.js';
import type { Limits } from '../load/limits.js';
import { slugify } from '../tree/text.js';
import type { Position } from '../tree/types.js';

/** What the conversion from tokens to the DocTree needs besides the tokens. */
export interface ConvertContext {
  /** Reports a content problem; the conversion goes on. */
  readonly warn: (warning: Warning) => void;
  /** The user's input file, for warnings. */
  readonly file: string | undefined;
  /** Finds a snippet of Markdown in the user's input text, so warnings name the user's line. */
  readonly locate: (snippet: string) => Position | undefined;
  /** Makes a heading id unique within the document. */
  readonly uniqueId: (text: string) => string;
  /** The number of a footnote label, if it has a definition. */
  readonly footnoteNumber: (label: string) => number | undefined;
  /** The schemes that may become live links (lower case, without the colon). */
  readonly linkSchemes: readonly string[];
  /** The render's limits (chart fences count their points against them). */
  readonly limits: Limits;
}

/** Builds the id allocator for headings: slugs, with `-2`, `-3` on repeats. */
export function createIdAllocator(): (text: string) => string {
  const used = new Map<string, number>();
  return (text) => {
    const base = slugify(text);
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  };
}

/**
 * Builds a locator that finds where a snippet of the template's Markdown stands in the user's input.
 * Blocks come in document order, so the search starts where the last one was found (and falls back to
 * the start): locating every block of a long input stays linear.
 */
export function createSnippetLocator(
  source: string | undefined,
): (snippet: string) => Position | undefined {
  if (!source) return () => undefined;
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1))
    lineStarts.push(i + 1);
  let cursor = 0;
  return (snippet) => {
    const needle = snippet.trim().split('\n')[0] ?? '';
    if (!needle) return undefined;
    let index = source.indexOf(needle, cursor);
    if (index < 0) index = source.indexOf(needle);
    if (index < 0) return undefined;
    cursor = index;
    const line = lineOf(lineStarts, index);
    return { line: line + 1, column: index - (lineStarts[line] ?? 0) + 1 };
  };
}

/** The 0-based line of an offset, by binary search over the offsets where lines start. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
