import type PptxGenJS from 'pptxgenjs';
import { formatCode } from '../../../chart/format.js';
import { seriesColors } from '../../../chart/palette.js';
import { valueScale } from '../../../chart/scale.js';
import type { ChartSeries, ChartSpec } from '../../../chart/spec.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { SlideShape } from '../plan/types.js';
import { hex } from './color.js';

/** A chart as the plan placed it. */
type ChartShape = Extract<SlideShape, { kind: 'chart' }>;

/**
 * Writes a native, editable chart (with its embedded workbook): every series coloured from the theme's
 * palette, the same round axis ticks as the brief, number formats as spreadsheet format codes, legend,
 * axis titles, value labels and alt text; the source line under it.
 */
export function writeChart(
  slide: PptxGenJS.Slide,
  planned: ChartShape,
  env: { readonly theme: ResolvedTheme },
): void {
  const { spec, box: body } = planned;
  const { colors } = env.theme;
  const labelSize = planned.labelSize;
  const valueSize = planned.valueSize;
  const font = env.theme.families.deck.name;
  const round = spec.kind === 'pie' || spec.kind === 'doughnut';
  const palette = seriesColors(
    colors.palette,
    round ? spec.categories.length : spec.series.length,
  ).map(hex);
  // Bars that run across list their first category at the top, as in the brief (a chart draws its
  // first category nearest the axis, at the bottom).
  const order = spec.horizontal
    ? [...spec.categories.keys()].reverse()
    : [...spec.categories.keys()];
  const data = (series: readonly ChartSeries[]) =>
    series.map((s) => ({
      name: s.name,
      labels: order.map((i) => spec.categories[i] ?? ''),
      values: order.map((i) => s.values[i] ?? 0),
    }));
  const options: PptxGenJS.IChartOpts = {
    ...body,
    altText: spec.alt,
    showTitle: false,
    chartColors: palette,
    showLegend: spec.legend,
    legendPos: round ? 'r' : 'b',
    legendFontFace: font,
    legendFontSize: labelSize,
    legendColor: hex(colors.text),
    showValue: spec.valueLabels && !round,
    showPercent: spec.valueLabels && round,
    // Slices are labelled with their share of the whole.
    dataLabelFormatCode: round ? '0%' : formatCode(spec),
    dataLabelFontFace: font,
    dataLabelFontSize: valueSize,
    dataLabelColor: hex(round || spec.stacked ? colors.onAccent : colors.text),
    ...(round ? roundOptions(spec, colors.background) : axisOptions(spec, planned, env)),
  };
  if (spec.kind === 'combo') {
    const bars = spec.series.filter((s) => s.type === 'bar');
    const lines = spec.series.filter((s) => s.type === 'line');
    const colorsOf = (series: readonly ChartSeries[]) =>
      series.map((s) => palette[spec.series.indexOf(s)] ?? '1F3A5F');
    const parts: PptxGenJS.IChartMulti[] = [
      {
        type: 'bar',
        data: data(bars),
        options: { ...barOptions(spec), chartColors: colorsOf(bars) },
      },
      // Markers take their series' colour when the deck is normalised (see matchMarkerColors).
      {
        type: 'line',
        data: data(lines),
        options: { ...lineOptions(), chartColors: colorsOf(lines) },
      },
    ];
    // With several parts, pptxgenjs reads the options from the second argument.
    slide.addChart(parts, options as unknown as unknown[]);
  } else {
    const type = spec.kind === 'bar' ? 'bar' : spec.kind;
    const extra =
      spec.kind === 'bar'
        ? barOptions(spec)
        : spec.kind === 'line'
          ? lineOptions()
          : spec.kind === 'area' && spec.stacked
            ? { barGrouping: 'stacked' }
            : {};
    slide.addChart(type, data(spec.series), { ...options, ...extra });
  }
}

function axisOptions(
  spec: ChartSpec,
  planned: ChartShape,
  env: { readonly theme: ResolvedTheme },
): PptxGenJS.IChartOpts {
  const { colors } = env.theme;
  const labelSize = planned.labelSize;
  const font = env.theme.families.deck.name;
  const scale = valueScale(spec);
  return {
    catAxisLabelFontFace: font,
    catAxisLabelFontSize: labelSize,
    catAxisLabelColor: hex(colors.text),
    catAxisLineColor: hex(colors.muted),
    catGridLine: { style: 'none' },
    valAxisLabelFontFace: font,
    valAxisLabelFontSize: labelSize,
    valAxisLabelColor: hex(colors.muted),
    valAxisLabelFormatCode: formatCode({ ...spec, decimals: scale.decimals }),
    valAxisMinVal: scale.min,
    valAxisMaxVal: scale.max,
    valAxisMajorUnit: scale.step,
    valAxisLineShow: false,
    valGridLine: { color: hex(colors.rule), size: 0.75, style: 'solid' },
    ...(spec.valueTitle
      ? {
          showValAxisTitle: true,
          valAxisTitle: spec.valueTitle,
          valAxisTitleFontFace: font,
          valAxisTitleFontSize: labelSize,
          valAxisTitleColor: hex(colors.muted),
        }
      : {}),
    ...(spec.categoryTitle
      ? {
          showCatAxisTitle: true,
          catAxisTitle: spec.categoryTitle,
          catAxisTitleFontFace: font,
          catAxisTitleFontSize: labelSize,
          catAxisTitleColor: hex(colors.muted),
        }
      : {}),
  };
}

function barOptions(spec: ChartSpec): PptxGenJS.IChartOpts {
  return {
    barDir: spec.horizontal ? 'bar' : 'col',
    barGrouping: spec.stacked ? 'stacked' : 'clustered',
    barGapWidthPct: 60,
    ...(spec.stacked ? { barOverlapPct: 100 } : {}),
    dataLabelPosition: spec.stacked ? 'ctr' : 'outEnd',
  };
}

function lineOptions(): PptxGenJS.IChartOpts {
  return { lineSize: 2, lineDataSymbol: 'circle', lineDataSymbolSize: 7, dataLabelPosition: 't' };
}

function roundOptions(spec: ChartSpec, background: string): PptxGenJS.IChartOpts {
  return {
    firstSliceAng: 0,
    dataLabelPosition: spec.kind === 'pie' ? 'bestFit' : 'ctr',
    ...(spec.kind === 'doughnut' ? { holeSize: 55 } : {}),
    dataBorder: { pt: 1, color: hex(background) },
  };
}
