import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetsDir } from '../assets/locate.js';

/**
 * Precomputed metrics of a font file, written by `npm run build` for the fonts briefwright ships (see
 * computeMetrics.ts) and checked there against fontkit. They let a render measure and draw most words,
 * and tell which characters a font has, without parsing the font's GSUB and GPOS tables and shaping
 * the first words of each face (the largest cost of a cold render), nor even reading a font it only
 * measures (a deck never embeds its fonts; a 10 MB CJK fallback is read only when a PDF draws with it).
 */

/** What is known of a font file without parsing it: its index entry. */
export interface FontSummary {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** Ascent and descent per em (descent positive). */
  readonly ascent: number;
  readonly descent: number;
  /** The file of the font's coverage and shaping tables, in the metrics folder. */
  readonly file: string;
}

/**
 * How a font shapes plain text, for one set of features, in font units. A unit is a character, or a
 * sequence of characters the font draws as one glyph (a ligature such as "fi").
 */
export interface ShapingTables {
  /** Each unit's glyph id and advance. */
  readonly units: Readonly<Record<string, readonly [number, number]>>;
  /** The kerning after a unit when another follows, keyed by the two units joined with U+0000. */
  readonly kerning: Readonly<Record<string, number>>;
  /** Sequences of two or three characters that shaping changes in ways the tables do not describe. */
  readonly shaped: readonly string[];
  /**
   * Code point ranges drawn one glyph each at a fixed advance, unkerned: ideographs, kana and Hangul in
   * a CJK font, [first, last, advance].
   */
  readonly wide?: readonly (readonly [number, number, number])[];
}

/** A font file's precomputed data: the characters it has, and its tables per set of features. */
export interface FontData {
  /** Inclusive code point ranges that have a glyph, ascending. */
  readonly coverage: readonly (readonly [number, number])[];
  readonly tables: Readonly<Record<string, ShapingTables>>;
}

/** The folder the build writes metrics to, in the package. */
export const METRICS_DIR = join('dist', 'metrics');

/** The features key of a set of OpenType features: how tables for them are found. */
export function featuresKey(features: Readonly<Record<string, boolean>> | undefined): string {
  return features
    ? Object.entries(features)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, on]) => `${name}=${on}`)
        .join(',')
    : '';
}

let index: Readonly<Record<string, FontSummary>> | undefined;

/** The index of precomputed fonts by file identity; empty where the build wrote none. */
function metricsIndex(): Readonly<Record<string, FontSummary>> {
  if (index) return index;
  try {
    index = JSON.parse(
      readFileSync(join(assetsDir(), METRICS_DIR, 'index.json'), 'utf8'),
    ) as Record<string, FontSummary>;
  } catch {
    // No metrics beside this copy of briefwright (a source checkout before a build): fontkit measures.
    index = {};
  }
  return index;
}

/** The summary of a font file the build precomputed, by the file's identity (see fontIdentity). */
export function fontSummary(identity: string): FontSummary | undefined {
  return metricsIndex()[identity];
}

const data = new Map<string, FontData | null>();

/** A precomputed font's coverage and tables, read on first use. */
export function fontData(identity: string): FontData | undefined {
  const known = data.get(identity);
  if (known !== undefined) return known ?? undefined;
  const summary = fontSummary(identity);
  let found: FontData | null = null;
  if (summary) {
    try {
      found = JSON.parse(
        readFileSync(join(assetsDir(), METRICS_DIR, summary.file), 'utf8'),
      ) as FontData;
    } catch {
      found = null;
    }
  }
  data.set(identity, found);
  return found ?? undefined;
}

/** Shaping tables ready for lookups. */
export interface Shaper {
  readonly unitsPerEm: number;
  readonly units: ReadonlyMap<string, readonly [number, number]>;
  readonly kerning: ReadonlyMap<string, number>;
  readonly shaped: ReadonlySet<string>;
  /** The longest unit, in characters (1 when the font has no ligatures). */
  readonly longestUnit: number;
  /** The longest sequence in `shaped`. */
  readonly longestShaped: number;
  readonly wide: readonly (readonly [number, number, number])[];
}

const shapers = new Map<string, Shaper | null>();

