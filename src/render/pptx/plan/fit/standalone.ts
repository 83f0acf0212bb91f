import { shownDate } from '../../../../tree/dates.js';
import type { DocMeta } from '../../../../tree/types.js';
import { PLAIN } from '../../../inlineRuns.js';
import { type DeckDesign, INSET } from '../design.js';
import { breakSlideLines, LINE_PITCH, plainParagraph, textHeight } from '../measure.js';
import type { Box, PlannedParagraph, TextShape, TextStyle } from '../types.js';

/* The pieces the title, section and closing slides are made of, with or without a template. */

/** The cover's small label (series and number) and its foot lines (authors; organisation and date). */
export function coverText(meta: DocMeta): { label: string; lines: string[] } {
  const authors = meta.authors
    .map((a) => (a.affiliation ? `${a.name}, ${a.affiliation}` : a.name))
    .join(' · ');
  return {
    label: [meta.series, meta.number ? `No. ${meta.number}` : ''].filter(Boolean).join(' · '),
    lines: [authors, [meta.organization, shownDate(meta)].filter(Boolean).join(' · ')].filter(
      Boolean,
    ),
  };
}

/** The closing slide's lines under its title: the organisation, and the contact (else the title). */
export function closingLines(meta: DocMeta, design: DeckDesign): PlannedParagraph[] {
  return [meta.organization, design.deck.contact || meta.title]
    .filter((line): line is string => Boolean(line))
    .map((line) => plainParagraph(line));
}

export function text(box: Box, style: TextStyle, paragraphs: PlannedParagraph[]): TextShape {
  return { kind: 'text', box, style, paragraphs };
}

export function bold(value: string): PlannedParagraph {
  return { runs: [{ text: value, style: { ...PLAIN, bold: true } }], level: 0, marker: 'none' };
}

/** A block of bold text fitted to a frame: its style, its paragraphs, its height, and whether it was cut. */
export interface Fitted {
  readonly style: TextStyle;
  readonly paragraphs: PlannedParagraph[];
  readonly height: number;
  readonly cut: boolean;
}

/**
 * A title at the largest size at which it fits a height; at the smallest, cut after the lines that fit
 * (with "…"; the slide's notes then carry it whole).
 */
export function fitted(
  value: string,
  width: number,
  height: number,
  sizes: readonly number[],
  style: (size: number) => TextStyle,
  design: DeckDesign,
): Fitted {
  const paragraphs = [bold(value)];
  for (const size of sizes) {
    const measured = textHeight(paragraphs, width, style(size), design.theme);
    if (measured <= height) return { style: style(size), paragraphs, height: measured, cut: false };
  }
  const smallest = style(sizes.at(-1) ?? 24);
  const lines = breakSlideLines(
    paragraphs[0]?.runs ?? [],
    width - 2 * INSET.x - 0.3,
    smallest.size,
    design.theme,
  );
  const room = Math.max(
    1,
    Math.floor(((height - 2 * INSET.y) * 72) / (smallest.size * LINE_PITCH)),
  );
  const kept = lines
    .slice(0, room)
    .map((line) => line.segments.map((segment) => segment.text).join(''))
    .join(' ');
  const cut = [bold(`${kept}…`)];
  return {
    style: smallest,
    paragraphs: cut,
    height: textHeight(cut, width, smallest, design.theme),
    cut: true,
  };
}
