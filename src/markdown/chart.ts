import { parse } from 'yaml';
import { resolveChart, type TableText } from '../chart/resolve.js';
import { ChartSchema, type ChartSpec } from '../chart/spec.js';

/**
 * Parses the YAML or JSON of a ` ```chart ` fence; `table` is the table before it in its section, for
 * `from: table`. Returns the resolved spec, or a message naming the field that is wrong.
 */
export function parseChartSpec(
  text: string,
  table: TableText | undefined,
): { spec: ChartSpec } | { error: string } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (cause) {
    return {
      error: `the chart is not valid YAML or JSON: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
    };
  }
  const result = ChartSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { error: fieldMessage(issue?.path ?? [], issue?.message ?? 'invalid') };
  }
  const resolved = resolveChart(result.data, table);
  if ('problem' in resolved)
    return { error: fieldMessage(resolved.problem.path, resolved.problem.message) };
  return resolved;
}

function fieldMessage(path: readonly PropertyKey[], message: string): string {
  return `chart field ${path.map(String).join('.') || 'chart'}: ${message}`;
}
