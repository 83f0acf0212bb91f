import { formatNumber } from '../../../../chart/format.js';
import { swatch } from './legend.js';
import { type ChartCanvas, fix, valueText } from './plot.js';

/** The smallest share of the whole that gets its percentage written on its slice. */
const LABEL_SHARE = 0.06;

/**
 * Draws a pie or a doughnut (one ring per series, the first outermost): slices clockwise from twelve
 * o'clock in the palette's order, white seams, percentages on slices big enough to hold them, and a
 * legend on the right with each category's value and share.
 */
export function drawRound(canvas: ChartCanvas, width: number, height: number): void {
  const { spec, labels, style, items } = canvas;
  const radius = Math.min(height - 8, width * 0.42) / 2;
  const cx = radius + 4;
  const cy = height / 2;
  const hole = spec.kind === 'doughnut' ? radius * 0.55 : 0;
  const ring = (radius - hole) / spec.series.length;
  spec.series.forEach((series, s) => {
    const outer = radius - s * ring;
    const inner = Math.max(hole, outer - ring);
    const total = series.values.reduce((a, b) => a + b, 0);
    let angle = 0;
    series.values.forEach((value, i) => {
      const share = total > 0 ? value / total : 0;
      if (share <= 0) return;
      const end = angle + share * 2 * Math.PI;
      const color = style.colors[i] ?? style.axis;
      items.push({
        type: 'path',
        x: cx,
        y: cy,
        d: sector(angle, end, outer, inner),
        fill: color,
        stroke: '#FFFFFF',
        lineWidth: 0.75,
      });
      if (spec.valueLabels && share >= LABEL_SHARE) {
        const mid = (angle + end) / 2;
        const at = inner > 0 ? (inner + outer) / 2 : outer * 0.64;
        const text = formatNumber(share * 100, { format: 'percent', currency: '', decimals: 0 });
        const tw = labels.width(text, style.value);
        const th = labels.leading(style.value);
        if (ring >= th || inner === 0)
          items.push(
            ...labels.line(
              text,
              { ...style.value, color: '#FFFFFF', bold: true },
              cx + Math.sin(mid) * at - tw / 2,
              cy - Math.cos(mid) * at - th / 2,
              'left',
            ).items,
          );
      }
      angle = end;
    });
  });
  // The legend: a swatch, the category, its value and (for one series) its share.
  const x = cx + radius + 18;
  const legendWidth = width - x;
  const first = spec.series[0];
  const total = first ? first.values.reduce((a, b) => a + b, 0) : 0;
  const rows = spec.categories.map((category, i) => {
    const value = first?.values[i] ?? 0;
    const detail =
      spec.series.length === 1 && total > 0
        ? ` ${valueText(value, spec)} (${Math.round((value / total) * 100)}%)`
        : '';
    return `${category}${detail}`;
  });
  const leading = labels.leading(style.category) + 3;
  let y = Math.max(0, cy - (rows.length * leading) / 2);
  rows.forEach((text, i) => {
    const label = labels.block(text, style.category, legendWidth - 12, 'left', x + 12, y);
    items.push(
      ...swatch(
        { name: text, color: style.colors[i] ?? style.axis, mark: 'box' },
        x,
        y + labels.leading(style.category) / 2,
      ),
    );
    items.push(...label.items);
    y += label.height + 3;
  });
  if (spec.series.length > 1) {
    const names = spec.series.map((s) => s.name).join(', ');
    items.push(
      ...labels.block(`Rings from outside: ${names}`, style.title, legendWidth, 'left', x, y + 4)
        .items,
    );
  }
}

/** SVG path data of a slice (or a ring segment) between two angles, clockwise from twelve o'clock. */
function sector(start: number, end: number, outer: number, inner: number): string {
  // A whole circle is drawn as two halves: an arc whose ends meet draws nothing.
  if (end - start >= 2 * Math.PI - 1e-6) {
    return `${sector(start, start + Math.PI, outer, inner)} ${sector(start + Math.PI, end, outer, inner)}`;
  }
  const point = (angle: number, r: number) =>
    `${fix(Math.sin(angle) * r)} ${fix(-Math.cos(angle) * r)}`;
  const large = end - start > Math.PI ? 1 : 0;
  const arc = `M${point(start, outer)} A${fix(outer)} ${fix(outer)} 0 ${large} 1 ${point(end, outer)}`;
  if (inner <= 0) return `${arc} L0 0 Z`;
  return `${arc} L${point(end, inner)} A${fix(inner)} ${fix(inner)} 0 ${large} 0 ${point(start, inner)} Z`;
}
