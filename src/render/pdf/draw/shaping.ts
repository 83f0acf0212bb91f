import {
  MAX_CACHED_WORDS,
  MAX_SHAPED_WORD,
  setLetterByLetter,
  shapingWords,
} from '../../../text/measure.js';
import { type Shaper, shapeFromTables } from '../../../text/metrics.js';

/** A glyph as shaped for one run: its id, the characters it stands for in that run, its advance. */
export interface ShapedGlyph {
  readonly id: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
}

/** Where a glyph goes, in pdfkit's thousandths of the font size. */
export interface GlyphPosition {
  readonly xAdvance: number;
  readonly advanceWidth: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** A shaped run: glyphs in drawing order and their positions. */
export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[];
  readonly positions: readonly GlyphPosition[];
}

/** The fontkit font under pdfkit's font object, as far as shaping touches it. */
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): object | null;
  glyphForCodePoint(codePoint: number): { readonly id: number };
}

/** How a run is shaped: the OpenType features, and the font's precomputed tables when there are some. */
export interface Shaping {
  readonly features: unknown;
  readonly shaper?: Shaper | undefined;
}

/** pdfkit's per-document font object, as far as shaping touches it. */
export interface ShapingFont {
  readonly font: FontkitFont;
  layoutRun(text: string, features?: unknown): ShapedRun;
}

/** Shaped words per fontkit font, shared by every document of the process. */
const cache = new WeakMap<FontkitFont, Map<string, ShapedRun>>();

/**
 * Shapes text with each glyph carrying the characters it stands for in this text. fontkit keeps one
 * glyph object per glyph id, with the characters of its first use: a glyph drawn for several letters
 * (Noto Sans Arabic draws ب، ت، ث، ن and ي from one dotless base) would copy out as the first letter
 * everywhere. While shaping, each glyph fontkit hands out is a view of its cached glyph that carries the
 * characters the shaper tracked for it (a ligature all of its letters, a mark split off a letter none).
 */
export function shapeRun(font: ShapingFont, text: string, shaping: Shaping): ShapedRun {
  const { features, shaper } = shaping;
  const key = `${features === undefined ? '' : JSON.stringify(features)}\u0000${text}`;
  let words = cache.get(font.font);
  const known = words?.get(key);
  if (known) return known;
  const run =
    (shaper && runFromTables(font, shaper, text)) ?? shapeWithFontkit(font, text, features);
  if (text.length <= MAX_SHAPED_WORD) {
    if (!words) {
      words = new Map();
      cache.set(font.font, words);
    }
    if (words.size >= MAX_CACHED_WORDS) words.clear();
    words.set(key, run);
  }
  return run;
}

/**
 * A run shaped from the font's precomputed tables, as pdfkit's layoutRun gives it (positions in
 * thousandths of the size), or undefined when the tables do not describe the text.
 */
function runFromTables(font: ShapingFont, shaper: Shaper, text: string): ShapedRun | undefined {
  const scale = 1000 / shaper.unitsPerEm;
  const glyphs: ShapedGlyph[] = [];
  const positions: GlyphPosition[] = [];
  const total = shapeFromTables(shaper, text, (id, unit, advance, pen) => {
    const codePoints = [...unit].map((char) => char.codePointAt(0) ?? 0);
    glyphs.push({
      id: id ?? font.font.glyphForCodePoint(codePoints[0] ?? 0).id,
      codePoints,
      advanceWidth: advance,
    });
    positions.push({
      xAdvance: pen * scale,
      advanceWidth: advance * scale,
      xOffset: 0,
      yOffset: 0,
    });
  });
  return total === undefined ? undefined : { glyphs, positions };
}

/** A run shaped by fontkit (through pdfkit's layoutRun), each glyph with the characters it stands for. */
function shapeWithFontkit(font: ShapingFont, text: string, features: unknown): ShapedRun {
  const fontkit = font.font;
  const getGlyph = fontkit.getGlyph;
  fontkit.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph.call(fontkit, id, codePoints);
    return glyph === null
      ? glyph
      : Object.create(glyph, { codePoints: { value: [...codePoints], enumerable: true } });
  };
  let run: ShapedRun;
  try {
    // pdfkit's layoutRun shapes with fontkit and scales positions to thousandths; it fills in the
    // features object it is given, so it gets a copy.
    run = font.layoutRun(text, features === undefined ? undefined : structuredClone(features));
  } finally {
    fontkit.getGlyph = getGlyph;
  }
  return run;
}

/**
 * Shapes a left-to-right run a word at a time (each word with its trailing space, as pdfkit does, so
 * that words are shaped once per process), or a right-to-left run whole (its glyphs in visual order,
 * which word-by-word shaping would leave in reading order).
 */
export function shapeText(
  font: ShapingFont,
  text: string,
  shaping: Shaping,
  whole: boolean,
): ShapedRun {
  if (whole) return shapeRun(font, text, shaping);
  const glyphs: ShapedGlyph[] = [];
  const positions: GlyphPosition[] = [];
  for (const word of shapingWords(text)) {
    const run = setLetterByLetter(word) ? unshapedRun(font, word) : shapeRun(font, word, shaping);
    for (const glyph of run.glyphs) glyphs.push(glyph);
    for (const position of run.positions) positions.push(position);
  }
  return { glyphs, positions };
}

/**
 * A long word set letter by letter (printable ASCII, or a pile of marks), each code point's glyph at its
 * own advance (see `setLetterByLetter`), as layout measured it.
 */
function unshapedRun(font: ShapingFont, text: string): ShapedRun {
  const glyphs: ShapedGlyph[] = [];
  const positions: GlyphPosition[] = [];
  for (const character of text) {
    const letter = shapeRun(font, character, { features: undefined });
    for (const glyph of letter.glyphs) glyphs.push(glyph);
    for (const position of letter.positions) positions.push(position);
  }
  return { glyphs, positions };
}
