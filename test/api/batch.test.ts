import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workersPay } from '../../src/api/batch.js';
import { renderMany } from '../../src/index.js';
import { EXAMPLE_YAML, filesIn, runCliCaptured, tempDir } from '../helpers.js';

/** A folder of three good briefs and a broken one (a misspelt field). */
function batchFolder(): { dir: string; inputs: string[] } {
  const dir = tempDir();
  const inputs = ['a', 'b', 'c'].map((name) => {
    const path = join(dir, `${name}.yaml`);
    copyFileSync(EXAMPLE_YAML, path);
    return path;
  });
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'meta:\n  titel: Broken\n');
  return { dir, inputs: [...inputs.slice(0, 2), broken, ...inputs.slice(2)] };
}

const cli = runCliCaptured;

describe('renderMany', () => {
  it('renders every input on a worker pool; a broken one fails alone, with its file and line', async () => {
    const { dir, inputs } = batchFolder();
    const out = join(dir, 'out');
    const finished: string[] = [];
    const results = await renderMany(inputs, {
      outDir: out,
      jobs: 2,
      onResult: (result, count, total) => finished.push(`${count}/${total} ${result.ok}`),
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(results.map((r) => r.input)).toEqual(inputs);
    expect(finished).toHaveLength(4);
    expect(finished.at(-1)).toMatch(/^4\/4/);
    const broken = results[2];
    // The misspelt field comes first: it explains the missing one.
    expect(broken?.error).toMatchObject({ code: 'UNKNOWN_FIELD', file: inputs[2], line: 2 });
    expect(broken?.error?.related.map((e) => e.code)).toContain('MISSING_FIELD');
    expect(results[0]?.files.map((f) => [f.format, f.pages])).toEqual([
      ['pdf', 4],
      ['pptx', 17],
    ]);
    expect(filesIn(out)).toEqual(['a.pdf', 'a.pptx', 'b.pdf', 'b.pptx', 'c.pdf', 'c.pptx']);
  }, 60_000);

  it('by default starts workers only once the inputs left outweigh their start-up', async () => {
    // A cold render of 900 ms, warm ones of 110 ms: a worker costs about eight cold renders.
    expect(workersPay([900], 500)).toBe(false);
    expect(workersPay([900, 110], 20)).toBe(false);
    expect(workersPay([900, 110], 100)).toBe(true);
    // Three inputs by default: all rendered in the calling thread, in order.
    const { dir, inputs } = batchFolder();
    const started: string[] = [];
    const results = await renderMany(inputs, {
      outDir: join(dir, 'out'),
      formats: ['pptx'],
      onStart: (input) => started.push(input),
    });
    expect(started).toEqual(inputs);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
  }, 60_000);

  it('refuses two inputs that would write the same files, before rendering anything', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    copyFileSync(EXAMPLE_YAML, join(dir, 'x', 'brief.yaml'));
    copyFileSync(EXAMPLE_YAML, join(dir, 'y', 'brief.yaml'));
    await expect(
      renderMany([join(dir, 'x', 'brief.yaml'), join(dir, 'y', 'brief.yaml')], {
        outDir: join(dir, 'out'),
      }),
    ).rejects.toMatchObject({ code: 'USAGE' });
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('briefwright render, in batches', () => {
  it('expands a glob, renders in parallel, prints a line per file in CI, and exits 1 for the broken input', async () => {
    const { dir } = batchFolder();
    const out = join(dir, 'out');
    const run = await cli(['render', join(dir, '*.yaml'), '--out', out, '--jobs', '2'], {
      CI: 'true',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'broken.yaml')}:2:3: error MISSING_FIELD`);
    for (const name of ['a', 'b', 'c'])
      expect(run.stdout).toContain(`${join(dir, `${name}.yaml`)} → ${join(out, `${name}.pdf`)}`);
    expect(filesIn(out)).toHaveLength(6);
  }, 60_000);

  it('writes a JSON summary with outputs, pages, warnings and times', async () => {
    const { dir } = batchFolder();
    const run = await cli([
      'render',
      join(dir, '*.yaml'),
      '--out',
      join(dir, 'out'),
      '--json',
      '--jobs',
      '2',
    ]);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as {
      inputs: {
        input: string;
        ok: boolean;
        files?: { pages: number }[];
        ms: number;
        error?: { code: string };
      }[];
    };
    // a, b, broken, c: the pattern's files in sorted order.
    expect(summary.inputs.map((i) => i.ok)).toEqual([true, true, false, true]);
    expect(summary.inputs[0]?.files?.map((f) => f.pages)).toEqual([4, 17]);
    expect(summary.inputs[2]?.error?.code).toBe('UNKNOWN_FIELD');
    for (const input of summary.inputs) expect(input.ms).toBeGreaterThan(0);
  }, 60_000);

  it('draws a progress bar on a terminal and ends with the counts', async () => {
    const { dir } = batchFolder();
    const run = await cli(
      ['render', join(dir, '*.yaml'), '--out', join(dir, 'out'), '--jobs', '1'],
      {},
      true,
    );
    expect(run.stderr).toMatch(/\[[█░]{24}\] 4\/4/);
    expect(run.stderr).toContain('left');
    expect(run.stderr).toContain('3 rendered, 1 failed');
    // The files written are listed above the bar, as they come.
    expect(run.stdout.trim().split('\n')).toHaveLength(6);
    expect(run.stdout).toMatch(/a\.yaml → .*a\.pdf/);
  }, 60_000);

  it('says when a pattern matches nothing, and refuses a bad --jobs', async () => {
    const dir = tempDir();
    expect((await cli(['render', join(dir, '*.yaml')])).code).toBe(2);
    expect((await cli(['render', join(dir, 'a.yaml'), '--jobs', '0'])).code).toBe(2);
  });
});
