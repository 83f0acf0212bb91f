import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { shardInputs } from 'briefwright';
import { coldStarts, median } from './cold.js';
import { hasRedis, queueRate } from './queue.js';

// `npm run bench`: the PDF renderer against a baseline measured in the same run (plain pdfkit writing the
// same text with the same embedded fonts), on the sample brief and on long reports. Each case runs in its
// own process; times are medians of warm runs; memory is the process's peak RSS.

interface Result {
  kind: string;
  copies: number;
  runs: number;
  median: number;
  bytes: number;
  pages: number;
  peakRssMb: number;
}

const child = fileURLToPath(new URL('./child.js', import.meta.url));
const measureRaw = (kind: string, copies: number, flags: string[] = []): Record<string, number> =>
  JSON.parse(
    execFileSync(process.execPath, [...flags, child, kind, String(copies), '1'], {
      encoding: 'utf8',
    }),
  ) as Record<string, number>;
const measure = (kind: string, copies: number, runs: number): Result =>
  JSON.parse(
    execFileSync(process.execPath, [child, kind, String(copies), String(runs)], {
      encoding: 'utf8',
    }),
  ) as Result;

const run = promisify(execFile);
const rows: string[] = [];
const show = (label: string, r: Result) =>
  rows.push(
    `${label.padEnd(36)} ${String(r.pages).padStart(5)} ${r.kind.startsWith('deck') ? 'slides' : 'pages '} ${r.median.toFixed(1).padStart(9)} ms ${(r.bytes / 1024).toFixed(0).padStart(7)} KiB ${r.peakRssMb.toFixed(0).padStart(6)} MB peak`,
  );

