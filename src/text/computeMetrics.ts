import type { FontFace } from './fonts.js';
import {
  type FontData,
  type Shaper,
  type ShapingTables,
  shapeFromTables,
  toShaper,
} from './metrics.js';

// The build's half of the precomputed metrics (see metrics.ts): computing a font's tables with fontkit
// and checking them against fontkit on a corpus, refining them until they agree everywhere.

/**
 * Characters the tables describe when the font has them: printable ASCII and typographic quotes, dashes,
 * bullets and the ellipsis (every pair of them is shaped at build time, so the set stays small; a word
 * with other characters is shaped by fontkit).
 */
const ALPHABET = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'‘’“”–—…•·',
];

/**
 * Code point ranges a CJK font draws one glyph each at a fixed advance: the ideographs. Kana are left to
 * fontkit (Noto Sans CJK kerns the long-vowel mark ー before kana, and U+3099 and U+309A are marks).
 */
const WIDE_BLOCKS: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/** A shaped run as fontkit gives it, as far as the tables are compared with it. */
interface Run {
  readonly ids: readonly number[];
  readonly pens: readonly number[];
}

/** fontkit's layout of a text with the features being computed. */
type Layout = (text: string) => ReturnType<FontFace['layout']>;

const plain = (position: { xOffset: number; yOffset: number; yAdvance?: number }) =>
  position.xOffset === 0 && position.yOffset === 0 && !position.yAdvance;

/** A font's coverage and its tables for each set of features; a set whose tables cannot be made to agree is left out. */
export function computeFontData(
  font: FontFace,
  featureSets: Readonly<Record<string, Readonly<Record<string, boolean>> | undefined>>,
  corpus: readonly string[],
  alphabet: readonly string[] = ALPHABET,
): { data: FontData; refused: Record<string, string> } {
  const tables: Record<string, ShapingTables> = {};
  const refused: Record<string, string> = {};
  for (const [key, features] of Object.entries(featureSets)) {
    const layout: Layout = (text) => font.layout(text, features ? { ...features } : undefined);
    const computed = computeTables(font, layout, alphabet);
    const checked = refine(font, layout, computed, corpus);
    if (typeof checked === 'string') refused[key] = checked;
    else tables[key] = checked;
  }
  return { data: { coverage: coverageOf(font), tables }, refused };
}

/** The code points a font has a glyph for, as inclusive ranges. */
function coverageOf(font: FontFace): [number, number][] {
  const codes = [...new Set(font.characterSet ?? [])]
    .filter((code) => font.hasGlyphForCodePoint(code))
    .sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const code of codes) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges;
}

