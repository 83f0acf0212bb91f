import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Cold starts: whole processes, as a CI job runs briefwright on one brief. Each round runs every case
// once, in turn, so that a noisy moment of the machine falls on all of them; the figures are medians.

const SAMPLE = 'examples/carney-xi/carney-xi.yaml';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The cold cases: briefwright's CLI for each format and for the brief and deck together, and the two floors. */
export const COLD_CASES = {
  'floor: pdfkit with embedded TTFs': { args: [here('./coldFloorPdf.js'), SAMPLE], cli: false },
  'floor: pptxgenjs': { args: [here('./coldFloorPptx.js'), SAMPLE], cli: false },
  'briefwright CLI → PDF': { args: ['dist/bin/main.js', 'render', SAMPLE, '-f', 'pdf'], cli: true },
  'briefwright CLI → PPTX': {
    args: ['dist/bin/main.js', 'render', SAMPLE, '-f', 'pptx'],
    cli: true,
  },
  'briefwright CLI → both': { args: ['dist/bin/main.js', 'render', SAMPLE], cli: true },
  'briefwright CLI → DOCX': {
    args: ['dist/bin/main.js', 'render', SAMPLE, '-f', 'docx'],
    cli: true,
  },
  'briefwright CLI → HTML': {
    args: ['dist/bin/main.js', 'render', SAMPLE, '-f', 'html'],
    cli: true,
  },
} as const;

/** A cold case's name. */
export type ColdCase = keyof typeof COLD_CASES;

/** Median wall time of each case in ms, over `rounds` interleaved rounds. */
export function coldStarts(rounds: number): Record<ColdCase, number> {
  const out = mkdtempSync(join(tmpdir(), 'briefwright-cold-'));
  const times = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, { args, cli }] of Object.entries(COLD_CASES)) {
      const target = cli ? ['-o', `${out}/`] : [join(out, 'floor')];
      const start = performance.now();
      const result = spawnSync(process.execPath, [...args, ...target], { encoding: 'utf8' });
      const elapsed = performance.now() - start;
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
      times.set(name, [...(times.get(name) ?? []), elapsed]);
    }
  }
  return Object.fromEntries(
    Object.keys(COLD_CASES).map((name) => [name, median(times.get(name) ?? [])]),
  ) as Record<ColdCase, number>;
}

/** The median of some figures (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Run directly (`node dist-bench/cold.js`): print the cold figures alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = coldStarts(Number(process.argv[2] ?? 7));
  for (const [name, ms] of Object.entries(figures))
    console.log(`${name.padEnd(36)} ${(ms / 1000).toFixed(2)} s`);
}
