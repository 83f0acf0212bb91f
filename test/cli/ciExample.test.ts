import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE_MD, EXAMPLE_YAML, filesIn, projectWithCli, tempDir } from '../helpers.js';

interface Step {
  readonly id?: string;
  readonly if?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
}

interface Workflow {
  readonly permissions?: Record<string, string>;
  readonly jobs: { render: { 'timeout-minutes'?: number; steps: Step[] } };
}

/**
 * Whether a step runs, as GitHub evaluates its `if` for the conditions the example uses: `always()`,
 * `success()` (added to a condition without a status function), `failure()`, and the cache missing.
 */
function runs(step: Step, failed: boolean): boolean {
  const terms = (step.if ?? '')
    .split('&&')
    .map((term) => term.trim())
    .filter(Boolean);
  const status = ['always()', 'success()', 'failure()'];
  const all = terms.some((term) => status.includes(term)) ? terms : [...terms, 'success()'];
  return all.every((term) => {
    if (term === 'always()') return true;
    if (term === 'success()') return !failed;
    if (term === 'failure()') return failed;
    if (/cache-hit != 'true'/.test(term)) return true;
    throw new Error(`the test cannot evaluate the condition ${term}`);
  });
}

describe('the CI example workflow', () => {
  const workflow = parse(readFileSync('examples/ci/render-briefs.yml', 'utf8')) as Workflow;
  const steps = workflow.jobs.render.steps;

  it('is bounded in time and permissions, and its cache key covers everything the output depends on', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.render['timeout-minutes']).toBeGreaterThan(0);
    const key = steps.find((s) => s.uses?.startsWith('actions/cache'))?.with?.key ?? '';
    for (const part of [
      'briefs/**',
      'theme/**',
      'templates/**',
      'package-lock.json',
      'render-briefs.yml',
    ])
      expect(key).toContain(part);
  });

  it('run as GitHub runs it: one broken brief fails the job, the others are written and uploaded, errors are annotations', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'briefs', 'region'), { recursive: true });
    copyFileSync(EXAMPLE_YAML, join(dir, 'briefs', 'one.yaml'));
    copyFileSync(EXAMPLE_MD, join(dir, 'briefs', 'region', 'two.md'));
    writeFileSync(join(dir, 'briefs', 'broken.yaml'), 'meta:\n  titel: Broken\n');
    writeFileSync(join(dir, 'briefs', 'README.md'), '# How to write a brief\n\nNot a brief.\n');
    writeFileSync(join(dir, 'briefs', 'warned.md'), '# Warned\n\n<b>raw</b> HTML\n');
    projectWithCli(dir);
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '');

    let failed = false;
    const ran: { run: string; status: number | null; stderr: string }[] = [];
    const uploads: Step[] = [];
    for (const step of steps) {
      if (!runs(step, failed)) continue;
      if (step.uses?.startsWith('actions/upload-artifact')) uploads.push(step);
      if (!step.run) continue;
      // npm ci installs the project's dependencies: here they are the shim above.
      if (step.run.trim() === 'npm ci') continue;
      const result = spawnSync(
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_STEP_SUMMARY: summary },
          timeout: 120_000,
        },
      );
      ran.push({ run: step.run, status: result.status, stderr: result.stderr });
      if (result.status !== 0) failed = true;
    }

    const render = ran.find((r) => r.run.includes('briefwright render'));
    expect(render?.status, render?.stderr).toBe(1);
    expect(render?.stderr).toContain(
      '::error file=briefs/broken.yaml,line=2,col=3,title=briefwright UNKNOWN_FIELD::',
    );
    // Under --strict a warning is an error annotation too.
    expect(render?.stderr).toMatch(
      /^::error file=briefs\/warned\.md,line=3,col=1,title=briefwright RAW_HTML_DROPPED::/m,
    );
    // The good briefs are written (a warned one too); the README is not a brief; the broken one left
    // nothing.
    expect(filesIn(join(dir, 'output'))).toEqual([
      'one.pdf',
      'one.pptx',
      'two.pdf',
      'two.pptx',
      'warned.pdf',
      'warned.pptx',
    ]);
    // The summary step still ran, and the upload runs after the failure.
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('| briefs/one.yaml | output/one.pdf (');
    expect(table).toContain('| briefs/broken.yaml | **UNKNOWN_FIELD**: unknown field "titel" |');
    expect(table).toMatch(
      /\| briefs\/warned\.md \| output\/warned\.pdf \(1\).*; \*\*--strict\*\*: RAW_HTML_DROPPED[^|]* \|/,
    );
    expect(ran.every((r) => r.status === 0 || r === render)).toBe(true);
    expect(uploads.map((u) => u.with?.path)).toEqual(['output/']);
    expect(existsSync(join(dir, 'output', 'README.pdf'))).toBe(false);
  }, 180_000);
});
