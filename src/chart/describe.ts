import { formatNumber } from './format.js';
import type { ChartSpec } from './spec.js';

const KIND_NAMES: Readonly<Record<ChartSpec['kind'], string>> = {
  bar: 'Bar chart',
  line: 'Line chart',
  area: 'Area chart',
  pie: 'Pie chart',
  doughnut: 'Doughnut chart',
  combo: 'Bar and line chart',
};

/** Values listed one by one up to this many; beyond it the description gives each series' range. */
const LIST_LIMIT = 24;

/**
 * Describes a chart for readers who cannot see it: its kind and title, then every value (or, for a
 * large chart, each series' lowest and highest values) with the unit.
 */
export function describeChart(spec: Omit<ChartSpec, 'alt'>): string {
  const kind = spec.horizontal ? 'Horizontal bar chart' : KIND_NAMES[spec.kind];
  const head = spec.title ? `${kind}: ${spec.title}.` : `${kind}.`;
  const unit = spec.unit ? ` (${spec.unit})` : '';
  const format = (value: number) => formatNumber(value, spec);
  const total = spec.series.length * spec.categories.length;
  const parts = spec.series.map((series) => {
    if (total <= LIST_LIMIT) {
      const values = series.values.map((v, i) => `${spec.categories[i] ?? ''} ${format(v)}`);
      return `${series.name}${unit}: ${values.join(', ')}.`;
    }
    const low = series.values.indexOf(Math.min(...series.values));
    const high = series.values.indexOf(Math.max(...series.values));
    return `${series.name}${unit}: ${spec.categories.length} values from ${spec.categories[0]} to ${spec.categories.at(-1)}, lowest ${format(series.values[low] ?? 0)} (${spec.categories[low]}), highest ${format(series.values[high] ?? 0)} (${spec.categories[high]}).`;
  });
  const source = spec.source ? ` Source: ${spec.source}.` : '';
  return `${head} ${parts.join(' ')}${source}`.replace(/\.\./g, '.');
}

/** The line under a chart: its source, with "Source:" in front unless the author wrote it. */
export function sourceLine(spec: Pick<ChartSpec, 'source'>): string | undefined {
  if (!spec.source) return undefined;
  return /^sources?\b/i.test(spec.source) ? spec.source : `Source: ${spec.source}`;
}