/** Tables from fontkit: each character alone, each pair, the ligatures and their kerning. */
function computeTables(font: FontFace, layout: Layout, alphabet: readonly string[]): ShapingTables {
  const units: Record<string, [number, number]> = {};
  for (const char of alphabet) {
    if (!font.hasGlyphForCodePoint(char.charCodeAt(0))) continue;
    const run = layout(char);
    const [glyph] = run.glyphs;
    const [position] = run.positions;
    if (run.glyphs.length !== 1 || !glyph || !position || !plain(position)) continue;
    if (position.xAdvance !== glyph.advanceWidth) continue;
    units[char] = [glyph.id, glyph.advanceWidth];
  }
  const chars = Object.keys(units);
  const kerning: Record<string, number> = {};
  const shaped = new Set<string>();
  const ligatures: string[] = [];
  // Whether a run is the two units side by side: then the kerning between them, else undefined.
  const kernOf = (a: string, b: string, run: ReturnType<Layout>): number | undefined => {
    const [first, second] = run.positions;
    const ua = units[a];
    const ub = units[b];
    if (!ua || !ub || run.glyphs.length !== 2 || !first || !second) return undefined;
    if (run.glyphs[0]?.id !== ua[0] || run.glyphs[1]?.id !== ub[0]) return undefined;
    if (!plain(first) || !plain(second) || second.xAdvance !== ub[1]) return undefined;
    return first.xAdvance - ua[1];
  };
  const single = (text: string, run: ReturnType<Layout>): boolean => {
    const [glyph] = run.glyphs;
    const [position] = run.positions;
    if (run.glyphs.length !== 1 || !glyph || !position || !plain(position)) return false;
    if (position.xAdvance !== glyph.advanceWidth) return false;
    units[text] = [glyph.id, glyph.advanceWidth];
    return true;
  };
  for (const a of chars) {
    for (const b of chars) {
      const run = layout(a + b);
      const kern = kernOf(a, b, run);
      if (kern !== undefined) {
        if (kern !== 0) kerning[`${a}\u0000${b}`] = kern;
      } else if (single(a + b, run)) ligatures.push(a + b);
      else shaped.add(a + b);
    }
  }
  // Longer ligatures (ffi, Inter's -->), found by extending each ligature by a character on either
  // side until nothing new appears; and the kerning of every ligature with what comes before and after.
  const tried = new Set<string>();
  const pair = (before: string, after: string): string | undefined => {
    const text = before + after;
    if (tried.has(`${before}\u0000${after}`)) return undefined;
    tried.add(`${before}\u0000${after}`);
    const run = layout(text);
    const kern = kernOf(before, after, run);
    if (kern !== undefined) {
      if (kern !== 0) kerning[`${before}\u0000${after}`] = kern;
      return undefined;
    }
    const isNew = !(text in units);
    if (single(text, run)) return isNew ? text : undefined;
    shaped.add(text);
    return undefined;
  };
  let frontier = ligatures;
  while (frontier.length > 0) {
    const found: string[] = [];
    for (const ligature of frontier) {
      for (const c of chars) {
        for (const text of [pair(ligature, c), pair(c, ligature)]) if (text) found.push(text);
      }
    }
    ligatures.push(...found);
    frontier = found;
  }
  // Two ligatures side by side.
  for (const a of ligatures) for (const b of ligatures) pair(a, b);
  const wide = wideRanges(font);
  return { units, kerning, shaped: [...shaped].sort(), ...(wide.length > 0 ? { wide } : {}) };
}

/** The CJK code points of a font as ranges of equal advance (each one glyph, unshaped alone). */
function wideRanges(font: FontFace): [number, number, number][] {
  if (!font.hasGlyphForCodePoint(0x4e00) || !font.glyphForCodePoint) return [];
  const ranges: [number, number, number][] = [];
  for (const [from, to] of WIDE_BLOCKS) {
    for (let code = from; code <= to; code++) {
      if (!font.hasGlyphForCodePoint(code)) continue;
      const advance = (font.glyphForCodePoint(code) as { advanceWidth?: number }).advanceWidth;
      if (advance === undefined) continue;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === code - 1 && last[2] === advance) last[1] = code;
      else ranges.push([code, code, advance]);
    }
  }
  return ranges;
}

/** The run the tables give for a text (wide characters' ids from the font's cmap), or undefined. */
function fromTables(font: FontFace, shaper: Shaper, text: string): Run | undefined {
  const ids: number[] = [];
  const pens: number[] = [];
  const total = shapeFromTables(shaper, text, (id, unit, _advance, pen) => {
    ids.push(id ?? font.glyphForCodePoint?.(unit.codePointAt(0) ?? 0).id ?? -1);
    pens.push(pen);
  });
  return total === undefined ? undefined : { ids, pens };
}

function fontkitRun(layout: Layout, text: string): Run | undefined {
  const run = layout(text);
  if (!run.positions.every(plain)) return undefined;
  return { ids: run.glyphs.map((glyph) => glyph.id), pens: run.positions.map((p) => p.xAdvance) };
}

function same(a: Run | undefined, b: Run | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.ids.length === b.ids.length &&
    a.ids.every((id, i) => id === b.ids[i]) &&
    a.pens.every((pen, i) => Math.abs(pen - (b.pens[i] ?? Number.NaN)) < 1e-9)
  );
}

