import type { Fallback } from './fallback.js';
import type { LoadedFont } from './fonts.js';
import { fontData, rangeOf } from './metrics.js';

/**
 * A piece of text that one font covers: `font` is the index in the chain, or -1 when a fallback font
 * (`fallback`) covers it.
 */
export interface CoveredPiece {
  readonly text: string;
  readonly font: number;
  readonly fallback?: Fallback | undefined;
}

/**
 * Splits text into pieces by the first font of the chain that has a glyph for each character, then by
 * the fallback found for it; characters no font has are replaced by `?` and reported, so nothing is
 * drawn as garbage.
 */
export function splitByCoverage(
  text: string,
  chain: readonly LoadedFont[],
  onMissing: (char: string) => void,
  fallback?: (code: number) => Fallback | undefined,
): CoveredPiece[] {
  const first = chain[0];
  if (first && coversAll(first, text)) return [{ text, font: 0, fallback: undefined }];
  const pieces: CoveredPiece[] = [];
  // Characters are gathered and joined, so that each piece's text is one flat string (appending one
  // character at a time would leave a chain of a string object per character).
  let current: string[] = [];
  let currentFont = 0;
  let currentFallback: Fallback | undefined;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    let font = currentFont;
    let found = currentFallback;
    // Invisible characters, and combining marks the font of their letter has, stay with that font.
    const base = currentFallback?.font ?? chain[currentFont];
    const sticks =
      isInvisible(code) || (current.length > 0 && isCombining(code) && base && covers(base, code));
    if (!sticks) {
      font = chain.findIndex((f) => covers(f, code));
      found = font < 0 ? fallback?.(code) : undefined;
    }
    let out = char;
    if (font < 0 && !found) {
      onMissing(char);
      out = '?';
      font = 0;
    }
    if (current.length > 0 && (font !== currentFont || found?.key !== currentFallback?.key)) {
      pieces.push({ text: current.join(''), font: currentFont, fallback: currentFallback });
      current = [];
    }
    currentFont = font;
    currentFallback = found;
    current.push(out);
  }
  if (current.length > 0)
    pieces.push({ text: current.join(''), font: currentFont, fallback: currentFallback });
  return pieces;
}

/** Per font, whether each code point of the Basic Multilingual Plane has a glyph: 0 unknown, 1 yes, 2 no. */
const coverage = new WeakMap<LoadedFont, Uint8Array>();

/**
 * Whether a font has a glyph for a code point, remembered per font (fontkit's cmap lookup is slow); from
 * the precomputed coverage when the build wrote it, so the font need not be parsed.
 */
export function covers(font: LoadedFont, code: number): boolean {
  if (code > 0xffff) return lookUp(font, code);
  let known = coverage.get(font);
  if (!known) {
    known = new Uint8Array(0x10000);
    coverage.set(font, known);
  }
  const state = known[code];
  if (state === 1) return true;
  if (state === 2) return false;
  const found = lookUp(font, code);
  known[code] = found ? 1 : 2;
  return found;
}

/** Whether a font has a glyph for a code point: from its precomputed coverage, else from its cmap. */
function lookUp(font: LoadedFont, code: number): boolean {
  const ranges = font.identity === undefined ? undefined : fontData(font.identity)?.coverage;
  return ranges ? inRanges(ranges, code) : font.font.hasGlyphForCodePoint(code);
}

/** Whether a code point is in one of inclusive, ascending ranges. */
export function inRanges(ranges: readonly (readonly [number, number])[], code: number): boolean {
  return rangeOf(ranges, code) !== undefined;
}

/**
 * Whether a font covers every character of a text (invisible characters aside, which stay with it
 * anyway): the common case, one piece, found without building pieces character by character.
 */
function coversAll(font: LoadedFont, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return false;
    if (!covers(font, code) && !isInvisible(code)) return false;
  }
  return true;
}

/** Combining marks: drawn with the font of the letter they sit on. */
function isCombining(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f)
  );
}

/** Whitespace and format characters a font may lack without harm. */
function isInvisible(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0xa0 ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0xad
  );
}

/** Describes a character for a message: `"习" (U+4E60)`. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `"${char}" (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}
