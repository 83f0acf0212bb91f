import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { COMPILE_KEY, precompile } from './compile.js';
import { partialText } from './load.js';
import { PRECOMPILED_FILE, precompiledKey } from './precompiled.js';

// `npm run build` runs this after the metrics: every built-in template and partial compiled (see
// precompiled.ts), by the hash of its text.

/** The template files below a folder. */
function templateFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return templateFiles(path);
    return name.endsWith('.hbs') ? [path] : [];
  });
}

const table: Record<string, string> = {};
for (const file of templateFiles('templates').sort()) {
  // As the loader reads them: line endings made \n, a partial without its final newline.
  const read = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const text = basename(dirname(file)) === 'partials' ? partialText(read) : read;
  table[precompiledKey(text, COMPILE_KEY)] = precompile(text);
}
writeFileSync(PRECOMPILED_FILE, `${JSON.stringify(table)}\n`);
