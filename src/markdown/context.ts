import type { Warning } from '../diagnostics/warnings.js';
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

/** Builds a locator that finds a snippet's first occurrence in a text. */
export function createSnippetLocator(
  source: string | undefined,
): (snippet: string) => Position | undefined {
  return (snippet) => {
    if (!source) return undefined;
    const needle = snippet.trim().split('\n')[0] ?? '';
    if (!needle) return undefined;
    const index = source.indexOf(needle);
    if (index < 0) return undefined;
    const before = source.slice(0, index);
    const line = before.split('\n').length;
    return { line, column: index - before.lastIndexOf('\n') };
  };
}
