import { splitByCoverage } from './coverage.js';
import type { Fallback } from './fallback.js';
import type { LoadedFont } from './fonts.js';
import { featuresKey, type Shaper, shapeFromTables, shaperFor } from './metrics.js';

/** Words kept per font before a word cache starts again, so a process that renders endless new vocabulary stays flat. */
export const MAX_CACHED_WORDS = 50_000;

const widths = new WeakMap<LoadedFont, Map<string, number>>();

/**
 * Texts longer than this are measured a piece at a time: shaping a whole megabyte at once builds a
 * glyph object per character (gigabytes), and the pieces' widths add up to within a glyph's kerning.
 */
const MAX_SHAPED = 4096;

/** The longest text shaped as a whole; cached when measured, as words are. */
export const MAX_SHAPED_WORD = 64;

/** Printable ASCII: text that needs no shaping beyond kerning and Latin ligatures. */
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/**
 * A pile of combining marks longer than any writing system stacks (Zalgo text): shaping attaches each
 * mark by looking back over the others, at a cost that grows with the square of the pile.
 */
const MARK_PILE = /\p{M}{32}/u;

/**
 * Whether a word is set letter by letter, unshaped: printable ASCII longer than a word is (a URL, a
 * hash, a run of data with no space) loses nothing worth shaping for, and shaping it would make its cost
 * grow with its length at every measure and every drawing; nor does a long word with a pile of marks.
 * Measuring and drawing agree on this, and go by code points.
 */
export function setLetterByLetter(word: string): boolean {
  return word.length > MAX_SHAPED_WORD && (PRINTABLE_ASCII.test(word) || MARK_PILE.test(word));
}

/**
 * The words of a text, each with the spaces after it: the pieces text is shaped in, by the measure and
 * by the PDF drawer alike (as pdfkit shapes), so that both give one text the same width.
 */
export function shapingWords(text: string): string[] {
  return (text.match(/[^ \t]*[ \t]*/g) ?? []).filter(Boolean);
}

/** The advance width of a text in a font at a size, in points: the sum of its words' (see {@link shapingWords}). */
export function measureText(font: LoadedFont, text: string, size: number): number {
  if (!/[ \t]./.test(text)) return measureWord(font, text, size);
  let width = 0;
  for (const word of shapingWords(text)) width += measureWord(font, word, size);
  return width;
}

/** The advance width of a word, cached per font and word. */
function measureWord(font: LoadedFont, text: string, size: number): number {
  if (setLetterByLetter(text)) {
    let units = 0;
    for (const letter of text) units += shapedUnits(font, letter);
    return units * size;
  }
  if (text.length > MAX_SHAPED) {
    // Shaped piece by piece (a piece never splits a surrogate pair, so it may be one unit longer).
    let units = 0;
    for (let at = 0; at < text.length; at = pieceEnd(text, at))
      units += shapedUnits(font, text.slice(at, pieceEnd(text, at)));
    return units * size;
  }
  return shapedUnits(font, text) * size;
}

/** The shaper of a font's precomputed tables for its features, when the build wrote them (see metrics.ts). */
export function fontShaper(font: LoadedFont): Shaper | undefined {
  let shaper = shapers.get(font);
  if (shaper === undefined) {
    shaper = shaperFor(font.identity, featuresKey(font.features)) ?? null;
    shapers.set(font, shaper);
  }
  return shaper ?? undefined;
}

const shapers = new WeakMap<LoadedFont, Shaper | null>();

/** The advance of a text shaped whole, in em units; words and short runs are cached. */
function shapedUnits(font: LoadedFont, text: string): number {
  let table = widths.get(font);
  if (!table) {
    table = new Map();
    widths.set(font, table);
  }
  let units = table.get(text);
  if (units === undefined) {
    // From the precomputed tables when they describe the text; else shaped by fontkit, which fills in
    // the features object it is given, so it gets a fresh copy each time.
    const shaper = fontShaper(font);
    const fast = shaper ? shapeFromTables(shaper, text) : undefined;
    units =
      shaper && fast !== undefined
        ? fast / shaper.unitsPerEm
        : font.font.layout(text, font.features ? { ...font.features } : undefined).advanceWidth /
          font.font.unitsPerEm;
    // Long texts are rarely measured twice; keep the cache to words and short runs.
    if (text.length <= MAX_SHAPED_WORD) {
      if (table.size >= MAX_CACHED_WORDS) table.clear();
      table.set(text, units);
    }
  }
  return units;
}

/** Text that only the Latin, Greek and Cyrillic fonts of a theme cover for sure: measured directly. */
const SIMPLE = /^[\u0020-\u052f\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]*$/;

/**
 * The width of text drawn with a font and, for characters it lacks, the fallback fonts found for them
 * (CJK in a deck measured with Arial's metrics would come out far too narrow).
 */
export function measureWithFallback(
  font: LoadedFont,
  text: string,
  size: number,
  fallback: ((code: number) => Fallback | undefined) | undefined,
): number {
  if (!fallback || SIMPLE.test(text)) return measureText(font, text, size);
  return splitByCoverage(text, [font], () => {}, fallback).reduce(
    (sum, piece) => sum + measureText(piece.fallback?.font ?? font, piece.text, size),
    0,
  );
}

/** Where a piece of a long text that starts at `from` ends: never inside a surrogate pair. */
function pieceEnd(text: string, from: number): number {
  const end = Math.min(text.length, from + MAX_SHAPED);
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff && end < text.length ? end + 1 : end;
}
