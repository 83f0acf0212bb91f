import bidiFactory from 'bidi-js';

/** A direction of text. */
export type Direction = 'ltr' | 'rtl';

const bidi = bidiFactory();

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…) and their presentation forms. */
const RTL_CHAR =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether text has a right-to-left letter: text without one needs no reordering at all. */
export function hasRightToLeft(text: string): boolean {
  return RTL_CHAR.test(text);
}

/** Languages written right to left. */
const RTL_LANGUAGES = /^(ar|arc|ckb|dv|fa|he|iw|ku-arab|ps|sd|syr|ug|ur|yi)(-|$)/i;

/** The direction of a language (BCP 47). */
export function languageDirection(language: string): Direction {
  return RTL_LANGUAGES.test(language) ? 'rtl' : 'ltr';
}

/**
 * The base direction of a paragraph: from its first strong letter (UAX #9, rules P2–P3), or from the
 * document's language when it has none.
 */
export function paragraphDirection(text: string, language: string): Direction {
  if (!hasRightToLeft(text)) return /\p{L}/u.test(text) ? 'ltr' : languageDirection(language);
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return languageDirection(language);
}

/** A stretch of a line at one embedding level (odd: right to left). */
export interface LevelRun {
  readonly start: number;
  readonly end: number;
  readonly level: number;
}

/**
 * The runs of a line in visual order (UAX #9, rule L2): each run has one level and lies within one of the
 * `cuts` (style boundaries), so it can be shaped as one piece; a run at an odd level is shaped right to
 * left by its font.
 */
export function visualRuns(text: string, base: Direction, cuts: readonly number[]): LevelRun[] {
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const runs: LevelRun[] = [];
  const boundaries = new Set(cuts);
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || levels[i] !== levels[start] || boundaries.has(i)) {
      runs.push({ start, end: i, level: levels[start] ?? 0 });
      start = i;
    }
  }
  const highest = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if ((runs[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs;
}

/** Text of a right-to-left run with brackets and other paired marks mirrored, as they are displayed. */
export function mirrored(text: string): string {
  let out = '';
  for (const char of text) out += bidi.getMirroredCharacter(char) ?? char;
  return out;
}

/** The mirror of a character's code point (a bracket's partner), or the code point itself. */
export function mirroredCodePoint(code: number): number {
  return bidi.getMirroredCharacter(String.fromCodePoint(code))?.codePointAt(0) ?? code;
}
