import { parse } from 'yaml';
import { z } from 'zod';
import type { ChartSpec } from '../tree/types.js';

const ChartSpecSchema = z.strictObject({
  kind: z.enum(['bar', 'line', 'pie']).default('bar'),
  title: z.string().optional(),
  categories: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
  series: z.array(z.strictObject({ name: z.string(), values: z.array(z.number()) })).min(1),
  unit: z.string().optional(),
  source: z.string().optional(),
});

/** Parses the YAML or JSON of a ` ```chart ` fence; returns the spec or a message saying what is wrong. */
export function parseChartSpec(text: string): { spec: ChartSpec } | { error: string } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (cause) {
    return {
      error: `the chart is not valid YAML or JSON: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
    };
  }
  const result = ChartSpecSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.map(String).join('.') || 'chart';
    return { error: `chart field ${path}: ${issue?.message ?? 'invalid'}` };
  }
  const spec = result.data;
  const short = spec.series.find((s) => s.values.length !== spec.categories.length);
  if (short) {
    return {
      error: `chart series "${short.name}" has ${short.values.length} values for ${spec.categories.length} categories`,
    };
  }
  return { spec };
}
