import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCode, formatNumber } from '../../src/chart/format.js';
import { parseCellNumber, resolveChart } from '../../src/chart/resolve.js';
import { valueScale } from '../../src/chart/scale.js';
import { type ChartInput, ChartSchema, type ChartSpec } from '../../src/chart/spec.js';

/** A chart resolved from what an author writes; fails the test when the chart is wrong. */
function chart(input: ChartInput, table?: { columns: string[]; rows: string[][] }): ChartSpec {
  const resolved = resolveChart(ChartSchema.parse(input), table);
  if ('problem' in resolved) throw new Error(resolved.problem.message);
  return resolved.spec;
}

const bars = (values: number[], extra: Partial<ChartInput> = {}) =>
  chart({ categories: values.map((_, i) => `c${i}`), series: [{ name: 's', values }], ...extra });

describe('value axis', () => {
  it('puts bars on round ticks from zero', () => {
    expect(valueScale(bars([100, 107.2, 115])).ticks).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(valueScale(bars([0.3, 1.4])).ticks).toEqual([0, 0.5, 1, 1.5]);
    expect(valueScale(bars([7, 7])).ticks).toEqual([0, 2, 4, 6, 8]);
  });

  it('lets a line chart of values far from zero start near them', () => {
    const scale = valueScale(
      chart({
        kind: 'line',
        categories: ['a', 'b', 'c'],
        series: [{ name: 's', values: [98, 104, 113] }],
      }),
    );
    expect(scale.ticks).toEqual([95, 100, 105, 110, 115]);
  });

  it('covers negative values and stacked totals', () => {
    expect(valueScale(bars([-3, 7])).ticks).toEqual([-4, -2, 0, 2, 4, 6, 8]);
    const stacked = chart({
      stacked: true,
      categories: ['a', 'b'],
      series: [
        { name: 'x', values: [30, 40] },
        { name: 'y', values: [50, 45] },
      ],
    });
    expect(valueScale(stacked).max).toBe(100);
  });

  it("keeps the author's min and max", () => {
    const scale = valueScale(bars([5, 8], { min: 0, max: 10 }));
    expect([scale.min, scale.max]).toEqual([0, 10]);
    expect(scale.ticks).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('always gives three to six round intervals that cover the data (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (values) => {
          const scale = valueScale(bars(values));
          const intervals = scale.ticks.length - 1;
          expect(intervals).toBeGreaterThanOrEqual(1);
          expect(intervals).toBeLessThanOrEqual(6);
          const mantissa = scale.step / 10 ** Math.floor(Math.log10(scale.step) + 1e-9);
          expect([1, 2, 5, 10].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
          // Covered, to far less than a tick step.
          const slack = scale.step * 1e-6;
          expect(scale.min).toBeLessThanOrEqual(Math.min(0, ...values) + slack);
          expect(scale.max).toBeGreaterThanOrEqual(Math.max(0, ...values) - slack);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('number formats', () => {
  it('writes numbers the same in every locale', () => {
    const style = { format: 'number' as const, currency: '$', decimals: 1 };
    expect(formatNumber(1234567.25, style)).toBe('1,234,567.3');
    expect(formatNumber(-3, style)).toBe('−3.0');
    expect(formatNumber(-0.01, style)).toBe('0.0');
    expect(formatNumber(15, { ...style, format: 'percent', decimals: 0 })).toBe('15%');
    expect(formatNumber(1250, { format: 'currency', currency: 'C$', decimals: 0 })).toBe('C$1,250');
  });

  it('gives the deck the same format as a spreadsheet format code', () => {
    expect(formatCode({ format: 'number', currency: '$', decimals: 0 })).toBe('#,##0');
    expect(formatCode({ format: 'percent', currency: '$', decimals: 1 })).toBe('#,##0.0"%"');
    expect(formatCode({ format: 'currency', currency: 'C$', decimals: 2 })).toBe('"C$"#,##0.00');
  });

  it('turns ISO currency codes into symbols and picks decimals from the data', () => {
    expect(bars([1], { format: 'currency', currency: 'CAD' }).currency).toBe('C$');
    expect(bars([1, 2.5, 3.25]).decimals).toBe(2);
    expect(bars([1, 2.123456]).decimals).toBe(2);
    expect(bars([1, 2.5], { decimals: 0 }).decimals).toBe(0);
  });
});

describe('charts from a table', () => {
  const table = {
    columns: ['Year', 'Trade', 'Note', 'Goal'],
    rows: [
      ['2025', 'C$118.5', 'base', '118.5'],
      ['2026', '1,121', 'n/a', '(127.4)'],
    ],
  };

  it('reads numbers as tables write them', () => {
    expect(parseCellNumber('1,234.5')).toBe(1234.5);
    expect(parseCellNumber('15%')).toBe(15);
    expect(parseCellNumber('C$ 12')).toBe(12);
    expect(parseCellNumber('−3')).toBe(-3);
    expect(parseCellNumber('(4)')).toBe(-4);
    expect(parseCellNumber('**7**')).toBe(7);
    expect(parseCellNumber('n/a')).toBeUndefined();
    expect(parseCellNumber('')).toBeUndefined();
    expect(parseCellNumber('12 km')).toBeUndefined();
  });

  it('takes categories from the first column and series from the numeric columns', () => {
    const spec = chart({ from: 'table' }, table);
    expect(spec.categories).toEqual(['2025', '2026']);
    expect(spec.series.map((s) => [s.name, s.values])).toEqual([
      ['Trade', [118.5, 1121]],
      ['Goal', [118.5, -127.4]],
    ]);
  });

  it('plots only the columns named, and says which column is wrong', () => {
    expect(chart({ from: 'table', columns: ['Goal'] }, table).series.map((s) => s.name)).toEqual([
      'Goal',
    ]);
    const problem = (input: ChartInput, t?: typeof table) => {
      const resolved = resolveChart(ChartSchema.parse(input), t);
      return 'problem' in resolved ? resolved.problem : undefined;
    };
    expect(problem({ from: 'table', columns: ['Trade', 'Missing'] }, table)).toEqual({
      path: ['columns', 1],
      message: 'the table has no data column "Missing" (it has "Trade", "Note", "Goal")',
    });
    expect(problem({ from: 'table', columns: ['Note'] }, table)?.message).toContain('not a number');
    expect(problem({ from: 'table' })?.path).toEqual(['from']);
  });
});

describe('the chart spec', () => {
  const issues = (input: unknown) => {
    const result = ChartSchema.safeParse(input);
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('names the field of every mistake', () => {
    expect(issues({ categories: ['a', 'b'], series: [{ name: 's', values: [1] }] })).toEqual([
      'series.0.values: series "s" has 1 values for 2 categories',
    ]);
    expect(
      issues({ kind: 'pie', categories: ['a'], series: [{ name: 's', values: [-1] }] }),
    ).toEqual(['series.0.values.0: a pie cannot show a negative value']);
    expect(
      issues({
        kind: 'line',
        horizontal: true,
        categories: ['a'],
        series: [{ name: 's', values: [1] }],
      }),
    ).toEqual(['horizontal: horizontal applies to bar charts, not line']);
    expect(issues({ categories: ['a'] })).toEqual([
      'series: a chart needs series (with values) or from: table',
    ]);
    expect(issues({ kind: 'radar' })[0]).toMatch(/^kind: /);
  });

  it('describes the data for readers who cannot see the chart', () => {
    expect(bars([1, 2], { title: 'T', unit: 'kt', source: 'Agency' }).alt).toBe(
      'Bar chart: T. s (kt): c0 1, c1 2. Source: Agency.',
    );
    const long = bars(Array.from({ length: 30 }, (_, i) => i));
    expect(long.alt).toContain('30 values from c0 to c29, lowest 0 (c0), highest 29 (c29)');
  });
});
