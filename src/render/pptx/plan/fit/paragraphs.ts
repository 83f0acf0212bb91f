import type { Line, StyledRun } from '../../../../text/lineBreak.js';
import type { ResolvedTheme } from '../../../../theme/resolve.js';
import type { InlineFlags } from '../../../inlineRuns.js';
import { balancedSplit } from '../balance.js';
import { INSET, SAFETY } from '../design.js';
import { LINE_PITCH, linesHeight, measureParagraph } from '../measure.js';
import type { PlannedParagraph, TextStyle } from '../types.js';

/** A paragraph placed on a page, with the index of the paragraph it is (part of). */
export interface Placed {
  readonly p: PlannedParagraph;
  readonly source: number;
}

/** What splitting reads of the frame and the style. */
interface Frame {
  readonly w: number;
  readonly h: number;
}

/**
 * Splits paragraphs into pages that fit a frame at a style: between paragraphs, at most `maxPerPage`
 * each; a paragraph taller than the frame is cut between lines and the rest continues on the next page;
 * pages are balanced (see {@link balancedSplit}). Each paragraph is broken into lines once.
 */
export function splitPages(
  paragraphs: readonly PlannedParagraph[],
  frame: Frame,
  style: Pick<TextStyle, 'size' | 'levelStep' | 'gap' | 'bold'>,
  maxPerPage: number,
  theme: ResolvedTheme,
): Placed[][] {
  const measured = paragraphs.map((p) => measureParagraph(p, frame.w, style, theme));
  const capacity = frame.h - 2 * INSET.y - SAFETY;
  return balancedSplit(paragraphs.length, maxPerPage, (max) => {
    const pages: Placed[][] = [];
    let current: Placed[] = [];
    let used = 0;
    const place = (placed: Placed, height: number) => {
      if (current.length > 0 && (used + height > capacity || current.length >= max)) {
        pages.push(current);
        current = [];
        used = 0;
      }
      current.push(placed);
      used += height;
    };
    measured.forEach(({ p, size, lines, height }, source) => {
      if (height <= capacity) {
        place({ p, source }, height);
        return;
      }
      // Taller than a frame: cut between lines, a page of its own per full frame; the last part is
      // placed like any paragraph, and later ones may join it.
      if (current.length > 0) pages.push(current);
      current = [];
      used = 0;
      const fit = Math.max(1, Math.floor((capacity * 72 - style.gap) / (size * LINE_PITCH)));
      for (let at = 0; at < lines.length; at += fit) {
        const part = lines.slice(at, at + fit);
        const piece: PlannedParagraph = {
          ...p,
          ...(at > 0 ? { marker: 'none' as const } : {}),
          runs: runsOfLines(part, p.runs[0]?.style),
        };
        if (at + fit < lines.length) pages.push([{ p: piece, source }]);
        else place({ p: piece, source }, linesHeight(part.length, size, style.gap));
      }
    });
    if (current.length > 0) pages.push(current);
    return pages;
  });
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

/**
 * The largest size from `sizes` (largest first) at which the paragraphs take no more pages than at the
 * smallest, and no more than `cap` allows for the paragraphs a page then holds; with its pages.
 */
export function fitSize(
  sizes: readonly number[],
  cap: (perPage: number) => number,
  split: (size: number) => Placed[][],
): { size: number; pages: Placed[][] } {
  const floor = sizes[sizes.length - 1] ?? 12;
  const least = split(floor);
  for (const size of sizes) {
    if (size === floor) break;
    const pages = split(size);
    const perPage = Math.max(1, ...pages.map((page) => page.length));
    if (pages.length <= least.length && size <= cap(perPage)) return { size, pages };
  }
  return { size: floor, pages: least };
}
