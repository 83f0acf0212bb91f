import type { ChartSpec } from './spec.js';

/** A value axis: its ends, the step between ticks, the ticks, and the decimals a tick label needs. */
export interface ValueScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
  readonly decimals: number;
}

/** The lowest and highest values the chart must show: stacks summed, bars and areas from zero. */
export function valueExtent(spec: ChartSpec): { low: number; high: number } {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const see = (v: number) => {
    low = Math.min(low, v);
    high = Math.max(high, v);
  };
  const stacked = spec.stacked
    ? spec.series.filter((s) => s.type === 'bar' || spec.kind === 'area')
    : [];
  for (const series of spec.series) if (!stacked.includes(series)) series.values.forEach(see);
  spec.categories.forEach((_, index) => {
    let up = 0;
    let down = 0;
    for (const series of stacked) {
      const v = series.values[index] ?? 0;
      if (v >= 0) up += v;
      else down += v;
    }
    if (stacked.length > 0) {
      see(up);
      see(down);
    }
  });
  if (!Number.isFinite(low)) return { low: 0, high: 1 };
  const fromZero =
    spec.kind !== 'line' || low <= 0 || high - low >= 0.5 * Math.max(Math.abs(high), Math.abs(low));
  if (fromZero) {
    low = Math.min(low, 0);
    high = Math.max(high, 0);
  }
  return { low, high };
}

/** At most this many intervals between ticks: more makes a small chart's axis a column of numbers. */
const MAX_INTERVALS = 6;

/**
 * "Nice" ticks: a step of 1, 2 or 5 times a power of ten giving three to six intervals, ends on
 * multiples of the step; the caller's `min`/`max` win when given.
 */
export function valueScale(spec: ChartSpec): ValueScale {
  const extent = valueExtent(spec);
  let low = spec.min ?? extent.low;
  let high = spec.max ?? extent.high;
  // No spread worth an axis (all values equal, or differing past the precision of a label): pad.
  const magnitude = Math.max(Math.abs(high), Math.abs(low));
  if (high - low <= 1e-9 * Math.max(1, magnitude)) {
    const pad = magnitude > 1e-9 ? magnitude * 0.5 : 1;
    high = low + pad;
    if (spec.min === undefined && low !== 0) low -= pad;
  }
  let step = niceStep((high - low) / 5);
  while (Math.ceil(high / step - 1e-9) - Math.floor(low / step + 1e-9) > MAX_INTERVALS)
    step = niceStep(step * 1.5);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const min = round(spec.min ?? Math.floor(low / step + 1e-9) * step, decimals + 2);
  let max = round(spec.max ?? Math.ceil(high / step - 1e-9) * step, decimals + 2);
  // An axis needs length: a given max that rounds onto its min (1e-300) takes one step.
  if (!(max > min)) max = round(min + step, decimals + 2);
  const ticks: number[] = [];
  const first = Math.ceil(min / step - 1e-9) * step;
  for (
    let i = 0, tick = first;
    tick <= max + step * 1e-6 && i <= 2 * MAX_INTERVALS;
    i++, tick = first + i * step
  )
    ticks.push(round(tick, decimals));
  return { min, max, step, ticks, decimals };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** Math.min(12, decimals);
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
