import { breakLines, type Line, type StyledRun } from '../../../text/lineBreak.js';
import { measureWithFallback } from '../../../text/measure.js';
import { scriptOf } from '../../../text/scripts.js';
import { fontVariant, type ResolvedTheme } from '../../../theme/resolve.js';
import { flagsKey, type InlineFlags, PLAIN } from '../../inlineRuns.js';
import { INSET } from './design.js';
import type { PlannedParagraph, TextStyle } from './types.js';

/** Line pitch of slide text as LibreOffice and PowerPoint set single spacing: 1.2 × size. */
export const LINE_PITCH = 1.2;

/** Indent per bullet level, in inches. */
export const LEVEL_INDENT = 0.35;

/** Breaks slide text into lines with the deck font's real metrics (Arimo for Arial). */
export function breakSlideLines(
  runs: readonly StyledRun<InlineFlags>[],
  widthInches: number,
  size: number,
  theme: ResolvedTheme,
): Line<InlineFlags>[] {
  return breakLines(runs, widthInches * 72, {
    measure: (text, flags) =>
      measureWithFallback(
        theme.fonts[`deck-${fontVariant(flags.bold, flags.italic)}`],
        text,
        size,
        theme.fallback && ((code) => theme.fallback?.find(code, flags.bold)),
      ) + autospace(text, size),
    key: flagsKey,
  });
}

/** A character at or above U+1100, where the CJK ranges begin. */
const BEYOND_JAMO = /[\u1100-\uffff]/;

/**
 * The room viewers put between Chinese, Japanese or Korean letters and the Latin letters, digits and
 * punctuation beside them (PowerPoint's and LibreOffice's "space between Asian and Latin text", on by
 * default): a quarter of an em at each change within a piece of text, in points.
 */
function autospace(text: string, size: number): number {
  // Every word of a slide is measured: text with nothing from Hangul Jamo up (all Latin, Greek,
  // Cyrillic) has no change of script to look for.
  if (!BEYOND_JAMO.test(text)) return 0;
  let changes = 0;
  let previous: boolean | undefined;
  for (const char of text) {
    if (/\s/u.test(char)) {
      previous = undefined;
      continue;
    }
    const cjk = scriptOf(char.codePointAt(0) ?? 0) === 'cjk';
    if (previous !== undefined && previous !== cjk) changes++;
    previous = cjk;
  }
  return changes * 0.25 * size;
}

/** A paragraph's size in a style: deeper levels are smaller, never below 8 pt. */
export function sizeAt(style: Pick<TextStyle, 'size' | 'levelStep'>, level: number): number {
  return Math.max(8, style.size - style.levelStep * Math.min(level, 1));
}

/** The width a paragraph's lines have in a frame of a width, in inches. */
export function lineWidth(p: PlannedParagraph, frameWidth: number): number {
  const indent = p.marker === 'none' ? 0 : LEVEL_INDENT * (p.level + 1);
  return Math.max(0.2, frameWidth - 2 * INSET.x - indent);
}

/** A paragraph broken into lines for a frame, with its size and height (its gap included), in inches. */
export interface MeasuredParagraph {
  readonly p: PlannedParagraph;
  readonly size: number;
  readonly lines: readonly Line<InlineFlags>[];
  readonly height: number;
}

/** Measures a paragraph in a frame of a width, in a style. */
export function measureParagraph(
  p: PlannedParagraph,
  frameWidth: number,
  style: Pick<TextStyle, 'size' | 'levelStep' | 'gap' | 'bold'>,
  theme: ResolvedTheme,
): MeasuredParagraph {
  const size = sizeAt(style, p.level);
  const runs = style.bold
    ? p.runs.map((run) => ({ ...run, style: { ...run.style, bold: true } }))
    : p.runs;
  const lines = breakSlideLines(runs, lineWidth(p, frameWidth), size, theme);
  return { p, size, lines, height: linesHeight(lines.length, size, style.gap) };
}

/** The height of `count` lines at a size with the gap after them, in inches. */
export function linesHeight(count: number, size: number, gap: number): number {
  return (count * size * LINE_PITCH + gap) / 72;
}

/** The height of paragraphs in a frame of a width, insets included, in inches. */
export function textHeight(
  paragraphs: readonly PlannedParagraph[],
  frameWidth: number,
  style: Pick<TextStyle, 'size' | 'levelStep' | 'gap' | 'bold'>,
  theme: ResolvedTheme,
): number {
  const sum = paragraphs.reduce(
    (total, p) => total + measureParagraph(p, frameWidth, style, theme).height,
    0,
  );
  return sum + 2 * INSET.y;
}

/** A plain paragraph of one string. */
export function plainParagraph(text: string, flags: InlineFlags = PLAIN): PlannedParagraph {
  return { runs: [{ text, style: flags }], level: 0, marker: 'none' };
}