/** The texts the tables are checked on: the corpus, punctuation in context, and every ligature's neighbours. */
function checkingTexts(tables: ShapingTables, corpus: readonly string[]): string[] {
  const chars = Object.keys(tables.units).filter((unit) => unit.length === 1);
  const alnum = chars.filter((c) => /[A-Za-z0-9]/.test(c));
  const marks = chars.filter((c) => /[^A-Za-z0-9 ]/.test(c));
  const ligatureLetters = [
    ...new Set(
      Object.keys(tables.units)
        .filter((unit) => unit.length > 1)
        .flatMap((unit) => [...unit]),
    ),
  ];
  // Each ligature between characters (the kerning on each side is computed alone; here together).
  const neighbours = [' ', 'a', 'e', 'o', 'x', '.', ',', '-', '1'].filter((c) => chars.includes(c));
  const ligatures = Object.keys(tables.units).filter((unit) => unit.length > 1);
  const texts = [
    ...ligatures.flatMap((unit) =>
      neighbours.flatMap((c) => neighbours.map((d) => `${c}${unit}${d}`)),
    ),
    ...alnum.flatMap((a) => marks.map((m) => `${a}${m} `)),
    ...marks.flatMap((m) => alnum.map((a) => `${m} ${a}`)),
    ...ligatureLetters.flatMap((a) =>
      ligatureLetters.flatMap((b) => ligatureLetters.map((c) => `${a}${b}${c}`)),
    ),
    ...corpus,
  ];
  for (const [from, to] of tables.wide ?? []) {
    // A sample of each wide range, in pairs and with Latin text around them.
    for (let code = from; code <= to; code += 97)
      texts.push(`${String.fromCodePoint(code)}${String.fromCodePoint(Math.min(to, code + 1))}a `);
  }
  return texts;
}

/** Closing punctuation: where fonts such as Inter kern a mark by the letter before it (s." kerns unlike ."). */
const CLOSING = [...'.,;:!?*)]\'"’”…'];

/**
 * Letters followed by two closing marks or a mark and a space, checked in batches (one long run per
 * batch is far cheaper to shape than many short ones).
 */
function contextTexts(tables: ShapingTables): string[] {
  const letters = Object.keys(tables.units).filter((unit) => /^[A-Za-z0-9]$/.test(unit));
  const marks = CLOSING.filter((mark) => mark in tables.units);
  return letters.flatMap((a) => marks.flatMap((m) => [...marks, ' '].map((n) => `${a}${m}${n}`)));
}

/**
 * The tables, with every sequence on which they disagree with fontkit marked as shaped, so that they
 * agree on every checking text (marking a sequence only sends more texts to fontkit, so a text found
 * right stays right); or why they could not be made to.
 */
function refine(
  font: FontFace,
  layout: Layout,
  tables: ShapingTables,
  corpus: readonly string[],
): ShapingTables | string {
  // The shaper reads the set that marking adds to.
  const shaped = new Set(tables.shaped);
  const base = toShaper(tables, font.unitsPerEm);
  // Marking adds sequences of two and three characters.
  const shaper: Shaper = { ...base, shaped, longestShaped: Math.max(base.longestShaped, 3) };
  const wrongAlone = (text: string) => {
    const fast = fromTables(font, shaper, text);
    return fast !== undefined && !same(fast, fontkitRun(layout, text));
  };
  // Marks what makes a text come out wrong: the shortest sequences of it that are wrong alone, else
  // all its triples; false when that cannot be done.
  const fix = (text: string): boolean => {
    for (let tries = 0; wrongAlone(text); tries++) {
      const pieces = [2, 3].flatMap((size) =>
        Array.from({ length: Math.max(0, text.length - size + 1) }, (_, i) =>
          text.slice(i, i + size),
        ),
      );
      const culprits = pieces.filter(wrongAlone);
      const marked = culprits.length > 0 ? culprits : pieces.filter((piece) => piece.length === 3);
      if (marked.length === 0 || tries > 3) return false;
      for (const piece of marked) shaped.add(piece);
    }
    return true;
  };
  for (const text of checkingTexts(tables, corpus)) if (!fix(text)) return `differs on "${text}"`;
  // Batches of texts the tables describe, joined so that the tables still describe the whole.
  let batch: string[] = [];
  const check = (): boolean => {
    const joined = batch.join(' ');
    const ok = !wrongAlone(joined) || [...batch, joined].every(fix);
    batch = [];
    return ok;
  };
  for (const text of contextTexts(tables)) {
    if (!fromTables(font, shaper, text)) continue;
    // The tables describe the joined texts when they describe each text and each join.
    const last = batch[batch.length - 1];
    if (last !== undefined && !fromTables(font, shaper, `${last.slice(-2)} ${text.slice(0, 2)}`))
      if (!check()) return `differs near "${text}"`;
    batch.push(text);
    if (batch.length === 64 && !check()) return `differs near "${text}"`;
  }
  if (batch.length > 0 && !check()) return 'differs on the last letters and marks';
  return { ...tables, shaped: [...shaped].sort() };
}
