import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_YAML, tempDir } from '../helpers.js';

/**
 * What a process loads, seen by a module loader hook: every module the ESM loader loads (CommonJS
 * packages included, when imported), in a fresh process of the built package.
 */
function loaded(script: string): string[] {
  const dir = tempDir();
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  // The hooks run on their own thread and write each module as it loads, so that a process that exits
  // at once (as --version does) still leaves the whole list.
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';\nlet log;\nexport function initialize(data) { log = data.log; }\nexport async function load(url, context, next) { appendFileSync(log, url + '\\n'); return next(url, context); }\n`,
  );
  writeFileSync(
    join(dir, 'main.mjs'),
    `import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url), { data: { log: ${JSON.stringify(log)} } });
${script}
`,
  );
  execFileSync(process.execPath, [join(dir, 'main.mjs')], { encoding: 'utf8' });
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const library = pathToFileURL(resolve('dist/index.js')).href;
const cli = pathToFileURL(resolve('dist/cli/main.js')).href;
const packages = (urls: readonly string[]) =>
  new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));

describe('what a command loads', () => {
  it('renders a PDF without loading pptxgenjs, JSZip, the worker pool or the file watcher', () => {
    const seen = packages(
      loaded(`const { render } = await import('${library}');
await render('${resolve(EXAMPLE_YAML)}', { formats: ['pdf'] });`),
    );
    expect(seen.has('pdfkit')).toBe(true);
    for (const name of ['pptxgenjs', 'jszip', 'tinypool', 'chokidar'])
      expect(seen.has(name), name).toBe(false);
  });

  it('renders a deck without loading pdfkit', () => {
    const seen = packages(
      loaded(`const { render } = await import('${library}');
await render('${resolve(EXAMPLE_YAML)}', { formats: ['pptx'] });`),
    );
    expect(seen.has('pptxgenjs')).toBe(true);
    for (const name of ['pdfkit', 'tinypool', 'chokidar']) expect(seen.has(name), name).toBe(false);
  });

  it('answers --version without loading the library: a few dozen modules, no renderer, font or validator', () => {
    const urls = loaded(`process.argv = [process.argv[0], 'briefwright', '--version'];
await import('${cli}');`);
    const seen = packages(urls);
    for (const name of [
      'pdfkit',
      'pptxgenjs',
      'fontkit',
      'zod',
      'marked',
      'handlebars',
      'date-fns',
    ])
      expect(seen.has(name), name).toBe(false);
    expect(urls.length).toBeLessThan(60);
  });
});
