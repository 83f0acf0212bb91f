import { mirroredCodePoint } from '../../../text/bidi.js';
import type { ShapedGlyph } from './shaping.js';

/** pdfkit's per-document font object, as far as giving glyphs their codes touches it. */
export interface CodedFont {
  /** ToUnicode: the characters each code (subset glyph) stands for. */
  readonly unicode: (readonly number[])[];
  /** Advance widths per code, in thousandths. */
  readonly widths: (number | undefined)[];
  readonly scale: number;
  readonly subset: { includeGlyph(id: number): number; readonly glyphs: number[] };
}

/** The code of each (glyph, characters) pair of a document's font. */
const codes = new WeakMap<CodedFont, Map<string, number>>();

/**
 * The hex code of each shaped glyph object already seen, per document font and direction: shaped words
 * are cached, so the same glyph objects come back word after word, and their codes are looked up once.
 */
const seen = new WeakMap<
  CodedFont,
  readonly [WeakMap<ShapedGlyph, string>, WeakMap<ShapedGlyph, string>]
>();

/**
 * The codes of shaped glyphs in a document's font: every code stands for exactly the characters its
 * glyph was drawn for. A glyph drawn for other characters than before (a dotless base for ت after ب, a
 * glyph shared by two characters) gets a code of its own, a second copy of the glyph in the subset, so
 * that ToUnicode can tell them apart. In a right-to-left run, a glyph for several characters (a lam-alef
 * ligature) lists them last to first, since readers reverse right-to-left text character by character,
 * and a mirrored bracket maps back to the bracket written.
 */
export function glyphCodes(
  font: CodedFont,
  glyphs: readonly ShapedGlyph[],
  rtl: boolean,
): string[] {
  let byGlyph = codes.get(font);
  if (!byGlyph) {
    byGlyph = new Map();
    codes.set(font, byGlyph);
  }
  let known = seen.get(font);
  if (!known) {
    known = [new WeakMap(), new WeakMap()];
    seen.set(font, known);
  }
  const objects = known[rtl ? 1 : 0];
  const out: string[] = [];
  for (const glyph of glyphs) {
    let hex = objects.get(glyph);
    if (hex === undefined) {
      hex = codeOf(font, byGlyph, glyph, rtl);
      objects.set(glyph, hex);
    }
    out.push(hex);
  }
  return out;
}

/** The code of one glyph, in four hex digits; a new code when its glyph stands for new characters. */
function codeOf(
  font: CodedFont,
  byGlyph: Map<string, number>,
  glyph: ShapedGlyph,
  rtl: boolean,
): string {
  const chars = rtl
    ? [...glyph.codePoints].reverse().map(mirroredCodePoint)
    : [...glyph.codePoints];
  const key = `${glyph.id}:${chars.join(',')}`;
  let code = byGlyph.get(key);
  if (code === undefined) {
    code = font.subset.includeGlyph(glyph.id);
    const taken = font.unicode[code];
    if (taken !== undefined && !sameChars(taken, chars)) {
      font.subset.glyphs.push(glyph.id);
      code = font.subset.glyphs.length - 1;
    }
    font.unicode[code] = chars;
    font.widths[code] ??= glyph.advanceWidth * font.scale;
    byGlyph.set(key, code);
  }
  return `0000${code.toString(16)}`.slice(-4);
}

function sameChars(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
