import { PLAIN } from '../../../inlineRuns.js';
import { type DeckDesign, INSET, SAFETY, sizesDown, textStyle } from '../design.js';
import { textHeight } from '../measure.js';
import type { Box, PlannedParagraph, SlideShape } from '../types.js';
import { largestOneLine } from './cards.js';
import type { Item } from './items.js';

const GAP = 0.5;
const RULE = 0.06;
/** The smallest text under a big number, in points. */
const MIN_TEXT = 14;

/**
 * Sets one to three items that lead with a figure side by side: a short accent rule, the figure large in
 * the accent colour, the sentence under it; the block centred in the content area. Undefined when the
 * sentences do not fit even at the smallest size.
 */
export function layNumbers(
  items: readonly Item[],
  body: Box,
  design: DeckDesign,
): SlideShape[] | undefined {
  const { deck, colors, theme } = design;
  const cols = items.length;
  const w = (body.w - (cols - 1) * GAP) / cols;
  const figureSize = largestOneLine(
    items.map((item) => item.figure ?? ''),
    w - 2 * INSET.x,
    sizesDown(deck.figureSize, deck.cardTitleSize, 2),
    design,
  );
  const figureStyle = textStyle(design, figureSize, { bold: true, color: colors.accent, gap: 0 });
  const figureHeight = (text: string) => textHeight([bold(text)], w, figureStyle, theme);
  for (const size of sizesDown(deck.figureTextSize, Math.min(MIN_TEXT, deck.figureTextSize), 1)) {
    const style = textStyle(design, size, { gap: 0 });
    const parts = items.map((item) => {
      const head = figureHeight(item.figure ?? '');
      const text = textHeight([{ runs: item.body, level: 0, marker: 'none' }], w, style, theme);
      return { item, head, text };
    });
    const height = Math.max(...parts.map((part) => RULE + 0.15 + part.head + 0.1 + part.text));
    if (height > body.h - SAFETY) continue;
    const top = body.y + (body.h - SAFETY - height) / 2;
    return parts.flatMap(({ item, head, text }, index): SlideShape[] => {
      const x = body.x + index * (w + GAP);
      return [
        {
          kind: 'rect',
          box: { x: x + INSET.x, y: top, w: Math.min(1.0, w / 3), h: RULE },
          fill: colors.accent,
        },
        {
          kind: 'text',
          box: { x, y: top + RULE + 0.15, w, h: head },
          style: figureStyle,
          paragraphs: [bold(item.figure ?? '')],
        },
        {
          kind: 'text',
          box: { x, y: top + RULE + 0.15 + head + 0.1, w, h: text },
          style,
          paragraphs: [{ runs: item.body, level: 0, marker: 'none' }],
        },
      ];
    });
  }
  return undefined;
}

function bold(text: string): PlannedParagraph {
  return { runs: [{ text, style: { ...PLAIN, bold: true } }], level: 0, marker: 'none' };
}