const baseSample = measure('baseline', 1, 15);
const sample = measure('brief', 1, 15);
const base100 = measure('baseline', 62, 3);
const long10 = measure('brief', 6, 3);
const long100 = measure('brief', 62, 3);
const long1000 = measure('brief', 620, 1);
const deckBase = measure('deck-baseline', 1, 15);
const deck = measure('deck', 1, 15);
const templateDeck = measure('template-deck', 1, 15);
const deckBase100 = measure('deck-baseline', 34, 3);
const deck100 = measure('deck', 34, 3);
const chartsOff = measure('no-charts-brief', 1, 9);
const chartsOn = measure('charts-brief', 1, 9);
const chartsDeckOff = measure('no-charts-deck', 1, 9);
const chartsDeckOn = measure('charts-deck', 1, 9);
show('baseline: pdfkit, sample text', baseSample);
show('briefwright: sample brief', sample);
show('baseline: pdfkit, the ~100-page text', base100);
show('briefwright: ~10-page report', long10);
show('briefwright: ~100-page report', long100);
show('briefwright: ~1,000-page report', long1000);
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const pages = (r: Result) => `${r.pages}-page report`;
show('baseline: pptxgenjs, sample deck', deckBase);
show('briefwright: sample deck', deck);
show('briefwright: sample deck on a template', templateDeck);
show('baseline: pptxgenjs, 102 sections', deckBase100);
show('briefwright: 102-section deck', deck100);
show('baseline: 20 sections, no charts (PDF)', chartsOff);
show('briefwright: 20-chart report (PDF)', chartsOn);
show('baseline: 20 sections, no charts (deck)', chartsDeckOff);
show('briefwright: 20-chart deck', chartsDeckOn);
process.stdout.write(`${rows.join('\n')}\n\n`);
process.stdout.write(
  `sample brief vs baseline:       ${ratio(sample.median, baseSample.median)}× (target ≤ 2×)\n`,
);
process.stdout.write(
  `${pages(long100)} vs baseline:  ${ratio(long100.median, base100.median)}× (target ≤ 2×)\n`,
);
process.stdout.write(
  `content × ${(long100.copies / long10.copies).toFixed(2)} costs time × ${ratio(long100.median, long10.median)} (linear is ${(long100.copies / long10.copies).toFixed(2)})\n`,
);
process.stdout.write(
  `${pages(long1000)} peak RSS:       ${long1000.peakRssMb.toFixed(0)} MB for one render in its own process, ${(long1000.median / 1000).toFixed(1)} s (target < 300 MB)\n`,
);
// Cold starts, whole processes in interleaved rounds: what a CI job that renders one brief waits for.
const cold = coldStarts(7);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const coldPdf = cold['briefwright CLI → PDF'];
const coldPptx = cold['briefwright CLI → PPTX'];
const pdfFloor = cold['floor: pdfkit with embedded TTFs'];
const pptxFloor = cold['floor: pptxgenjs'];
process.stdout.write(
  `cold CLI, sample → PDF:         ${ratio(coldPdf, pdfFloor)}× pdfkit with embedded TTFs (${seconds(coldPdf)} vs ${seconds(pdfFloor)}; target ≤ 1.5×)\n`,
);
process.stdout.write(
  `cold CLI, sample → PPTX:        ${ratio(coldPptx, pptxFloor)}× pptxgenjs (${seconds(coldPptx)} vs ${seconds(pptxFloor)}; target ≤ 2×)\n`,
);
process.stdout.write(
  `cold CLI, both formats:         ${seconds(cold['briefwright CLI → both'])} (target ≤ 0.55 s on the reference machine)\n`,
);
// The Word file and the web page (no target of their own): against the same floor as the PDF.
for (const format of ['DOCX', 'HTML'] as const) {
  const ms = cold[`briefwright CLI → ${format}`];
  process.stdout.write(
    `cold CLI, sample → ${format}:        ${ratio(ms, pdfFloor)}× pdfkit with embedded TTFs (${seconds(ms)})\n`,
  );
}
// The decks differ in slides (briefwright gives sections, tables and charts slides of their own, and
// continues what does not fit): compared per slide.
const perSlide = (r: Result) => r.median / r.pages;
process.stdout.write(
  `sample deck vs baseline:        ${ratio(perSlide(deck), perSlide(deckBase))}× per slide (${perSlide(deck).toFixed(2)} vs ${perSlide(deckBase).toFixed(2)} ms; target ≤ 2×)\n`,
);
process.stdout.write(
  `sample deck on a template:      ${ratio(perSlide(templateDeck), perSlide(deck))}× per slide of the deck without one (reading and filling the .potx)\n`,
);
process.stdout.write(
  `102-section deck vs baseline:   ${ratio(perSlide(deck100), perSlide(deckBase100))}× per slide (${perSlide(deck100).toFixed(2)} vs ${perSlide(deckBase100).toFixed(2)} ms; target ≤ 2×)\n`,
);
const perChart = (on: Result, off: Result) => ((on.median - off.median) / 20).toFixed(1);
process.stdout.write(
  `20-chart report vs no charts:   ${ratio(chartsOn.median, chartsOff.median)}×, ${perChart(chartsOn, chartsOff)} ms a chart (target ≤ 10 ms)\n`,
);
process.stdout.write(
  `20-chart deck vs no charts:     ${ratio(chartsDeckOn.median, chartsDeckOff.median)}×, ${perChart(chartsDeckOn, chartsDeckOff)} ms a chart (target ≤ 10 ms)\n`,
);
const one = measureRaw('batch-1', 200);
const all = measureRaw('batch-all', 200);
// What the machine allows: the same 200 briefs as independent one-worker processes side by side, one per
// core, sharing nothing. No pool can beat processes that share nothing; the memory traffic of rendering
// is what is left to share.
const cores = availableParallelism();
const sideBySide = await Promise.all(
  Array.from({ length: cores }, () =>
    run(process.execPath, [child, 'batch-1', String(Math.ceil(200 / cores)), '1']),
  ),
);
const ceilingAll = {
  perSecond: sideBySide
    .map(({ stdout }) => (JSON.parse(stdout) as { perSecond: number }).perSecond)
    .reduce((sum, rate) => sum + rate, 0),
};
const times = (a: Record<string, number>, b: Record<string, number>) =>
  ((a.perSecond ?? 0) / (b.perSecond ?? 1)).toFixed(2);
