import { z } from 'zod';
import { ThemeSchema } from '../theme/schema.js';
import { ReportSchema } from './schema.js';

/** The JSON Schemas the package publishes in `schema/`, by file name. */
const SCHEMAS = {
  'report.schema.json': { schema: ReportSchema, title: 'briefwright report' },
  'theme.schema.json': { schema: ThemeSchema, title: 'briefwright theme' },
} as const;

/** The name of a published JSON Schema. */
export type SchemaFile = keyof typeof SCHEMAS;

/** The names of the published JSON Schemas. */
export const SCHEMA_FILES = Object.keys(SCHEMAS) as SchemaFile[];

/**
 * Builds a JSON Schema from the zod schema, for editors and other tools. Its `$id` is where a published
 * version is served (unpkg serves every file of an npm package); editors are best pointed at the
 * installed copy, `./node_modules/briefwright/schema/…`.
 */
export function buildJsonSchema(file: SchemaFile = 'report.schema.json'): Record<string, unknown> {
  const { schema, title } = SCHEMAS[file];
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    $id: `https://unpkg.com/briefwright/schema/${file}`,
    title,
  };
}

/** A JSON Schema as the text stored in `schema/`. */
export function renderJsonSchema(file: SchemaFile = 'report.schema.json'): string {
  return `${JSON.stringify(buildJsonSchema(file), null, 2)}\n`;
}