/** The shaper of a precomputed font for a set of features, or undefined when there are no tables for it. */
export function shaperFor(identity: string | undefined, features: string): Shaper | undefined {
  if (identity === undefined) return undefined;
  const id = `${identity}|${features}`;
  const known = shapers.get(id);
  if (known !== undefined) return known ?? undefined;
  const tables = fontData(identity)?.tables[features];
  const summary = fontSummary(identity);
  const shaper = tables && summary ? toShaper(tables, summary.unitsPerEm) : null;
  shapers.set(id, shaper);
  return shaper ?? undefined;
}

/** Tables as maps (also used by the build, to check tables it has just computed). */
export function toShaper(tables: ShapingTables, unitsPerEm: number): Shaper {
  const units = new Map(Object.entries(tables.units));
  return {
    unitsPerEm,
    units,
    kerning: new Map(Object.entries(tables.kerning)),
    shaped: new Set(tables.shaped),
    longestUnit: Math.max(1, ...[...units.keys()].map((unit) => unit.length)),
    longestShaped: Math.max(0, ...tables.shaped.map((sequence) => sequence.length)),
    wide: tables.wide ?? [],
  };
}

/** The range of ascending, inclusive `[first, last, …]` ranges that holds a code point, or undefined. */
export function rangeOf<R extends readonly [number, number, ...number[]]>(
  ranges: readonly R[],
  code: number,
): R | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid];
    if (!range) return undefined;
    if (code < range[0]) high = mid - 1;
    else if (code > range[1]) low = mid + 1;
    else return range;
  }
  return undefined;
}

/** The advance of a code point drawn from a wide range, or undefined. */
function wideAdvance(shaper: Shaper, code: number): number | undefined {
  return rangeOf(shaper.wide, code)?.[2];
}

/**
 * Called for each glyph of a run shaped from tables, in order: its glyph id (undefined for a wide
 * character, whose id the font's cmap gives), the characters it stands for, its advance and the advance
 * the pen moves by (with kerning), in font units.
 */
export type GlyphSink = (
  id: number | undefined,
  text: string,
  advance: number,
  pen: number,
) => void;

/**
 * Shapes a text from tables: the total advance in font units, each glyph handed to `sink`; undefined
 * (before any glyph is handed on) when a character is not in the tables or a sequence of the text is
 * shaped otherwise, and fontkit must shape it.
 */
export function shapeFromTables(
  shaper: Shaper,
  text: string,
  sink?: GlyphSink,
): number | undefined {
  const n = text.length;
  // First a check that every character and sequence is one the tables describe.
  for (let i = 0; i < n; i++) {
    const char = text[i] ?? '';
    if (!shaper.units.has(char) && wideAdvance(shaper, text.charCodeAt(i)) === undefined)
      return undefined;
    for (let size = 2; size <= shaper.longestShaped && i + size <= n; size++)
      if (shaper.shaped.has(text.slice(i, i + size))) return undefined;
  }
  let total = 0;
  let previous = '';
  let pending: { id: number | undefined; text: string; advance: number } | undefined;
  const put = (id: number | undefined, unit: string, advance: number) => {
    const kern = previous ? (shaper.kerning.get(`${previous}\u0000${unit}`) ?? 0) : 0;
    total += kern + advance;
    if (sink && pending) sink(pending.id, pending.text, pending.advance, pending.advance + kern);
    pending = { id, text: unit, advance };
    previous = unit;
  };
  for (let i = 0; i < n; ) {
    // The longest unit that starts here: a ligature, else the character.
    let unit = text[i] ?? '';
    for (let size = Math.min(shaper.longestUnit, n - i); size > 1; size--) {
      const candidate = text.slice(i, i + size);
      if (shaper.units.has(candidate)) {
        unit = candidate;
        break;
      }
    }
    const entry = shaper.units.get(unit);
    if (entry) put(entry[0], unit, entry[1]);
    else {
      // A wide character: unkerned on both sides.
      previous = '';
      put(undefined, unit, wideAdvance(shaper, text.charCodeAt(i)) ?? 0);
      previous = '';
    }
    i += unit.length;
  }
  if (sink && pending) sink(pending.id, pending.text, pending.advance, pending.advance);
  return total;
}
