import type { ChartSeries } from '../../../../chart/spec.js';
import type { PageItem } from '../types.js';
import { chartHeader } from './legend.js';
import {
  BarStack,
  baseValue,
  type ChartCanvas,
  circle,
  fraction,
  placeValueLabel,
  polyline,
  valueText,
  valueTicks,
} from './plot.js';

const ROTATED_MAX = 80;
const COS45 = Math.SQRT1_2;

/**
 * Draws a chart with categories along the bottom and values up the side (bar, line, area and combo):
 * legend on top, the value axis title above the ticks, gridlines at round ticks, category labels that
 * wrap to two lines or turn 45° when crowded, value labels that never cover each other. Returns the
 * height used: turned labels add their depth, so that the plot keeps its height.
 */
export function drawVertical(canvas: ChartCanvas, width: number, minHeight: number): number {
  const { spec, labels, style, items } = canvas;
  const top = chartHeader(canvas, width, spec.valueTitle);
  const { scale, ticks } = valueTicks(spec);
  const tickLeading = labels.leading(style.tick);
  const plotTop = top + tickLeading / 2;
  const plotLeft = Math.max(...ticks.map((t) => labels.width(t.text, style.tick))) + 6;
  const plotRight = width - 2;
  const band = (plotRight - plotLeft) / spec.categories.length;
  const cats = categoryLabels(canvas, band);
  const titleHeight = spec.categoryTitle ? labels.leading(style.title) + 4 : 0;
  const height = minHeight + Math.max(0, cats.height - 2 * labels.leading(style.category));
  const plotBottom = height - cats.height - 4 - titleHeight;
  const y = (v: number) => plotBottom - fraction(v, scale) * (plotBottom - plotTop);
  for (const tick of ticks) {
    const ty = y(tick.value);
    items.push(line(plotLeft, ty, plotRight, ty, 0.5, style.grid));
    items.push(
      ...labels.line(tick.text, style.tick, plotLeft - 4, ty - tickLeading / 2, 'right').items,
    );
  }
  const base = baseValue(scale);
  const plot = { x: plotLeft, y: 0, w: plotRight - plotLeft, h: plotBottom };
  const center = (i: number) => plotLeft + (i + 0.5) * band;
  if (spec.kind === 'area') drawAreas(canvas, center, y, base);
  else drawBars(canvas, plotLeft, band, y, base, plot);
  items.push(line(plotLeft, y(base), plotRight, y(base), 0.75, style.axis));
  drawLines(canvas, center, y, plot);
  cats.draw(plotLeft, plotBottom + 4);
  if (spec.categoryTitle) {
    const at = height - labels.leading(style.title);
    items.push(
      ...labels.line(spec.categoryTitle, style.title, (plotLeft + plotRight) / 2, at, 'center')
        .items,
    );
  }
  return height;
}

function drawBars(
  canvas: ChartCanvas,
  left: number,
  band: number,
  y: (v: number) => number,
  base: number,
  plot: { x: number; y: number; w: number; h: number },
): void {
  const { spec, style, items, labels } = canvas;
  const bars = spec.series.flatMap((s, index) => (s.type === 'bar' ? [{ s, index }] : []));
  if (bars.length === 0) return;
  const slots = spec.stacked ? 1 : bars.length;
  const group = band * (slots === 1 ? 0.6 : 0.76);
  const slot = group / slots;
  const gap = slots > 1 ? Math.min(1.5, slot * 0.1) : 0;
  spec.categories.forEach((_, i) => {
    const x0 = left + i * band + (band - group) / 2;
    const stack = new BarStack(base, spec.stacked);
    bars.forEach(({ s, index }, j) => {
      const v = s.values[i] ?? 0;
      const color = style.colors[index] ?? style.axis;
      const x = spec.stacked ? x0 : x0 + j * slot;
      const w = slot - gap;
      const { low, high } = stack.next(v);
      const y1 = y(high);
      const y2 = y(low);
      items.push({ type: 'rect', x, y: y1, width: w, height: Math.max(0, y2 - y1), color });
      if (!spec.valueLabels) return;
      const text = valueText(v, spec);
      const tw = labels.width(text, style.value);
      const th = labels.leading(style.value);
      if (spec.stacked) {
        if (y2 - y1 >= th && tw <= w + 2)
          placeValueLabel(canvas, text, x + w / 2 - tw / 2, (y1 + y2) / 2 - th / 2, plot, {
            ...style.value,
            color: '#FFFFFF',
          });
      } else {
        const ly = v >= 0 ? y1 - th - 1 : y2 + 1;
        placeValueLabel(canvas, text, x + w / 2 - tw / 2, ly, plot);
      }
    });
  });
}

