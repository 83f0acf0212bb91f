import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchema, SCHEMA_FILES } from './jsonSchema.js';
import { REPORT_TYPES_FILE, renderReportTypes } from './reportTypes.js';

// Run by `npm run schema` from the package's root (bundled by esbuild, so a model that no longer
// matches its generated types can still regenerate them).
const root = process.cwd();
mkdirSync(join(root, 'schema'), { recursive: true });
for (const file of SCHEMA_FILES) {
  const target = join(root, 'schema', file);
  writeFileSync(target, renderJsonSchema(file));
  process.stdout.write(`wrote ${target}\n`);
}
const types = join(root, REPORT_TYPES_FILE);
writeFileSync(types, await renderReportTypes());
process.stdout.write(`wrote ${types}\n`);
