import type { Warning } from '../diagnostics/warnings.js';
import type { Chart, Table, TableCell } from '../tree/types.js';

/** Shows a chart's data as a table (until charts are drawn), telling the user so. */
export function chartAsTable(
  chart: Chart,
  env: { warn: (w: Omit<Warning, 'format'>) => void; file: string | undefined },
): Table {
  const { spec } = chart;
  env.warn({
    code: 'CHART_AS_TABLE',
    message: `chart "${spec.title ?? spec.kind}" is shown as a table of its data`,
    file: env.file,
    ...chart.position,
  });
  const cell = (value: string): TableCell => ({
    type: 'tableCell',
    children: [{ type: 'text', value }],
  });
  const unit = spec.unit ? ` (${spec.unit})` : '';
  return {
    type: 'table',
    align: ['left', ...spec.series.map(() => 'right' as const)],
    header: [cell(''), ...spec.series.map((s) => cell(`${s.name}${unit}`))],
    rows: spec.categories.map((category, index) => [
      cell(category),
      ...spec.series.map((s) => cell(String(s.values[index] ?? ''))),
    ]),
    caption: spec.title,
    source: spec.source,
  };
}
