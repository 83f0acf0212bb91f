import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMany } from '../../src/index.js';
import { EXAMPLE_YAML, runCliCaptured, tempDir } from '../helpers.js';

const cli = runCliCaptured;

/** Three briefs: two copies of the sample and a short Markdown one. */
function briefs(): { dir: string; inputs: string[] } {
  const dir = tempDir();
  const inputs = [join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'c.md')];
  copyFileSync(EXAMPLE_YAML, inputs[0] ?? '');
  copyFileSync(EXAMPLE_YAML, inputs[1] ?? '');
  writeFileSync(inputs[2] ?? '', '# Short\n\n## One\n\nA paragraph.\n');
  return { dir, inputs };
}

/** A shard's report as render --shard k/n --json writes it, for merge-reports. */
function shardReport(
  dir: string,
  index: number,
  count: number,
  total: number,
  positions: number[],
  batch = 'b1',
) {
  const file = join(dir, `shard-${index}.json`);
  const inputs = positions.map((position) => ({
    input: `briefs/${position}.yaml`,
    ok: true,
    position,
    files: [{ format: 'pdf', path: `output/${position}.pdf`, pages: 1 }],
    warnings: [],
    ms: 5,
  }));
  writeFileSync(file, JSON.stringify({ shard: { index, count, inputs: total, batch }, inputs }));
  return file;
}

