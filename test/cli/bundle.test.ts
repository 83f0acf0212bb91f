import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_YAML, filesIn, tempDir } from '../helpers.js';

/**
 * The `briefwright` command is the CLI bundled with esbuild (dist/bin, split so that each format still
 * loads only what it uses): it must write what the unbundled modules write, byte for byte, and render a
 * batch on worker threads.
 */
const run = (main: string, args: string[]) =>
  execFileSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('the bundled command', () => {
  it('writes the same bytes as the modules it is built from, for both formats and for a batch on workers', () => {
    const inputs = tempDir();
    for (const name of ['a', 'b', 'c']) copyFileSync(EXAMPLE_YAML, join(inputs, `${name}.yaml`));
    const outputs = (main: string) => {
      const out = tempDir();
      run(main, ['render', join(inputs, '*.yaml'), '--jobs', '2', '-o', `${out}/`]);
      return out;
    };
    const bundled = outputs('dist/bin/main.js');
    const modules = outputs('dist/cli/main.js');
    expect(filesIn(bundled)).toEqual(['a.pdf', 'a.pptx', 'b.pdf', 'b.pptx', 'c.pdf', 'c.pptx']);
    for (const file of filesIn(bundled))
      expect(
        readFileSync(join(bundled, file)).equals(readFileSync(join(modules, file))),
        file,
      ).toBe(true);
  });

  it('answers --version with the package version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run('dist/bin/main.js', ['--version']).trim()).toBe(version);
  });
});
