import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shardInputs } from '../../src/api/shard.js';
import { EXAMPLE_MD, EXAMPLE_YAML, projectWithCli, tempDir } from '../helpers.js';

interface Step {
  readonly if?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Record<string, string | boolean>;
}

interface Job {
  readonly needs?: string;
  readonly if?: string;
  readonly strategy?: { 'fail-fast'?: boolean; matrix?: { shard?: number[] } };
  readonly steps: Step[];
}

interface Workflow {
  readonly permissions?: Record<string, string>;
  readonly jobs: { render: Job; report: Job };
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression for the matrix value, not a template.
const SHARD = '${{ matrix.shard }}';

/** A project with briefs of different sizes, a broken one and a README, and `npx briefwright` as this checkout's CLI. */
function project(dir: string): void {
  mkdirSync(join(dir, 'briefs', 'region'), { recursive: true });
  copyFileSync(EXAMPLE_YAML, join(dir, 'briefs', 'sample.yaml'));
  copyFileSync(EXAMPLE_MD, join(dir, 'briefs', 'region', 'regional.md'));
  for (let i = 1; i <= 9; i++) {
    const paragraphs = Array.from(
      { length: i * 3 },
      (_, p) => `Paragraph ${p + 1} of brief ${i}: trade, climate and people-to-people ties.`,
    );
    writeFileSync(
      join(dir, 'briefs', `brief-${i}.md`),
      `# Brief ${i}\n\n## Findings\n\n${paragraphs.join('\n\n')}\n`,
    );
  }
  writeFileSync(join(dir, 'briefs', 'broken.yaml'), 'meta:\n  titel: Broken\n');
  writeFileSync(join(dir, 'briefs', 'README.md'), '# How to write a brief\n');
  projectWithCli(dir);
}

/** Runs a step's command with bash as GitHub does, with the matrix value put in. */
function run(step: Step, dir: string, shard?: number): { status: number | null; stderr: string } {
  const command = (step.run ?? '').replaceAll(SHARD, String(shard ?? ''));
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: 'true', CI: 'true' },
    timeout: 120_000,
  });
  return { status: result.status, stderr: result.stderr };
}

/** Every file below a folder, by its path inside it, with its bytes. */
function filesBelow(dir: string, root = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of filesBelow(path, root)) out.set(k, v);
    else out.set(relative(root, path), readFileSync(path));
  }
  return out;
}

/** A summary without its timings, which differ from run to run. */
function withoutTimes(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (key === 'ms' ? undefined : value));
}

describe('the CI matrix example workflow', () => {
  const workflow = parse(readFileSync('examples/ci/render-briefs-matrix.yml', 'utf8')) as Workflow;
  const { render, report } = workflow.jobs;

  it('is eight shards that do not stop one another, and a report job after all of them', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(render.strategy?.matrix?.shard).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(render.strategy?.['fail-fast']).toBe(false);
    expect(report.needs).toBe('render');
    expect(report.if).toBe('always()');
    const uploads = render.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(uploads.map((u) => u.with?.name)).toEqual([`briefs-shard-${SHARD}`]);
    const download = report.steps.find((s) => s.uses?.startsWith('actions/download-artifact'));
    expect(download?.with).toMatchObject({ pattern: 'briefs-shard-*', 'merge-multiple': true });
  });

  it('run shard by shard, gives the files of one run, byte for byte, and the merged report is the one run’s', () => {
    const commands = render.steps.filter((s) => s.run && s.run.trim() !== 'npm ci');
    expect(commands).toHaveLength(1);
    const [command] = commands;
    if (!command?.run) throw new Error('the render job has no render step');
    expect(command.run).toContain(`--shard ${SHARD}/8`);

    // Each shard on a runner of its own: a fresh copy of the project.
    const shards = (render.strategy?.matrix?.shard ?? []).map((shard) => {
      const dir = tempDir();
      project(dir);
      const result = run(command, dir, shard);
      return { shard, dir, ...result, files: filesBelow(join(dir, 'output')) };
    });
    // The whole batch on one runner: the same command without --shard.
    const single = tempDir();
    project(single);
    const whole = run({ run: command.run.replace(`--shard ${SHARD}/8`, '') }, single);
    expect(whole.status, whole.stderr).toBe(1);
    const expected = filesBelow(join(single, 'output'));

    // Every output once, from exactly one shard, the same bytes as the single run's.
    const union = new Map<string, Buffer>();
    for (const { files } of shards) {
      for (const [path, bytes] of files) {
        expect(union.has(path), `${path} written by two shards`).toBe(false);
        union.set(path, bytes);
      }
    }
    expect([...union.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, bytes] of expected)
      expect(union.get(path)?.equals(bytes), `${path} differs`).toBe(true);
    expect(expected.size).toBe(2 * 11);
    // The shard with the broken brief fails; the others pass; every shard wrote its report.
    const failing = shards.filter((s) => s.status !== 0).map((s) => s.shard);
    expect(failing).toHaveLength(1);
    expect(shards.find((s) => s.status !== 0)?.stderr).toContain(
      '::error file=briefs/broken.yaml,line=2,col=3,title=briefwright UNKNOWN_FIELD::',
    );

    // The report job: every shard's artifact downloaded into one folder, then merged.
    const merging = tempDir();
    project(merging);
    mkdirSync(join(merging, 'reports'));
    for (const { shard, dir } of shards)
      copyFileSync(
        join(dir, 'reports', `shard-${shard}.json`),
        join(merging, 'reports', `shard-${shard}.json`),
      );
    const merge = report.steps.find((s) => s.run?.includes('merge-reports'));
    if (!merge) throw new Error('the report job does not merge the reports');
    const merged = run(merge, merging);
    expect(merged.status, merged.stderr).toBe(1);
    expect(merged.stderr).toContain('8 shard reports, 12 inputs: 11 ok, 1 failed');
    // The single run printed its summary where the command sends it: the shard's report path.
    const singleReport = readFileSync(join(single, 'reports', 'shard-.json'), 'utf8');
    expect(withoutTimes(readFileSync(join(merging, 'report.json'), 'utf8'))).toEqual(
      withoutTimes(singleReport),
    );
  }, 300_000);

  it('balances shards by bytes, every input in exactly one, and refuses a report set with a shard missing', () => {
    const inputs = Array.from(
      { length: 200 },
      (_, i) => `briefs/b-${String(i).padStart(3, '0')}.yaml`,
    );
    // Sizes from 1 KB to ~40 KB, as a real set of briefs varies.
    const size = (input: string) => 1000 + ((Number(input.slice(9, 12)) * 7919) % 39_000);
    const parts = Array.from({ length: 8 }, (_, i) =>
      shardInputs(inputs, { index: i + 1, count: 8 }, size),
    );
    const positions = parts.flatMap((part) => part.map((p) => p.position)).sort((a, b) => a - b);
    expect(positions).toEqual(inputs.map((_, i) => i));
    const bytes = parts.map((part) => part.reduce((sum, p) => sum + size(p.input), 0));
    const mean = bytes.reduce((a, b) => a + b, 0) / bytes.length;
    expect(Math.max(...bytes)).toBeLessThanOrEqual(mean * 1.1);
    // The same split whatever order the inputs come in, by path.
    expect(
      shardInputs([...inputs].reverse(), { index: 3, count: 8 }, size)
        .map((p) => p.input)
        .sort(),
    ).toEqual(parts[2]?.map((p) => p.input).sort());
  });
});
