import { stringify } from 'yaml';
import type { ReportInput } from '../model/schema.js';

/**
 * The YAML of an imported report, headed by a note on where it came from, ready to edit; `schema` is
 * the path of `report.schema.json` from the file's folder, for editors.
 */
export function articleYaml(report: ReportInput, source: string, schema: string): string {
  const header = [
    `# yaml-language-server: $schema=${schema}`,
    `# Imported by briefwright from ${source}.`,
    '# Check the title, the section headings and the tables; add meta (series, date, authors) and sources.',
    '# The fields are described in the JSON Schema that $schema names.',
  ].join('\n');
  const body = stringify({ $schema: schema, ...report }, { lineWidth: 100 });
  return `${header}\n${body}`;
}
