import type { StyledRun } from '../../../text/lineBreak.js';
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
  const lines = breakSlideLines(p.runs, textWidth(p, box), s, theme).length;
  return (lines * s * LINE_PITCH + PARAGRAPH_AFTER) / 72;
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
 * slides are balanced (see {@link balancedSplit}).
 */
export function splitParagraphs(
  paragraphs: readonly PlannedParagraph[],
  box: Box,
  size: number,
  maxPerSlide: number,
  theme: ResolvedTheme,
): PlannedParagraph[][] {
  return balancedSplit(paragraphs.length, maxPerSlide, (max) =>
    fillSlides(paragraphs, box, size, max, theme),
  );
}

function fillSlides(
  paragraphs: readonly PlannedParagraph[],
  box: Box,
  size: number,
  maxPerSlide: number,
  theme: ResolvedTheme,
): PlannedParagraph[][] {
  const capacity = box.h - 2 * INSET.y - SAFETY;
  const pages: PlannedParagraph[][] = [];
  let current: PlannedParagraph[] = [];
  let used = 0;
  const queue = [...paragraphs];
  while (queue.length > 0) {
    const p = queue.shift();
    if (!p) break;
    const height = paragraphHeight(p, box, size, theme);
    if (current.length > 0 && (used + height > capacity || current.length >= maxPerSlide)) {
      pages.push(current);
      current = [];
      used = 0;
    }
    if (height > capacity) {
      const [head, tail] = cutParagraph(p, box, size, capacity, theme);
      current.push(head);
      pages.push(current);
      current = [];
      used = 0;
      if (tail) queue.unshift(tail);
      continue;
    }
    current.push(p);
    used += height;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

function cutParagraph(
  p: PlannedParagraph,
  box: Box,
  size: number,
  capacity: number,
  theme: ResolvedTheme,
): [PlannedParagraph, PlannedParagraph | undefined] {
  const s = sizeAt(size, p.level);
  const lines = breakSlideLines(p.runs, textWidth(p, box), s, theme);
  const fit = Math.max(1, Math.floor((capacity * 72 - PARAGRAPH_AFTER) / (s * LINE_PITCH)));
  const toRuns = (part: typeof lines): StyledRun<InlineFlags>[] =>
    part.flatMap((line, i) => [
      ...(i > 0
        ? [
            {
              text: ' ',
              style: line.segments[0]?.style ?? p.runs[0]?.style,
            } as StyledRun<InlineFlags>,
          ]
        : []),
      ...line.segments.map((s2) => ({ text: s2.text, style: s2.style })),
    ]);
  const head = { ...p, runs: toRuns(lines.slice(0, fit)) };
  const rest = lines.slice(fit);
  return [head, rest.length > 0 ? { ...p, marker: 'none', runs: toRuns(rest) } : undefined];
}
