import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetsDir } from '../assets/locate.js';
import type { LoadedFont } from './fonts.js';

/**
 * Precomputed metrics of a font for printable ASCII, in em units: each character's advance, the kerning
 * of each pair that has some, and the pairs that shaping turns into other glyphs (ligatures, contextual
 * alternates), whose words are left to fontkit. Measuring the words of a brief or a deck from these
 * does not wait for fontkit to parse the font's GSUB and GPOS tables and shape the first words (the
 * largest cost of a cold render); `npm run build` writes them for the bundled fonts.
 */
export interface SimpleMetrics {
  readonly key: string;
  readonly advances: Readonly<Record<string, number>>;
  readonly kerning: Readonly<Record<string, number>>;
  readonly shaped: readonly string[];
}

/** The characters the tables cover: printable ASCII, and typographic quotes, dashes and the ellipsis. */
const SIMPLE_CHARACTERS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'‘’“”–—…',
];

/** What identifies a font's metrics: its PostScript name, version, glyph count and the features it is shaped with. */
function metricsKey(font: LoadedFont): string {
  const { postscriptName, version, numGlyphs } = font.font;
  const features = font.features
    ? Object.entries(font.features)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, on]) => `${name}=${on}`)
        .join(',')
    : '';
  return `${postscriptName}|${String(version ?? '')}|${numGlyphs ?? 0}|${features}`;
}

/** Computes a font's metrics with fontkit (at build time, and in the test that checks them). */
export function computeMetrics(font: LoadedFont): SimpleMetrics {
  const em = font.font.unitsPerEm;
  const layout = (text: string) =>
    font.font.layout(text, font.features ? { ...font.features } : undefined);
  const advances: Record<string, number> = {};
  const glyphOf: Record<string, number | undefined> = {};
  for (const char of SIMPLE_CHARACTERS) {
    const run = layout(char);
    advances[char] = run.advanceWidth / em;
    glyphOf[char] = run.glyphs.length === 1 ? run.glyphs[0]?.id : undefined;
  }
  const kerning: Record<string, number> = {};
  const shaped: string[] = [];
  for (const a of SIMPLE_CHARACTERS) {
    for (const b of SIMPLE_CHARACTERS) {
      const run = layout(a + b);
      const same =
        run.glyphs.length === 2 &&
        run.glyphs[0]?.id === glyphOf[a] &&
        run.glyphs[1]?.id === glyphOf[b];
      if (!same) {
        shaped.push(a + b);
        continue;
      }
      const kern = run.advanceWidth / em - (advances[a] ?? 0) - (advances[b] ?? 0);
      if (Math.abs(kern) > 1e-9) kerning[a + b] = Math.round(kern * 1e6) / 1e6;
    }
  }
  return { key: metricsKey(font), advances, kerning, shaped };
}

/**
 * Letters, digits, spaces, the commonest punctuation and typographic apostrophes and dashes: the words
 * the measure takes from metrics (symbols such as = / > and straight quotes take part in longer
 * contextual rules in some fonts, and are shaped).
 */
export const PLAIN_WORD = /^[A-Za-z0-9 ,.;:!?()\-‘’“”–—…]*$/;

/**
 * Checks computed metrics against fontkit on words and on every letter or digit followed by a
 * punctuation mark and a space, and a punctuation mark, a space and a letter (where fonts such as Inter
 * SemiBold kern by context, beyond pairs): the first text on which they differ by more than 0.1%, or
 * undefined when they agree.
 */
export function disagreement(
  font: LoadedFont,
  metrics: SimpleMetrics,
  words: readonly string[],
): string | undefined {
  const loaded = {
    advances: new Map(Object.entries(metrics.advances)),
    kerning: new Map(Object.entries(metrics.kerning)),
    shaped: new Set(metrics.shaped),
  };
  const alnum = SIMPLE_CHARACTERS.filter((c) => /[A-Za-z0-9]/.test(c));
  const marks = [...',.;:!?()-‘’“”–—…'];
  const contexts = [
    ...alnum.flatMap((a) => marks.map((m) => `${a}${m} `)),
    ...marks.flatMap((m) => alnum.map((a) => `${m} ${a}`)),
  ];
  for (const text of [...contexts, ...words.filter((word) => PLAIN_WORD.test(word))]) {
    const fast = simpleUnits(loaded, text);
    if (fast === undefined) continue;
    const shaped =
      font.font.layout(text, font.features ? { ...font.features } : undefined).advanceWidth /
      font.font.unitsPerEm;
    if (Math.abs(fast - shaped) > Math.max(shaped * 0.001, 1e-6)) return text;
  }
  return undefined;
}

/** The folder the build writes metrics to, in the package. */
export const METRICS_DIR = join('dist', 'metrics');

interface Loaded {
  readonly advances: ReadonlyMap<string, number>;
  readonly kerning: ReadonlyMap<string, number>;
  readonly shaped: ReadonlySet<string>;
}

let index: Readonly<Record<string, string>> | undefined;
const tables = new WeakMap<LoadedFont, Loaded | null>();

/** A font's precomputed metrics, when the build wrote them for it; null when it did not. */
export function metricsFor(font: LoadedFont): Loaded | null {
  const known = tables.get(font);
  if (known !== undefined) return known;
  let found: Loaded | null = null;
  try {
    index ??= JSON.parse(
      readFileSync(join(assetsDir(), METRICS_DIR, 'index.json'), 'utf8'),
    ) as Record<string, string>;
    const file = index[metricsKey(font)];
    if (file) {
      const data = JSON.parse(
        readFileSync(join(assetsDir(), METRICS_DIR, file), 'utf8'),
      ) as SimpleMetrics;
      found = {
        advances: new Map(Object.entries(data.advances)),
        kerning: new Map(Object.entries(data.kerning)),
        shaped: new Set(data.shaped),
      };
    }
  } catch {
    // No metrics beside this copy of briefwright (a bundle, a source checkout before a build): fontkit measures.
    index ??= {};
  }
  tables.set(font, found);
  return found;
}

/**
 * The advance of a word from precomputed metrics, in em units; undefined when a character is outside
 * them or a pair of its characters is shaped into other glyphs.
 */
export function simpleUnits(metrics: Loaded, text: string): number | undefined {
  let units = 0;
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    const advance = metrics.advances.get(char);
    if (advance === undefined) return undefined;
    if (previous) {
      const pair = previous + char;
      if (metrics.shaped.has(pair)) return undefined;
      units += metrics.kerning.get(pair) ?? 0;
    }
    units += advance;
    previous = char;
  }
  return units;
}
