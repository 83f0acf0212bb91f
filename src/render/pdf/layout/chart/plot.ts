import { formatNumber } from '../../../../chart/format.js';
import { type ValueScale, valueScale } from '../../../../chart/scale.js';
import type { ChartSpec } from '../../../../chart/spec.js';
import type { PageItem } from '../types.js';
import { type Box, type LabelStyle, type Labels, overlaps } from './labels.js';

/** The colours and text styles a chart is drawn with. */
export interface ChartStyle {
  /** One colour per series (or per category, for slices). */
  readonly colors: readonly string[];
  readonly grid: string;
  readonly axis: string;
  readonly tick: LabelStyle;
  readonly category: LabelStyle;
  readonly value: LabelStyle;
  readonly title: LabelStyle;
}

/** What every part of a chart drawing shares. */
export interface ChartCanvas {
  readonly spec: ChartSpec;
  readonly labels: Labels;
  readonly style: ChartStyle;
  readonly items: PageItem[];
  /** Value labels placed so far, so that later ones do not cover them. */
  readonly placed: Box[];
}

/** The chart's value scale and its ticks, each with its text: the chart's format with the decimals the tick step needs. */
export function valueTicks(spec: ChartSpec): {
  scale: ValueScale;
  ticks: { value: number; text: string }[];
} {
  const scale = valueScale(spec);
  const decimals = { ...spec, decimals: scale.decimals };
  return {
    scale,
    ticks: scale.ticks.map((value) => ({ value, text: formatNumber(value, decimals) })),
  };
}

/** A value label's text. */
export function valueText(value: number, spec: ChartSpec): string {
  return formatNumber(value, spec);
}

/**
 * Places a value label with its box's top-left at (`x`, `y`) unless it would cover another label or
 * leave `bounds`; returns whether it was placed.
 */
export function placeValueLabel(
  canvas: ChartCanvas,
  text: string,
  x: number,
  y: number,
  bounds: Box,
  style: LabelStyle = canvas.style.value,
): boolean {
  const { labels } = canvas;
  const box = { x, y, w: labels.width(text, style), h: labels.leading(style) };
  const inside =
    box.x >= bounds.x - 0.5 &&
    box.y >= bounds.y - 0.5 &&
    box.x + box.w <= bounds.x + bounds.w + 0.5 &&
    box.y + box.h <= bounds.y + bounds.h + 0.5;
  if (!inside || canvas.placed.some((other) => overlaps(box, other))) return false;
  canvas.placed.push(box);
  canvas.items.push(...labels.line(text, style, x, y, 'left').items);
  return true;
}

/** SVG path data through points. */
export function polyline(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fix(x)} ${fix(y)}`).join(' ');
}

/** SVG path data of a circle. */
export function circle(x: number, y: number, r: number): string {
  return `M${fix(x - r)} ${fix(y)} A${fix(r)} ${fix(r)} 0 1 0 ${fix(x + r)} ${fix(y)} A${fix(r)} ${fix(r)} 0 1 0 ${fix(x - r)} ${fix(y)} Z`;
}

/** A coordinate as path data writes it: three decimals at most, the same on every run. */
export function fix(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Where a value sits between the ends of a scale, as a fraction from 0 to 1 (clamped). */
export function fraction(value: number, scale: ValueScale): number {
  const f = (value - scale.min) / (scale.max - scale.min);
  return Math.min(1, Math.max(0, f));
}

/** The baseline bars grow from: zero, or the end of the scale nearest to it. */
export function baseValue(scale: ValueScale): number {
  return Math.min(scale.max, Math.max(scale.min, 0));
}

/**
 * Where each bar of a category starts and ends on the value axis: from the baseline, or, stacked, on
 * top of the bars before it (positive values up from zero, negative ones down).
 */
export class BarStack {
  readonly #base: number;
  readonly #stacked: boolean;
  #up = 0;
  #down = 0;

  constructor(base: number, stacked: boolean) {
    this.#base = base;
    this.#stacked = stacked;
  }

  /** The ends of the next bar, lower first. */
  next(value: number): { low: number; high: number } {
    if (!this.#stacked)
      return { low: Math.min(this.#base, value), high: Math.max(this.#base, value) };
    const from = value >= 0 ? this.#up : this.#down;
    const to = from + value;
    if (value >= 0) this.#up = to;
    else this.#down = to;
    return { low: Math.min(from, to), high: Math.max(from, to) };
  }
}
