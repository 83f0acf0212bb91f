import { describeChart } from './describe.js';
import { currencySymbol } from './format.js';
import { type ChartModel, type ChartSeries, type ChartSpec, MAX_CHART_VALUE } from './spec.js';

/** A table's text, as a chart with `from: table` reads it. */
export interface TableText {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A model table's cells as text. */
export function tableText(
  table:
    | {
        readonly columns: readonly (string | number)[];
        readonly rows: readonly (readonly (string | number)[])[];
      }
    | undefined,
): TableText | undefined {
  return (
    table && { columns: table.columns.map(String), rows: table.rows.map((row) => row.map(String)) }
  );
}

/** Where a chart's data is wrong: the field (relative to the chart) and what is wrong with it. */
export interface ChartProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Puts a validated chart's data in place (from its table when it says `from: table`) and makes every
 * remaining choice: series types, decimals, currency symbol, legend, labels and alt text.
 */
export function resolveChart(
  chart: ChartModel,
  table: TableText | undefined,
): { spec: ChartSpec } | { problem: ChartProblem } {
  const data = chart.from ? fromTable(chart, table) : fromSeries(chart);
  if ('problem' in data) return data;
  const { categories, series } = data;
  const values = series.flatMap((s) => s.values);
  const round = chart.kind === 'pie' || chart.kind === 'doughnut';
  const spec: Omit<ChartSpec, 'alt'> = {
    kind: chart.kind,
    title: chart.title,
    horizontal: chart.horizontal,
    stacked: chart.stacked,
    categories,
    series,
    format: chart.format,
    currency: currencySymbol(chart.currency),
    decimals: chart.decimals ?? Math.min(2, Math.max(0, ...values.map(decimalsOf))),
    unit: chart.unit,
    categoryTitle: chart.axisTitles?.category,
    valueTitle: chart.axisTitles?.value ?? chart.unit,
    min: chart.min,
    max: chart.max,
    valueLabels: chart.valueLabels ?? round,
    legend: chart.legend ?? (round || series.length > 1),
    source: chart.source,
  };
  return { spec: { ...spec, alt: chart.alt ?? describeChart(spec) } };
}

type Data = { categories: string[]; series: ChartSeries[] } | { problem: ChartProblem };

function fromSeries(chart: ChartModel): Data {
  const categories = chart.categories ?? [];
  const series = (chart.series ?? []).map((s, index) => ({
    name: s.name,
    values: s.values,
    type: seriesType(chart, s.type, index),
  }));
  return { categories, series };
}

function fromTable(chart: ChartModel, table: TableText | undefined): Data {
  if (!table) {
    return {
      problem: {
        path: ['from'],
        message: 'from: table needs a table before the chart in its section',
      },
    };
  }
  const numbers = table.columns.map((_, column) => {
    const cells = table.rows.map((row) => parseCellNumber(row[column] ?? ''));
    return cells.every((cell) => cell !== undefined) ? (cells as number[]) : undefined;
  });
  if (table.rows.length === 0) {
    return { problem: { path: ['from'], message: 'from: table found a table without rows' } };
  }
  const picked: number[] = [];
  if (chart.columns) {
    for (const [index, name] of chart.columns.entries()) {
      const column = table.columns.indexOf(name);
      if (column < 1) {
        const known = table.columns.slice(1).join('", "');
        return {
          problem: {
            path: ['columns', index],
            message: `the table has no data column "${name}" (it has "${known}")`,
          },
        };
      }
      if (!numbers[column]) {
        return {
          problem: {
            path: ['columns', index],
            message: `column "${name}" holds text that is not a number`,
          },
        };
      }
      picked.push(column);
    }
  } else {
    for (let column = 1; column < table.columns.length; column++)
      if (numbers[column]) picked.push(column);
  }
  if (picked.length === 0) {
    return {
      problem: {
        path: ['from'],
        message: 'from: table found no column of numbers after the first (the categories)',
      },
    };
  }
  return {
    categories: table.rows.map((row) => row[0] ?? ''),
    series: picked.map((column, index) => ({
      name: table.columns[column] ?? '',
      values: numbers[column] ?? [],
      type: seriesType(chart, undefined, index),
    })),
  };
}

function seriesType(
  chart: ChartModel,
  given: 'bar' | 'line' | undefined,
  index: number,
): 'bar' | 'line' {
  if (chart.kind === 'line') return 'line';
  if (chart.kind !== 'combo') return 'bar';
  return given ?? (index === 0 ? 'bar' : 'line');
}

/**
 * Reads a table cell as a number: thousands separators, a currency prefix, a percent sign, a Unicode
 * minus, accounting parentheses and Markdown emphasis are allowed; anything else is not a number.
 */
export function parseCellNumber(text: string): number | undefined {
  let t = text.replace(/[*_`]/g, '').replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  t = t.replace(/^[−–-]/, () => {
    negative = !negative;
    return '';
  });
  t = t
    .replace(/^(?:[A-Z]{1,3})?[$€£¥]/, '')
    .replace(/%$/, '')
    .replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (!/^\d+(?:\.\d+)?$|^\.\d+$/.test(t)) return undefined;
  const value = Number(t);
  if (!(value <= MAX_CHART_VALUE)) return undefined;
  return negative ? -value : value;
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 2;
  return text.split('.')[1]?.length ?? 0;
}

/**
 * The chart with its table's data written in (for templates, which put the chart where the table no
 * longer sits beside it); a chart with its own series, or whose table does not fit, is returned as is.
 */
export function inlineTableData(chart: ChartModel, table: TableText | undefined): ChartModel {
  if (!chart.from) return chart;
  const resolved = resolveChart(chart, table);
  if ('problem' in resolved) return chart;
  const { from: _from, columns: _columns, ...rest } = chart;
  return {
    ...rest,
    categories: [...resolved.spec.categories],
    series: resolved.spec.series.map((s) => ({
      name: s.name,
      values: [...s.values],
      ...(chart.kind === 'combo' ? { type: s.type } : {}),
    })),
  };
}