function drawAreas(
  canvas: ChartCanvas,
  center: (i: number) => number,
  y: (v: number) => number,
  base: number,
): void {
  const { spec, style, items } = canvas;
  const below = spec.categories.map(() => base);
  spec.series.forEach((s, index) => {
    const color = style.colors[index] ?? style.axis;
    const tops = s.values.map((v, i) => (spec.stacked ? (below[i] ?? base) + v : v));
    const bottoms = spec.stacked ? [...below] : spec.categories.map(() => base);
    const upper = tops.map((v, i) => [center(i), y(v)] as const);
    const lower = bottoms.map((v, i) => [center(i), y(v)] as const).reverse();
    items.push({
      type: 'path',
      x: 0,
      y: 0,
      d: `${polyline([...upper, ...lower])} Z`,
      fill: color,
      fillOpacity: spec.stacked ? 0.9 : 0.35,
    });
    items.push({ type: 'path', x: 0, y: 0, d: polyline(upper), stroke: color, lineWidth: 1.5 });
    if (spec.stacked) below.splice(0, below.length, ...tops);
  });
}

function drawLines(
  canvas: ChartCanvas,
  center: (i: number) => number,
  y: (v: number) => number,
  plot: { x: number; y: number; w: number; h: number },
): void {
  const { spec, style, items, labels } = canvas;
  const lines = spec.kind === 'area' ? [] : spec.series.filter((s) => s.type === 'line');
  const markers = spec.categories.length <= 24;
  for (const s of lines) {
    const color = style.colors[spec.series.indexOf(s)] ?? style.axis;
    const points = s.values.map((v, i) => [center(i), y(v)] as const);
    items.push({ type: 'path', x: 0, y: 0, d: polyline(points), stroke: color, lineWidth: 1.75 });
    if (markers)
      for (const [px, py] of points)
        items.push({
          type: 'path',
          x: 0,
          y: 0,
          d: circle(px, py, 2.2),
          fill: color,
          stroke: '#FFFFFF',
          lineWidth: 0.75,
        });
  }
  if (!spec.valueLabels) return;
  const th = labels.leading(style.value);
  const labelled = spec.kind === 'area' ? spec.series : lines;
  for (const s of labelled) {
    s.values.forEach((v, i) => {
      const text = valueText(v, spec);
      const tw = labels.width(text, style.value);
      const py = y(spec.kind === 'area' && spec.stacked ? stackedTop(spec.series, s, i) : v);
      const x = center(i) - tw / 2;
      if (!placeValueLabel(canvas, text, x, py - th - 3, plot))
        placeValueLabel(canvas, text, x, py + 3, plot);
    });
  }
}

function stackedTop(series: readonly ChartSeries[], upTo: ChartSeries, index: number): number {
  let sum = 0;
  for (const s of series) {
    sum += s.values[index] ?? 0;
    if (s === upTo) break;
  }
  return sum;
}

/** Category labels: measured first (the plot's height depends on them), drawn once the plot is placed. */
function categoryLabels(
  canvas: ChartCanvas,
  band: number,
): { height: number; draw: (left: number, top: number) => void } {
  const { spec, labels, style, items } = canvas;
  const s = style.category;
  const leading = labels.leading(s);
  const room = band - 4;
  const widths = spec.categories.map((c) => labels.width(c, s));
  const widest = Math.max(0, ...widths);
  if (widest <= room) {
    return {
      height: leading,
      draw: (left, top) =>
        spec.categories.forEach((c, i) => {
          items.push(...labels.line(c, s, left + (i + 0.5) * band, top, 'center').items);
        }),
    };
  }
  const wrapped = spec.categories.map((c) => labels.block(c, s, room, 'center', 0, 0));
  if (room > 16 && wrapped.every((w) => w.lines <= 2 && w.width <= room + 0.5)) {
    return {
      height: 2 * leading,
      draw: (left, top) =>
        spec.categories.forEach((c, i) => {
          items.push(...labels.block(c, s, room, 'center', left + i * band + 2, top).items);
        }),
    };
  }
  // Turned 45°: each label ends under its category; crowded categories show every n-th label.
  const texts = spec.categories.map((c, i) =>
    (widths[i] ?? 0) > ROTATED_MAX ? shorten(c, labels, s) : c,
  );
  const longest = Math.min(ROTATED_MAX, widest);
  const every = Math.max(1, Math.ceil((leading * 1.1) / (band * Math.SQRT2)));
  return {
    height: longest * COS45 + leading,
    draw: (left, top) =>
      texts.forEach((text, i) => {
        if (i % every !== 0) return;
        const w = labels.width(text, s);
        const endX = left + (i + 0.5) * band + s.size * 0.3;
        const endY = top + s.size * 0.8;
        const startX = endX - w * COS45;
        const startY = endY + w * COS45;
        for (const item of labels.line(text, s, 0, 0, 'left').items) {
          if (item.type !== 'text') continue;
          const along = item.x;
          items.push({ ...item, x: startX + along * COS45, y: startY - along * COS45, rotate: 45 });
        }
      }),
  };
}

function shorten(
  text: string,
  labels: ChartCanvas['labels'],
  style: ChartCanvas['style']['category'],
): string {
  let cut = [...text];
  while (cut.length > 1 && labels.width(`${cut.join('')}…`, style) > ROTATED_MAX)
    cut = cut.slice(0, -1);
  return `${cut.join('').trimEnd()}…`;
}

function line(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  width: number,
  color: string,
): PageItem {
  return { type: 'line', x1, y1, x2, y2, width, color };
}