process.stdout.write(
  `200-brief batch: ${(one.perSecond ?? 0).toFixed(2)} briefs/s with 1 worker, ${(all.perSecond ?? 0).toFixed(2)} with ${all.jobs} → ${times(all, one)}× (target ≥ 1.7× on 2 cores)\n`,
);
process.stdout.write(
  `  the machine's own limit: ${cores} one-worker processes side by side, sharing nothing: ${times(ceilingAll, one)}×\n`,
);
// Shard balance: 200 briefs of different lengths (the sample with 0 to 39 sections more) split 8 ways.
{
  const dir = mkdtempSync(join(tmpdir(), 'briefwright-shards-'));
  const sample = readFileSync('examples/carney-xi/carney-xi.yaml', 'utf8');
  const section =
    '  - title: More\n    body: |\n      A further paragraph of analysis on trade and climate.\n';
  const files = Array.from({ length: 200 }, (_, i) => {
    const path = join(dir, `brief-${String(i).padStart(3, '0')}.yaml`);
    writeFileSync(path, `${sample}${section.repeat((i * 7919) % 40)}`);
    return path;
  });
  const bytes = Array.from({ length: 8 }, (_, k) =>
    shardInputs(files, { index: k + 1, count: 8 }).reduce(
      (sum, { input }) => sum + statSync(input).size,
      0,
    ),
  );
  const mean = bytes.reduce((a, b) => a + b, 0) / bytes.length;
  process.stdout.write(
    `200 briefs in 8 shards: the largest shard holds ${((Math.max(...bytes) / mean - 1) * 100).toFixed(1)}% more input bytes than the mean (target within 10%)\n`,
  );
}
// The default number of jobs against one job, for small and large batches: never slower.
// Interleaved rounds, the median rate of each: one process each is at the mercy of a shared machine.
for (const count of [10, 24, 200]) {
  const rounds = count < 100 ? 5 : 3;
  const serial: number[] = [];
  const byDefault: number[] = [];
  for (let round = 0; round < rounds; round++) {
    serial.push(measureRaw('batch-1', count).perSecond ?? 0);
    byDefault.push(measureRaw('batch-default', count).perSecond ?? 0);
  }
  const ratioOfMedians = (median(byDefault) / median(serial)).toFixed(2);
  process.stdout.write(
    `${String(count).padStart(3)}-brief batch, default jobs vs --jobs 1: ${ratioOfMedians}× the briefs a second, medians of ${rounds} interleaved rounds (target ≥ 1.00×, never slower)\n`,
  );
}
// The queue against renderMany on the same machine: 200 briefs, 2 worker processes against 2 jobs.
if (hasRedis) {
  const queued = await queueRate(200, 2);
  const pooled = measureRaw('batch-all', 200);
  const ratioToPool = queued.perSecond / (pooled.perSecond ?? 1);
  process.stdout.write(
    `200 briefs through Redis and 2 worker processes: ${queued.perSecond.toFixed(2)} briefs/s, ${ratioToPool.toFixed(2)}× renderMany's ${(pooled.perSecond ?? 0).toFixed(2)} on ${pooled.jobs} jobs (target ≥ 0.85×)\n`,
  );
} else
  process.stdout.write('queue overhead: skipped (no redis-server: apt-get install redis-server)\n');
const soaked = measureRaw('soak', 1000, ['--expose-gc']);
const mb = (bytes: number | undefined) => ((bytes ?? 0) / 1024 / 1024).toFixed(0);
const growth = (end: number | undefined, start: number | undefined) =>
  `${(((end ?? 0) / (start ?? 1) - 1) * 100).toFixed(1)}%`;
process.stdout.write(
  `1,000-render soak: RSS ${mb(soaked.rss50)} MB after 50 renders, ${mb(soaked.rss500)} after 500, ${mb(soaked.rss1000)} at the end → ${growth(soaked.rss1000, soaked.rss50)} (target within 10%); JS heap ${mb(soaked.heap50)} → ${mb(soaked.heap500)} → ${mb(soaked.heap1000)} MB → ${growth(soaked.heap1000, soaked.heap50)}\n`,
);
