import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderJsonSchema, SCHEMA_FILES } from './jsonSchema.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');
mkdirSync(folder, { recursive: true });
for (const file of SCHEMA_FILES) {
  const target = join(folder, file);
  writeFileSync(target, renderJsonSchema(file));
  process.stdout.write(`wrote ${target}\n`);
}
