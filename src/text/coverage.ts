import type { LoadedFont } from './fonts.js';

/** A piece of text that one font of a chain covers; `font` is the index in the chain. */
export interface CoveredPiece {
  readonly text: string;
  readonly font: number;
}

/**
 * Splits text into pieces by the first font of the chain that has a glyph for each character; characters
 * no font has are replaced by `?` and reported, so nothing is drawn as garbage.
 */
export function splitByCoverage(
  text: string,
  chain: readonly LoadedFont[],
  onMissing: (char: string) => void,
): CoveredPiece[] {
  const pieces: CoveredPiece[] = [];
  let current = '';
  let currentFont = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    let font = isInvisible(code) ? currentFont : chain.findIndex((f) => covers(f, code));
    let out = char;
    if (font < 0) {
      onMissing(char);
      out = '?';
      font = 0;
    }
    if (current && font !== currentFont) {
      pieces.push({ text: current, font: currentFont });
      current = '';
    }
    currentFont = font;
    current += out;
  }
  if (current) pieces.push({ text: current, font: currentFont });
  return pieces;
}

/** Per font, whether each code point of the Basic Multilingual Plane has a glyph: 0 unknown, 1 yes, 2 no. */
const coverage = new WeakMap<LoadedFont, Uint8Array>();

/** Whether a font has a glyph for a code point, remembered per font (fontkit's cmap lookup is slow). */
function covers(font: LoadedFont, code: number): boolean {
  if (code > 0xffff) return font.font.hasGlyphForCodePoint(code);
  let known = coverage.get(font);
  if (!known) {
    known = new Uint8Array(0x10000);
    coverage.set(font, known);
  }
  const state = known[code];
  if (state === 1) return true;
  if (state === 2) return false;
  const has = font.font.hasGlyphForCodePoint(code);
  known[code] = has ? 1 : 2;
  return has;
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
