import type { PageItem, Slice } from './types.js';

/** Moves items by an offset. */
export function shiftItems(items: readonly PageItem[], dx: number, dy: number): PageItem[] {
  if (dx === 0 && dy === 0) return [...items];
  return items.map((item) => {
    switch (item.type) {
      case 'line':
        return { ...item, x1: item.x1 + dx, y1: item.y1 + dy, x2: item.x2 + dx, y2: item.y2 + dy };
      default:
        return { ...item, x: item.x + dx, y: item.y + dy };
    }
  });
}

/** Indents slices to the right. */
export function indentSlices(slices: readonly Slice[], dx: number): Slice[] {
  return slices.map((slice) => ({ ...slice, items: shiftItems(slice.items, dx, 0) }));
}

/** Sets the space above the first slice and marks the whole run to stay with what follows, if asked. */
export function withSpaceBefore(slices: Slice[], space: number): Slice[] {
  const [first, ...rest] = slices;
  return first ? [{ ...first, spaceBefore: Math.max(first.spaceBefore, space) }, ...rest] : slices;
}

/** Makes the last slice keep with the next block (headings, captions). */
export function keepLastWithNext(slices: Slice[]): Slice[] {
  const last = slices.at(-1);
  return last ? [...slices.slice(0, -1), { ...last, keepWithNext: true }] : slices;
}

/**
 * Wraps slices in a box: padding, a background and a rule on the left, painted per slice so that the
 * box continues seamlessly when it breaks across pages. Inner space between slices is absorbed into the box.
 */
export function boxSlices(
  slices: readonly Slice[],
  box: {
    width: number;
    padX: number;
    padY: number;
    fill?: string;
    rule?: { width: number; color: string };
  },
): Slice[] {
  return slices.map((slice, index) => {
    const top = index === 0 ? box.padY : slice.spaceBefore;
    const bottom = index === slices.length - 1 ? box.padY : 0;
    const height = top + slice.height + bottom;
    const decoration: PageItem[] = [];
    if (box.fill)
      decoration.push({ type: 'rect', x: 0, y: 0, width: box.width, height, color: box.fill });
    if (box.rule)
      decoration.push({
        type: 'rect',
        x: 0,
        y: 0,
        width: box.rule.width,
        height,
        color: box.rule.color,
      });
    return {
      ...slice,
      height,
      spaceBefore: 0,
      items: [...decoration, ...shiftItems(slice.items, box.padX, top)],
      ...(slice.firstBaseline === undefined ? {} : { firstBaseline: slice.firstBaseline + top }),
      ...(slice.header ? { header: boxSlices(slice.header, { ...box, padY: 0 }) } : {}),
    };
  });
}

/** A slice holding a horizontal rule. */
export function ruleSlice(
  width: number,
  thickness: number,
  color: string,
  spaceBefore: number,
  height = thickness,
): Slice {
  return {
    height,
    spaceBefore,
    keepWithNext: false,
    items: [
      { type: 'line', x1: 0, y1: height / 2, x2: width, y2: height / 2, width: thickness, color },
    ],
  };
}
