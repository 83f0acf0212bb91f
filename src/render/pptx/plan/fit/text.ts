import { type DeckDesign, INSET, sizesDown, textStyle } from '../design.js';
import type { PlanEnv } from '../env.js';
import { textHeight } from '../measure.js';
import { type AnchoredNotes, joinNotes, notesPerPage } from '../notes.js';
import type { Box, PlannedParagraph, PlannedSlide, SlideLayout, SlideShape } from '../types.js';
import { fitSize, type Placed, splitPages } from './paragraphs.js';
import { type FittedTitle, fitSlideTitle } from './title.js';

/** Text to set on slides: a title, paragraphs, notes anchored among them. */
export interface TextContent {
  readonly title: string;
  readonly continued: boolean;
  readonly paragraphs: readonly PlannedParagraph[];
  readonly notes: readonly AnchoredNotes[];
}

/** How far a quote's text sits in from its card's edges, in inches (past the accent bar on the left). */
const QUOTE_PAD = { left: 0.3, right: 0.2, y: 0.15 } as const;
/** The gap between two columns of text, in inches. */
const COLUMN_GAP = 0.4;
/** The share of the frame's height full-width text may take before it is set in two columns. */
const COLUMNS_FROM = 0.2;

/** The largest body size for a page of `count` paragraphs: the theme's scale, never above its body size. */
export function bodyCap(design: DeckDesign, count: number): number {
  const { bodyScale, bodySize } = design.deck;
  const step = bodyScale.find((entry) => count <= entry.items) ?? bodyScale.at(-1);
  return Math.min(bodySize, step?.size ?? bodySize);
}

/**
 * Text slides: the type sized to the content (short lists larger, long ones smaller down to the floor,
 * then continued on more slides); two columns where the theme allows them and the text needs more than
 * one; on a quote slide, inside a card as tall as its text.
 */
export function fitText(
  content: TextContent,
  layout: Extract<SlideLayout, 'text' | 'quote'>,
  design: DeckDesign,
  env: PlanEnv,
): PlannedSlide[] {
  const first = fitSlideTitle(content.title, content.continued, design, env);
  if (content.paragraphs.length === 0) {
    return [slide(layout, content, false, first, [], joinNotes(content.notes.map((n) => n.text)))];
  }
  const later = fitSlideTitle(content.title, true, design, env);
  const body: Box = { ...first.body, h: Math.min(first.body.h, later.body.h) };
  const quote = layout === 'quote';
  const frame = quote
    ? {
        ...body,
        x: body.x + QUOTE_PAD.left,
        w: body.w - QUOTE_PAD.left - QUOTE_PAD.right,
        h: body.h - 2 * QUOTE_PAD.y,
      }
    : body;
  const sizes = sizesDown(design.deck.bodySize, design.deck.minBodySize);
  const cap = (perPage: number) => bodyCap(design, perPage);
  const split = (box: { w: number; h: number }) => (size: number) =>
    splitPages(content.paragraphs, box, textStyle(design, size), design.deck.maxBullets, env.theme);
  const single = fitSize(sizes, cap, split(frame));
  // Two columns (where the theme allows them) once the text is more than a few lines across the full
  // width: lines of half the width read better, and more text fits a slide.
  const wanted =
    !quote &&
    design.deck.columns === 2 &&
    (single.pages.length > 1 ||
      textHeight(
        (single.pages[0] ?? []).map((placed) => placed.p),
        frame.w,
        textStyle(design, single.size),
        env.theme,
      ) >
        frame.h * COLUMNS_FROM);
  const half = { ...frame, w: (frame.w - COLUMN_GAP) / 2 };
  const halves = wanted ? fitSize(sizes, cap, split(half)) : undefined;
  // Only when the text fills both columns: a single paragraph or a short list keeps the full width.
  const columns = halves !== undefined && halves.pages.length > 1;
  const fitted = columns && halves ? halves : single;
  // Text sits in the middle of the content area (the frame is the whole area): a few large bullets do
  // not leave the lower half of the slide empty, and every text slide is set the same way. On a
  // template it starts at the top of the body placeholder, as the template's own slides do.
  const atTop = quote || design.theme.deckTemplate !== undefined;
  const style = textStyle(design, fitted.size, { valign: atTop ? 'top' : 'middle' });
  // Two columns: pages side by side in pairs.
  const perSlide = columns ? 2 : 1;
  const groups: Placed[][][] = [];
  for (let i = 0; i < fitted.pages.length; i += perSlide)
    groups.push(fitted.pages.slice(i, i + perSlide));
  const notes = notesPerPage(
    content.notes,
    groups.map((group) => group.flat()),
  );
  return groups.map((group, index) => {
    const title = index === 0 ? first : later;
    const top = title.body.y;
    const shapes: SlideShape[] = group.map((page, column) => ({
      kind: 'text',
      // The body, for a template's body placeholder (a quote is a card of its own).
      ...(quote ? {} : { name: group.length > 1 ? `Body ${column + 1}` : 'Body' }),
      box: {
        ...(columns ? half : frame),
        x: frame.x + column * (half.w + COLUMN_GAP),
        y: top + (quote ? QUOTE_PAD.y : 0),
      },
      style,
      paragraphs: page.map((placed) => placed.p),
    }));
    if (quote) {
      const used = textHeight(
        group.flat().map((placed) => placed.p),
        frame.w,
        style,
        env.theme,
      );
      const card: Box = {
        x: body.x,
        y: top,
        w: body.w,
        h: Math.min(body.h, Math.max(1.2, used + 2 * QUOTE_PAD.y + INSET.y)),
      };
      shapes.unshift(
        { kind: 'rect', box: card, fill: design.colors.background },
        { kind: 'rect', box: { ...card, w: 0.08 }, fill: design.colors.accent },
      );
    }
    return slide(layout, content, index > 0, title, shapes, notes[index] ?? '');
  });
}

function slide(
  layout: SlideLayout,
  content: TextContent,
  continuing: boolean,
  title: FittedTitle,
  shapes: readonly SlideShape[],
  notes: string,
): PlannedSlide {
  return {
    layout,
    title: content.title,
    continued: content.continued || continuing,
    shapes: [...title.shapes, ...shapes],
    notes: joinNotes([title.notes ?? '', notes]),
  };
}