describe('render --shard', () => {
  it('renders its part of the batch and says which part, each input with its place in the batch', async () => {
    const { dir, inputs } = briefs();
    const out = join(dir, 'out');
    const parts = [];
    for (const k of [1, 2]) {
      const run = await cli(['render', ...inputs, '-o', `${out}/`, '--shard', `${k}/2`, '--json']);
      expect(run.code, run.stderr).toBe(0);
      parts.push(JSON.parse(run.stdout));
    }
    // The two sample copies are the largest: balanced by bytes, one in each shard.
    expect(parts[0].shard).toMatchObject({ index: 1, count: 2, inputs: 3 });
    // Both shards say they are of the same batch.
    expect(parts[0].shard.batch).toMatch(/^[0-9a-f]{16}$/);
    expect(parts[1].shard.batch).toBe(parts[0].shard.batch);
    const places = parts.flatMap((p) => p.inputs.map((i: { position: number }) => i.position));
    expect(places.sort()).toEqual([0, 1, 2]);
    expect(parts.map((p) => p.inputs.length).sort()).toEqual([1, 2]);
    expect(parts[0].totals).toMatchObject({ inputs: parts[0].inputs.length, failed: 0 });
  }, 60_000);

  it('refuses a shard that is not k/n, and --shard where there is no batch', async () => {
    const { dir, inputs } = briefs();
    for (const bad of ['0/8', '9/8', '3', 'a/b', '1/0']) {
      const run = await cli(['render', ...inputs, '-o', `${dir}/out/`, '--shard', bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain(`--shard takes k/n with 1 <= k <= n (3/8), not "${bad}"`);
    }
    const file = await cli(['render', inputs[0] ?? '', '-o', join(dir, 'x.pdf'), '--shard', '1/2']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('--shard splits a batch rendered into a folder');
    await expect(
      renderMany(inputs, { outDir: join(dir, 'api'), shard: { index: 3, count: 2 } }),
    ).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('shard 3/2') });
  });

  it('gives an empty shard when there are more shards than inputs, with its report', async () => {
    const { dir, inputs } = briefs();
    const run = await cli(['render', ...inputs, '-o', `${dir}/out/`, '--shard', '8/8', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      shard: { index: 8, count: 8, inputs: 3, batch: expect.stringMatching(/^[0-9a-f]{16}$/) },
      inputs: [],
      totals: { inputs: 0, ok: 0, failed: 0, warnings: 0, files: 0 },
    });
  });
});

describe('merge-reports', () => {
  it('puts the inputs of every shard back in the batch’s order, with the totals', async () => {
    const dir = tempDir();
    const files = [shardReport(dir, 2, 2, 3, [1]), shardReport(dir, 1, 2, 3, [0, 2])];
    const run = await cli(['merge-reports', ...files]);
    expect(run.code, run.stderr).toBe(0);
    const merged = JSON.parse(run.stdout);
    expect(merged.inputs.map((i: { input: string }) => i.input)).toEqual([
      'briefs/0.yaml',
      'briefs/1.yaml',
      'briefs/2.yaml',
    ]);
    expect(merged.inputs[0]).not.toHaveProperty('position');
    expect(merged.shard).toBeUndefined();
    expect(merged.totals).toEqual({ inputs: 3, ok: 3, failed: 0, warnings: 0, files: 3 });
  });

  it('refuses a missing shard, a shard twice, shards of another split, and a file that is no shard’s report, naming it', async () => {
    const dir = tempDir();
    const one = shardReport(dir, 1, 2, 3, [0, 2]);
    const missing = await cli(['merge-reports', one]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/2 missing');

    const twice = join(dir, 'again.json');
    copyFileSync(one, twice);
    const doubled = await cli(['merge-reports', one, twice]);
    expect(doubled.stderr).toContain(
      `${twice}: error USAGE: shard 1/2 is given twice (also ${one})`,
    );

    const other = join(dir, 'other', 'shard-2.json');
    const otherDir = join(dir, 'other');
    mkdirSync(otherDir);
    shardReport(otherDir, 2, 3, 3, [1]);
    const mixed = await cli(['merge-reports', one, other]);
    expect(mixed.stderr).toContain(`${other}: error USAGE: this shard is 2/3 of 3 inputs`);

    const plain = join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify({ inputs: [] }));
    const notShard = await cli(['merge-reports', plain]);
    expect(notShard.stderr).toContain(
      `${plain}: error USAGE: this is not the JSON summary of a shard`,
    );

    const otherBatch = join(dir, 'batch2');
    mkdirSync(otherBatch);
    const foreign = shardReport(otherBatch, 2, 2, 3, [1], 'b2');
    const mismatched = await cli(['merge-reports', one, foreign]);
    expect(mismatched.stderr).toContain(
      `${foreign}: error USAGE: this shard is of another batch than ${one}`,
    );

    const beyond = join(dir, 'beyond.json');
    writeFileSync(
      beyond,
      JSON.stringify({ shard: { index: 9, count: 8, inputs: 3, batch: 'b1' }, inputs: [] }),
    );
    expect((await cli(['merge-reports', beyond])).stderr).toContain(
      `${beyond}: error USAGE: this is not the JSON summary of a shard`,
    );

    const nulls = join(dir, 'nulls.json');
    writeFileSync(
      nulls,
      JSON.stringify({ shard: { index: 1, count: 1, inputs: 1, batch: 'b1' }, inputs: [null] }),
    );
    const nullRun = await cli(['merge-reports', nulls]);
    expect(nullRun.code).toBe(2);
    expect(nullRun.stderr).toContain(
      `${nulls}: error USAGE: input 1 of this report has no input, ok and position`,
    );

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "shard": ');
    const unreadable = await cli(['merge-reports', broken]);
    expect(unreadable.stderr).toContain(`${broken}: error USAGE: cannot read this report as JSON`);
  });

  it('exits 1 when an input of the batch failed', async () => {
    const dir = tempDir();
    const file = join(dir, 'shard-1.json');
    writeFileSync(
      file,
      JSON.stringify({
        shard: { index: 1, count: 1, inputs: 1, batch: 'b1' },
        inputs: [{ input: 'x.yaml', ok: false, position: 0, error: { code: 'UNKNOWN_FIELD' } }],
      }),
    );
    const run = await cli(['merge-reports', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 shard report, 1 input: 0 ok, 1 failed, 0 warnings');
  });
});
