import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_KEY, precompile } from '../../src/template/compile.js';
import { partialText } from '../../src/template/load.js';
import { precompiledCode } from '../../src/template/precompiled.js';

function templateFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return templateFiles(path);
    return name.endsWith('.hbs') ? [path] : [];
  });
}

describe('templates compiled at build time', () => {
  const files = templateFiles('templates');

  it('hold every built-in template and partial, compiled as the loader would compile it', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const read = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
      const text = basename(dirname(file)) === 'partials' ? partialText(read) : read;
      expect(precompiledCode(text, COMPILE_KEY), file).toBe(precompile(text));
    }
  });

  it('are not used for a template whose text changed, nor under other compile options', () => {
    const [file = ''] = files;
    const text = readFileSync(file, 'utf8');
    expect(precompiledCode(`${text}\nEdited.`, COMPILE_KEY)).toBeUndefined();
    expect(precompiledCode(text, JSON.stringify({ strict: false }))).toBeUndefined();
  });
});
