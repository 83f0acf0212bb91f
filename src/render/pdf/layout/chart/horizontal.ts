import { chartHeader } from './legend.js';
import {
  BarStack,
  baseValue,
  type ChartCanvas,
  fraction,
  placeValueLabel,
  valueText,
  valueTicks,
} from './plot.js';

/** The height each category needs for its bars. */
function barRoom(slots: number): number {
  return Math.max(14, slots * 8 + 6);
}

/**
 * The height a horizontal bar chart needs: room for every category's bars and wrapped label, at least
 * `minimum`.
 */
export function horizontalHeight(canvas: ChartCanvas, width: number, minimum: number): number {
  const { spec, labels, style } = canvas;
  const labelWidth = labelColumn(canvas, width);
  const slots = spec.stacked ? 1 : spec.series.length;
  const rows = spec.categories.map((c) =>
    Math.max(barRoom(slots), labels.block(c, style.category, labelWidth, 'right', 0, 0).height + 4),
  );
  const chrome =
    3 * labels.leading(style.tick) + (spec.legend ? 2 * labels.leading(style.tick) : 0);
  return Math.max(minimum, rows.reduce((a, b) => a + b, 0) + chrome);
}

function labelColumn(canvas: ChartCanvas, width: number): number {
  const { spec, labels, style } = canvas;
  const widest = Math.max(...spec.categories.map((c) => labels.width(c, style.category)));
  return Math.min(widest + 1, width * 0.3);
}

/**
 * Draws bars that run left to right: category labels (wrapped) on the left, the value axis along the
 * bottom with its title under it, gridlines at round ticks, value labels past the end of each bar.
 */
export function drawHorizontal(canvas: ChartCanvas, width: number, height: number): void {
  const { spec, labels, style, items } = canvas;
  // Bars that run across have their category title above the labels, the value title below the axis.
  const top = chartHeader(canvas, width, spec.categoryTitle);
  const { scale, ticks } = valueTicks(spec);
  const tickLeading = labels.leading(style.tick);
  const labelWidth = labelColumn(canvas, width);
  const plotLeft = labelWidth + 6;
  const valueRoom = spec.valueLabels
    ? Math.max(
        ...spec.series.flatMap((s) =>
          s.values.map((v) => labels.width(valueText(v, spec), style.value)),
        ),
      ) + 4
    : 0;
  const lastTick = labels.width(ticks.at(-1)?.text ?? '', style.tick) / 2;
  const plotRight = width - Math.max(valueRoom, lastTick, 2);
  const titleHeight = spec.valueTitle ? labels.leading(style.title) + 2 : 0;
  const plotBottom = height - tickLeading - 3 - titleHeight;
  const x = (v: number) => plotLeft + fraction(v, scale) * (plotRight - plotLeft);
  for (const tick of ticks) {
    const tx = x(tick.value);
    items.push({
      type: 'line',
      x1: tx,
      y1: top,
      x2: tx,
      y2: plotBottom,
      width: 0.5,
      color: style.grid,
    });
    items.push(...labels.line(tick.text, style.tick, tx, plotBottom + 3, 'center').items);
  }
  if (spec.valueTitle) {
    items.push(
      ...labels.line(
        spec.valueTitle,
        style.title,
        (plotLeft + plotRight) / 2,
        height - labels.leading(style.title),
        'center',
      ).items,
    );
  }
  const band = (plotBottom - top) / spec.categories.length;
  const slots = spec.stacked ? 1 : spec.series.length;
  const group = band * (slots === 1 ? 0.62 : 0.78);
  const slot = group / slots;
  const gap = slots > 1 ? Math.min(1.5, slot * 0.1) : 0;
  const base = baseValue(scale);
  const plot = { x: plotLeft, y: top, w: width - plotLeft, h: plotBottom - top };
  spec.categories.forEach((category, i) => {
    const bandTop = top + i * band;
    const label = labels.block(category, style.category, labelWidth, 'right', 0, 0);
    items.push(
      ...labels.block(
        category,
        style.category,
        labelWidth,
        'right',
        0,
        bandTop + (band - label.height) / 2,
      ).items,
    );
    const stack = new BarStack(base, spec.stacked);
    spec.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const y = bandTop + (band - group) / 2 + (spec.stacked ? 0 : j * slot);
      const h = slot - gap;
      const { low, high } = stack.next(v);
      const x1 = x(low);
      const x2 = x(high);
      items.push({
        type: 'rect',
        x: x1,
        y,
        width: Math.max(0, x2 - x1),
        height: h,
        color: style.colors[j] ?? style.axis,
      });
      if (!spec.valueLabels) return;
      const text = valueText(v, spec);
      const tw = labels.width(text, style.value);
      const th = labels.leading(style.value);
      if (spec.stacked) {
        if (x2 - x1 >= tw + 4 && h >= th - 1)
          placeValueLabel(canvas, text, (x1 + x2) / 2 - tw / 2, y + h / 2 - th / 2, plot, {
            ...style.value,
            color: '#FFFFFF',
          });
      } else {
        placeValueLabel(canvas, text, v >= 0 ? x2 + 3 : x1 - 3 - tw, y + h / 2 - th / 2, plot);
      }
    });
  });
  items.push({
    type: 'line',
    x1: x(base),
    y1: top,
    x2: x(base),
    y2: plotBottom,
    width: 0.75,
    color: style.axis,
  });
}
