import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderJsonSchema } from './jsonSchema.js';

const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'schema',
  'report.schema.json',
);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderJsonSchema());
process.stdout.write(`wrote ${target}\n`);
