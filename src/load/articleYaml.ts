import { stringify } from 'yaml';
import type { ReportInput } from '../model/schema.js';

/** The YAML of an imported report, headed by a note on where it came from, ready to edit. */
export function articleYaml(report: ReportInput, source: string): string {
  const header = [
    `# Imported by briefwright from ${source}.`,
    '# Check the title, the section headings and the tables; add meta (series, date, authors) and sources.',
    '# The fields are described in the JSON Schema that $schema names.',
  ].join('\n');
  const body = stringify(
    { $schema: 'https://briefwright.dev/schema/report.schema.json', ...report },
    { lineWidth: 100 },
  );
  return `${header}\n${body}`;
}
