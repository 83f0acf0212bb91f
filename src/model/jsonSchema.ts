import { z } from 'zod';
import { ReportSchema } from './schema.js';

/** Builds the JSON Schema of the report model from the zod schema, for editors and other tools. */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://briefwright.dev/schema/report.schema.json',
    title: 'briefwright report',
  };
}

/** The JSON Schema as the text stored in `schema/report.schema.json`. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
