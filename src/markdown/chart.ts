import { resolveChart, type TableText } from '../chart/resolve.js';
import { ChartSchema, type ChartSpec } from '../chart/spec.js';
import { isBriefwrightError } from '../diagnostics/errors.js';
import { chartPoints, type Limits } from '../load/limits.js';
import { parseYamlSource } from '../load/yamlSource.js';

/**
 * Parses the YAML or JSON of a ` ```chart ` fence; `table` is the table before it in its section, for
 * `from: table`. Returns the resolved spec, a message naming the field that is wrong, or the number of
 * points when there are more than the limits allow (checked before the data is validated). YAML that
 * expands past the input limit through aliases is a LIMIT_EXCEEDED error.
 */
export function parseChartSpec(
  text: string,
  table: TableText | undefined,
  limits: Limits,
): { spec: ChartSpec } | { error: string } | { points: number } {
  let data: unknown;
  try {
    data = parseYamlSource(text, '', 0, limits).value;
  } catch (cause) {
    if (isBriefwrightError(cause) && cause.code === 'LIMIT_EXCEEDED') throw cause;
    return {
      error: `the chart is not valid YAML or JSON: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
    };
  }
  const points = chartPoints(data);
  if (points > limits.maxChartPoints) return { points };
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
