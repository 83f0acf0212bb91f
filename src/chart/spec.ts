import { z } from 'zod';

/** The kinds of chart briefwright draws in the brief and writes natively into the deck. */
export const CHART_KINDS = ['bar', 'line', 'area', 'pie', 'doughnut', 'combo'] as const;
/** A kind of chart. */
export type ChartKind = (typeof CHART_KINDS)[number];
/** How values are written: plain numbers, percentages (15 means 15%) or amounts of a currency. */
export type ChartFormat = 'number' | 'percent' | 'currency';

/**
 * The largest value a chart takes: beyond it sums and scales lose their meaning (1e308 summed is
 * Infinity, written into a deck's XML as text no reader takes).
 */
export const MAX_CHART_VALUE = 1e15;

/** A value of a chart: a finite number no larger than {@link MAX_CHART_VALUE} either way. */
const ChartNumber = z.number().refine((v) => Math.abs(v) <= MAX_CHART_VALUE, {
  message: 'must be a number between -10^15 and 10^15',
});

const SeriesSchema = z.strictObject({
  name: z
    .union([z.string().min(1), z.number().transform(String)])
    .describe('Name of the series, shown in the legend'),
  values: z.array(ChartNumber).describe('One value per category'),
  type: z
    .enum(['bar', 'line'])
    .describe(
      'In a combo chart: drawn as bars or as a line (default: the first bars, the rest lines)',
    )
    .optional(),
});

/** Series as written in a `from: table` chart: names of the table's columns to plot. */
const ColumnsSchema = z.array(z.string().min(1)).min(1);

const ChartFields = z.strictObject({
  kind: z.enum(CHART_KINDS).default('bar').describe('bar, line, area, pie, doughnut or combo'),
  title: z
    .string()
    .describe('Title: the caption in the brief, the slide title in the deck')
    .optional(),
  horizontal: z.boolean().default(false).describe('Bars run left to right (bar charts)'),
  stacked: z.boolean().default(false).describe('Stack the series (bar, area and combo charts)'),
  categories: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .min(1)
    .describe('Category labels, one per value')
    .optional(),
  series: z.array(SeriesSchema).min(1).describe('The data: one or more named series').optional(),
  from: z
    .literal('table')
    .describe(
      "Take categories (first column) and series (numeric columns) from the section's table",
    )
    .optional(),
  columns: ColumnsSchema.describe(
    'With from: table, the columns to plot (default: every numeric one)',
  ).optional(),
  format: z
    .enum(['number', 'percent', 'currency'])
    .default('number')
    .describe('number (1,234.5), percent (15 means 15%) or currency'),
  currency: z
    .string()
    .min(1)
    .max(8)
    .default('$')
    .describe('Currency symbol or ISO code (USD, CAD, EUR, GBP, CNY, JPY…) for format: currency'),
  decimals: z
    .number()
    .int()
    .min(0)
    .max(6)
    .describe('Decimals shown in value labels (default: as many as the data has, at most 2)')
    .optional(),
  unit: z
    .string()
    .describe('Unit of the values, such as "C$ billion"; the value axis title by default')
    .optional(),
  axisTitles: z
    .strictObject({
      category: z.string().describe('Title of the category axis').optional(),
      value: z.string().describe('Title of the value axis').optional(),
    })
    .optional(),
  min: ChartNumber.describe('Lowest value on the value axis').optional(),
  max: ChartNumber.describe('Highest value on the value axis').optional(),
  valueLabels: z.boolean().describe('Write each value on its bar, point or slice').optional(),
  legend: z
    .boolean()
    .describe('Show the legend (default: with two series or more, and for pies)')
    .optional(),
  source: z.string().describe('Source line shown under the chart').optional(),
  alt: z.string().describe('Alternative text; by default a description of the data').optional(),
});

/** A chart as written in the model or in a ` ```chart ` fence, checked field by field. */
export const ChartSchema = ChartFields.superRefine((chart, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (chart.from) {
    if (chart.series) issue(['series'], 'give series or from: table, not both');
    if (chart.categories)
      issue(['categories'], 'with from: table the categories are the first column');
  } else {
    if (chart.columns) issue(['columns'], 'columns picks table columns: it needs from: table');
    if (!chart.series) issue(['series'], 'a chart needs series (with values) or from: table');
    if (!chart.categories) issue(['categories'], 'a chart needs categories, one per value');
  }
  const categories = chart.categories?.length;
  chart.series?.forEach((series, index) => {
    if (categories !== undefined && series.values.length !== categories) {
      issue(
        ['series', index, 'values'],
        `series "${series.name}" has ${series.values.length} values for ${categories} categories`,
      );
    }
    if (series.type && chart.kind !== 'combo')
      issue(['series', index, 'type'], 'a series type is for combo charts');
  });
  const round = chart.kind === 'pie' || chart.kind === 'doughnut';
  if (chart.horizontal && chart.kind !== 'bar')
    issue(['horizontal'], `horizontal applies to bar charts, not ${chart.kind}`);
  if (chart.stacked && (round || chart.kind === 'line'))
    issue(['stacked'], `stacked applies to bar, area and combo charts, not ${chart.kind}`);
  if (round && chart.series && chart.series.length > 1 && chart.kind === 'pie')
    issue(
      ['series'],
      `a pie shows one series; this one has ${chart.series.length} (use a bar chart)`,
    );
  if (round) {
    chart.series?.forEach((series, index) => {
      const negative = series.values.findIndex((v) => v < 0);
      if (negative >= 0)
        issue(
          ['series', index, 'values', negative],
          `a ${chart.kind} cannot show a negative value`,
        );
      else if (series.values.every((v) => v === 0))
        issue(['series', index, 'values'], `a ${chart.kind} needs a value above zero`);
    });
  }
  if (chart.min !== undefined && chart.max !== undefined && chart.min >= chart.max)
    issue(['max'], `max (${chart.max}) must be above min (${chart.min})`);
});

/** A chart as a caller writes it. */
export type ChartInput = z.input<typeof ChartSchema>;
/** A chart as validated: defaults applied, data possibly still to be taken from a table. */
export type ChartModel = z.output<typeof ChartSchema>;

/** A series of a resolved chart. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
  /** How the series is drawn: bars or a line (for bar charts every series is bars). */
  readonly type: 'bar' | 'line';
}

/** A chart with its data in place and every choice made: what renderers draw. */
export interface ChartSpec {
  readonly kind: ChartKind;
  readonly title?: string | undefined;
  readonly horizontal: boolean;
  readonly stacked: boolean;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly format: ChartFormat;
  /** The currency symbol, for `format: currency`. */
  readonly currency: string;
  /** Decimals of value labels. */
  readonly decimals: number;
  readonly unit?: string | undefined;
  readonly categoryTitle?: string | undefined;
  readonly valueTitle?: string | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly valueLabels: boolean;
  readonly legend: boolean;
  readonly source?: string | undefined;
  readonly alt: string;
}
