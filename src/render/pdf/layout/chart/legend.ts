import type { PageItem } from '../types.js';
import type { LabelStyle, Labels } from './labels.js';
import type { ChartCanvas } from './plot.js';

/** One legend entry: a swatch (a square for bars and slices, a short line for lines) and its name. */
export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  readonly mark: 'box' | 'line';
}

const SWATCH = 7;
const GAP = 12;

/** Lays out a legend in rows across `width` from (`x`, `y`); a row wraps before an entry that would not fit. */
export function layoutLegend(
  entries: readonly LegendEntry[],
  labels: Labels,
  style: LabelStyle,
  x: number,
  y: number,
  width: number,
): { items: PageItem[]; height: number } {
  const items: PageItem[] = [];
  const rowHeight = labels.leading(style) + 2;
  let cx = x;
  let row = 0;
  for (const entry of entries) {
    const textWidth = Math.min(labels.width(entry.name, style), width - SWATCH - 4);
    const need = SWATCH + 4 + textWidth;
    if (cx > x && cx + need > x + width) {
      cx = x;
      row++;
    }
    const top = y + row * rowHeight;
    const middle = top + labels.leading(style) / 2;
    items.push(...swatch(entry, cx, middle));
    items.push(
      ...labels.block(entry.name, style, textWidth + 1, 'left', cx + SWATCH + 4, top).items,
    );
    cx += need + GAP;
  }
  return { items, height: entries.length > 0 ? (row + 1) * rowHeight : 0 };
}

/** A legend's swatch centred vertically on `middle`. */
export function swatch(entry: LegendEntry, x: number, middle: number): PageItem[] {
  if (entry.mark === 'line') {
    return [
      { type: 'line', x1: x, y1: middle, x2: x + SWATCH, y2: middle, width: 2, color: entry.color },
    ];
  }
  return [
    { type: 'rect', x, y: middle - SWATCH / 2, width: SWATCH, height: SWATCH, color: entry.color },
  ];
}

/**
 * The top of a bar, line or area chart: the legend (a square for bars, a line for lines) when the chart
 * has one, then the axis title that sits above the plot. Returns the height used.
 */
export function chartHeader(canvas: ChartCanvas, width: number, title: string | undefined): number {
  const { spec, labels, style, items } = canvas;
  let top = 0;
  if (spec.legend) {
    const entries = spec.series.map((s, i) => ({
      name: s.name,
      color: style.colors[i] ?? style.axis,
      mark: s.type === 'line' ? ('line' as const) : ('box' as const),
    }));
    const legend = layoutLegend(entries, labels, style.tick, 0, 0, width);
    items.push(...legend.items);
    top += legend.height + 4;
  }
  if (title) {
    items.push(...labels.line(title, style.title, 0, top, 'left').items);
    top += labels.leading(style.title) + 2;
  }
  return top;
}
