import type { Line, StyledRun } from '../../../text/lineBreak.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { InlineFlags } from '../../inlineRuns.js';
import { balancedSplit } from './balance.js';
import { INSET } from './geometry.js';
import { breakSlideLines, LINE_PITCH } from './measure.js';
import type { Box, PlannedParagraph } from './types.js';

/** Space after each paragraph, in points. */
export const PARAGRAPH_AFTER = 6;
/** Indent per bullet level, in inches. */
export const LEVEL_INDENT = 0.35;
/** Room kept free at the bottom of every frame, in inches, so nothing touches the edge. */
const SAFETY = 0.1;

/** The level size: second-level bullets are 2 pt smaller. */
export function sizeAt(size: number, level: number): number {
  return level > 0 ? size - 2 : size;
}

/** The height of a paragraph in a frame, in inches. */
export function paragraphHeight(
  p: PlannedParagraph,
  box: Box,
  size: number,
  theme: ResolvedTheme,
): number {
  const s = sizeAt(size, p.level);
  return heightOf(breakSlideLines(p.runs, textWidth(p, box), s, theme).length, s);
}

function textWidth(p: PlannedParagraph, box: Box): number {
  return (
    box.w -
    2 * INSET.x -
    (p.marker === 'none' ? 0 : LEVEL_INDENT) * (p.level + 1) +
    (p.marker === 'none' ? 0 : 0)
  );
}

/**
 * Splits paragraphs into pages that fit the frame, between paragraphs, at most `maxPerSlide` each; a single
 * paragraph taller than the frame is cut between lines, and the rest continues on the next page; the
 * slides are balanced (see {@link balancedSplit}). Each paragraph is broken into lines once.
 */
export function splitParagraphs(
  paragraphs: readonly PlannedParagraph[],
  box: Box,
  size: number,
  maxPerSlide: number,
  theme: ResolvedTheme,
): PlannedParagraph[][] {
  const measured = paragraphs.map((p) => {
    const s = sizeAt(size, p.level);
    return { p, s, lines: breakSlideLines(p.runs, textWidth(p, box), s, theme) };
  });
  return balancedSplit(paragraphs.length, maxPerSlide, (max) => fillSlides(measured, box, max));
}

interface MeasuredParagraph {
  readonly p: PlannedParagraph;
  /** Its type size. */
  readonly s: number;
  readonly lines: readonly Line<InlineFlags>[];
}

/** The height in inches of a paragraph of `lines` lines at size `s`, with the space after it. */
function heightOf(lines: number, s: number): number {
  return (lines * s * LINE_PITCH + PARAGRAPH_AFTER) / 72;
}

function fillSlides(
  paragraphs: readonly MeasuredParagraph[],
  box: Box,
  maxPerSlide: number,
): PlannedParagraph[][] {
  const capacity = box.h - 2 * INSET.y - SAFETY;
  const pages: PlannedParagraph[][] = [];
  let current: PlannedParagraph[] = [];
  let used = 0;
  const place = (p: PlannedParagraph, height: number) => {
    if (current.length > 0 && (used + height > capacity || current.length >= maxPerSlide)) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(p);
    used += height;
  };
  for (const { p, s, lines } of paragraphs) {
    const height = heightOf(lines.length, s);
    if (height <= capacity) {
      place(p, height);
      continue;
    }
    // Taller than a frame: cut between lines, on a page of its own per full frame; the last part is
    // placed like any paragraph, and later ones may join it.
    if (current.length > 0) pages.push(current);
    current = [];
    used = 0;
    const fit = Math.max(1, Math.floor((capacity * 72 - PARAGRAPH_AFTER) / (s * LINE_PITCH)));
    for (let at = 0; at < lines.length; at += fit) {
      const part = lines.slice(at, at + fit);
      const piece: PlannedParagraph = {
        ...p,
        ...(at > 0 ? { marker: 'none' as const } : {}),
        runs: runsOfLines(part, p.runs[0]?.style),
      };
      if (at + fit < lines.length) pages.push([piece]);
      else place(piece, heightOf(part.length, s));
    }
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** The runs of broken lines, joined again by what each break replaced (a space, a line break or nothing). */
function runsOfLines(
  lines: readonly Line<InlineFlags>[],
  fallback: InlineFlags | undefined,
): StyledRun<InlineFlags>[] {
  const runs: StyledRun<InlineFlags>[] = [];
  for (const [index, line] of lines.entries()) {
    for (const segment of line.segments) runs.push({ text: segment.text, style: segment.style });
    const style = line.segments.at(-1)?.style ?? fallback;
    if (index < lines.length - 1 && line.joiner && style) runs.push({ text: line.joiner, style });
  }
  return runs;
}
