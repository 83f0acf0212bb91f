import { PLAIN } from '../../../inlineRuns.js';
import { balancedSplit } from '../balance.js';
import { type DeckDesign, INSET, SAFETY, sizesDown, textStyle } from '../design.js';
import { breakSlideLines, LINE_PITCH, textHeight } from '../measure.js';
import type { Box, PlannedParagraph, SlideShape } from '../types.js';
import type { Item } from './items.js';
import { fitSize, type Placed } from './paragraphs.js';

/** Space between rows (a hairline in its middle), in inches. */
const ROW_GAP = 0.2;

/** Rows of a list, measured at a size: each row's height, and the width of the number column. */
interface Measured {
  readonly numberWidth: number;
  readonly heights: readonly number[];
}

/**
 * Numbered rows (takeaways, recommendations, an agenda): the number large in the accent colour, the text
 * beside it sized to the rows (from the theme's row size down to its floor, then continued), a hairline
 * between rows, the block centred in the content area. Returns each page's shapes with the items it holds.
 */
export function fitRows(
  items: readonly Item[],
  body: Box,
  design: DeckDesign,
): { pages: Placed[][]; shapes: SlideShape[][] } {
  const { deck, colors, theme } = design;
  const numbers = items.map((item) => String(item.number));
  const numberStyle = textStyle(design, deck.rowNumberSize, {
    bold: true,
    color: colors.accent,
    gap: 0,
  });
  const numberWidth =
    Math.max(
      ...numbers.map(
        (n) =>
          breakSlideLines(
            [{ text: n, style: { ...PLAIN, bold: true } }],
            100,
            deck.rowNumberSize,
            theme,
          )[0]?.width ?? 0,
      ),
    ) /
      72 +
    2 * INSET.x +
    0.2;
  const numberHeight = (deck.rowNumberSize * LINE_PITCH) / 72 + 2 * INSET.y;
  const textWidth = body.w - numberWidth;
  const paragraphOf = (item: Item): PlannedParagraph => ({
    runs: item.body,
    level: 0,
    marker: 'none',
  });
  const measure = (size: number): Measured => ({
    numberWidth,
    heights: items.map((item) =>
      Math.max(
        numberHeight,
        textHeight([paragraphOf(item)], textWidth, textStyle(design, size, { gap: 0 }), theme),
      ),
    ),
  });
  const capacity = body.h - SAFETY;
  const split = (size: number): Placed[][] => {
    const { heights } = measure(size);
    return balancedSplit(items.length, deck.maxRows, (max) => {
      const pages: Placed[][] = [];
      let current: Placed[] = [];
      let used = 0;
      heights.forEach((height, source) => {
        const item = items[source];
        if (!item) return;
        const extra = current.length > 0 ? ROW_GAP : 0;
        if (current.length > 0 && (used + extra + height > capacity || current.length >= max)) {
          pages.push(current);
          current = [];
          used = 0;
        }
        used += (current.length > 0 ? ROW_GAP : 0) + height;
        current.push({ p: paragraphOf(item), source });
      });
      if (current.length > 0) pages.push(current);
      return pages;
    });
  };
  const fitted = fitSize(
    sizesDown(deck.rowTextSize, deck.minRowTextSize),
    () => deck.rowTextSize,
    split,
  );
  const { heights } = measure(fitted.size);
  const style = textStyle(design, fitted.size, { gap: 0, valign: 'middle' });
  const shapes = fitted.pages.map((page) => {
    const rowHeights = page.map((placed) => heights[placed.source] ?? 0);
    const total = rowHeights.reduce((a, b) => a + b, 0) + (page.length - 1) * ROW_GAP;
    let y = body.y + Math.max(0, (capacity - total) / 2);
    return page.flatMap((placed, index): SlideShape[] => {
      const h = rowHeights[index] ?? 0;
      const row: SlideShape[] = [
        ...(index > 0
          ? [
              {
                kind: 'rect' as const,
                box: { x: body.x, y: y - ROW_GAP / 2, w: body.w, h: 0.01 },
                fill: colors.rule,
              },
            ]
          : []),
        {
          kind: 'text',
          box: { x: body.x, y, w: numberWidth, h },
          style: { ...numberStyle, valign: 'middle' },
          paragraphs: [
            {
              runs: [{ text: numbers[placed.source] ?? '', style: { ...PLAIN, bold: true } }],
              level: 0,
              marker: 'none',
            },
          ],
        },
        {
          kind: 'text',
          box: { x: body.x + numberWidth, y, w: textWidth, h },
          style,
          paragraphs: [placed.p],
        },
      ];
      y += h + ROW_GAP;
      return row;
    });
  });
  return { pages: fitted.pages, shapes };
}
