import type { StyledRun } from '../../../../text/lineBreak.js';
import { type InlineFlags, PLAIN } from '../../../inlineRuns.js';
import { type DeckDesign, INSET, SAFETY, sizesDown, textStyle } from '../design.js';
import { breakSlideLines, textHeight } from '../measure.js';
import type { Box, PlannedParagraph, SlideShape, TextStyle } from '../types.js';
import type { Item } from './items.js';

/** Space between cards and inside them, and the accent bar on top of each, in inches. */
const GAP = 0.25;
const PAD = 0.2;
const BAR = 0.06;
/** A single row of cards is at least this share of the content area's height, so the slide is not empty. */
const MIN_SHARE = 0.6;

/**
 * Sets a page of items as tinted cards side by side (four as 2 × 2 when side by side does not fit): a
 * figure large in the accent colour or a bold headline, the sentence under it; every card as tall as the
 * tallest, the text sized so that every card fits. Undefined when even the smallest text does not fit.
 */
export function layCards(
  items: readonly Item[],
  body: Box,
  design: DeckDesign,
): SlideShape[] | undefined {
  const { deck } = design;
  // Four cards as 2 × 2 on a wide slide (wider cards, a larger figure), side by side when that does not fit.
  const arrangements =
    items.length === 4
      ? [
          [2, 2],
          [4, 1],
        ]
      : [[items.length, 1]];
  for (const [cols = 1, rows = 1] of arrangements) {
    const w = (body.w - (cols - 1) * GAP) / cols;
    const inner = w - 2 * PAD;
    const figureSize = largestOneLine(
      items.flatMap((item) => (item.figure ? [item.figure] : [])),
      inner,
      sizesDown(deck.figureSize, deck.cardTitleSize, 2),
      design,
    );
    for (const size of sizesDown(deck.cardTextSize, deck.minCardTextSize, 1)) {
      const cards = items.map((item) => cardParts(item, inner, size, figureSize, design));
      const tallest = Math.max(...cards.map((card) => card.height));
      const room = (body.h - SAFETY - (rows - 1) * GAP) / rows;
      if (tallest > room) continue;
      const h = Math.min(room, Math.max(tallest, (body.h * MIN_SHARE - (rows - 1) * GAP) / rows));
      const top = body.y + (body.h - SAFETY - (rows * h + (rows - 1) * GAP)) / 2;
      return cards.flatMap((card, index) => {
        const x = body.x + (index % cols) * (w + GAP);
        const y = top + Math.floor(index / cols) * (h + GAP);
        return placeCard(card, { x, y, w, h }, design);
      });
    }
  }
  return undefined;
}

/** A card's text frames, measured: the headline (or figure) and the body, and the card's height. */
interface CardParts {
  readonly head: { paragraphs: PlannedParagraph[]; style: TextStyle; height: number } | undefined;
  readonly body: { paragraphs: PlannedParagraph[]; style: TextStyle; height: number } | undefined;
  readonly height: number;
}

function cardParts(
  item: Item,
  inner: number,
  size: number,
  figureSize: number,
  design: DeckDesign,
): CardParts {
  const { deck, colors, theme } = design;
  const headText = item.figure ?? item.headline;
  const headStyle = textStyle(design, item.figure ? figureSize : deck.cardTitleSize, {
    bold: true,
    color: colors.accent,
    gap: 0,
  });
  const head = headText
    ? frame(
        [{ runs: [{ text: headText, style: { ...PLAIN, bold: true } }], level: 0, marker: 'none' }],
        headStyle,
      )
    : undefined;
  // Every card's sentence at one size, so that the grid reads evenly.
  const bodyStyle = textStyle(design, size, { gap: 0 });
  const body = item.body.length > 0 ? frame([paragraph(item.body)], bodyStyle) : undefined;
  function frame(paragraphs: PlannedParagraph[], style: TextStyle) {
    return { paragraphs, style, height: textHeight(paragraphs, inner + 2 * INSET.x, style, theme) };
  }
  const height =
    BAR + 2 * PAD + (head?.height ?? 0) + (head && body ? 0.08 : 0) + (body?.height ?? 0);
  return { head, body, height };
}

function placeCard(card: CardParts, box: Box, design: DeckDesign): SlideShape[] {
  const shapes: SlideShape[] = [
    { kind: 'rect', box, fill: design.colors.accentTint },
    { kind: 'rect', box: { ...box, h: BAR }, fill: design.colors.accent },
  ];
  let y = box.y + BAR + PAD;
  const x = box.x + PAD - INSET.x;
  const w = box.w - 2 * PAD + 2 * INSET.x;
  for (const part of [card.head, card.body]) {
    if (!part) continue;
    shapes.push({
      kind: 'text',
      box: { x, y, w, h: part.height },
      style: part.style,
      paragraphs: part.paragraphs,
    });
    y += part.height + 0.08;
  }
  return shapes;
}

function paragraph(runs: readonly StyledRun<InlineFlags>[]): PlannedParagraph {
  return { runs, level: 0, marker: 'none' };
}

/** The largest size at which every text fits one line of a width (the smallest when none does). */
export function largestOneLine(
  texts: readonly string[],
  width: number,
  sizes: readonly number[],
  design: DeckDesign,
): number {
  const runs = (text: string) => [{ text, style: { ...PLAIN, bold: true } }];
  return (
    sizes.find((size) =>
      texts.every((text) => breakSlideLines(runs(text), width, size, design.theme).length <= 1),
    ) ??
    sizes.at(-1) ??
    design.deck.cardTitleSize
  );
}
