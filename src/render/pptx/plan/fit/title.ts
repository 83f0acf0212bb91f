import { withContinued } from '../../../../theme/labels.js';
import { PLAIN } from '../../../inlineRuns.js';
import { contentBox, type DeckDesign, INSET, sizesDown, textStyle } from '../design.js';
import type { PlanEnv } from '../env.js';
import { breakSlideLines, LINE_PITCH, plainParagraph } from '../measure.js';
import type { Box, SlideShape } from '../types.js';

/** The name of every slide's title shape, as PowerPoint's selection pane and screen readers show it. */
export const TITLE_SHAPE = 'Title';
/** The name of the title slide's subtitle shape: a template's subtitle placeholder takes it. */
export const SUBTITLE_SHAPE = 'Subtitle';

/** A content slide's title, fitted: its shapes, the content area left under it, notes when it was cut. */
export interface FittedTitle {
  readonly shapes: SlideShape[];
  readonly body: Box;
  /** The whole title, when the slide shows it cut. */
  readonly notes: string | undefined;
}

/** Lines a title may take: one in the title area, two or (at the smallest size) three in the tall one. */
const MAX_LINES = 3;

/**
 * Fits a content slide's title (with the continuation label on a continued slide): the theme's size,
 * smaller before a third line; a one-line title takes the title area, a longer one the tall area and
 * the content area moves down; a title longer than three lines at the smallest size is cut, and given
 * whole in the notes.
 */
export function fitSlideTitle(
  title: string,
  continued: boolean,
  design: DeckDesign,
  env: PlanEnv,
): FittedTitle {
  const { grid, deck, colors } = design;
  const { theme, face } = design.heading;
  const text = continued ? withContinued(title, design.continued) : title;
  const width = grid.title.w - 2 * INSET.x;
  const runs = [{ text, style: { ...PLAIN, bold: true } }];
  const linesAt = (size: number) => breakSlideLines(runs, width, size, theme);
  const heightOf = (lines: number, size: number) => (lines * size * LINE_PITCH) / 72 + 2 * INSET.y;
  let chosen: { size: number; text: string; lines: number } | undefined;
  for (const size of sizesDown(deck.titleSize, deck.minTitleSize)) {
    const count = linesAt(size).length;
    if (count <= 2 || (size === deck.minTitleSize && count <= MAX_LINES)) {
      chosen = { size, text, lines: count };
      break;
    }
  }
  let notes: string | undefined;
  if (!chosen) {
    const size = deck.minTitleSize;
    const kept = breakSlideLines(runs, width - 0.3, size, theme).slice(0, MAX_LINES);
    const cut = `${kept.map((line) => line.segments.map((s) => s.text).join('')).join(' ')}…`;
    env.warn({
      code: 'CONTENT_SPLIT',
      message: `slide title "${title.slice(0, 40)}…" is too long for a slide; it is cut and given in full in the notes`,
      file: env.file,
    });
    chosen = { size, text: cut, lines: MAX_LINES };
    notes = text;
  }
  const tall = chosen.lines > 1 || heightOf(1, chosen.size) > grid.title.h;
  const box = {
    ...grid.title,
    h: tall ? Math.max(grid.tallTitle, heightOf(chosen.lines, chosen.size)) : grid.title.h,
  };
  const style = textStyle(design, chosen.size, {
    bold: true,
    color: colors.accent,
    valign: 'bottom',
    gap: 0,
    face,
  });
  const rule: Box = { x: grid.margin, y: box.y + box.h + 0.04, w: 1.2, h: 0.05 };
  const heading: SlideShape = {
    kind: 'text',
    box,
    style,
    paragraphs: [plainParagraph(chosen.text)],
    name: TITLE_SHAPE,
  };
  return {
    // The accent rule under the title is LOOK.md's; a template's layouts carry their own marks.
    shapes: design.theme.deckTemplate
      ? [heading]
      : [heading, { kind: 'rect', box: rule, fill: colors.accent }],
    body: contentBox(grid, box.h),
    notes,
  };
}
