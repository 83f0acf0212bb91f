import { availableParallelism } from 'node:os';
import {
  batchRate,
  chartReport,
  plainText,
  renderBaseline,
  renderBrief,
  renderDeck,
  renderDeckBaseline,
  reportOf,
  soak,
} from './cases.js';

// One benchmark case in its own process, so that its peak memory is its own. Prints one JSON line.
const [kind = 'brief', copiesText = '1', runsText = '5'] = process.argv.slice(2);
const copies = Number(copiesText);
const runs = Number(runsText);
// Batches and the soak report their own figures.
if (kind === 'batch-1' || kind === 'batch-all' || kind === 'batch-default') {
  // The default leaves the number of jobs to renderMany.
  const jobs = kind === 'batch-1' ? 1 : kind === 'batch-all' ? availableParallelism() : undefined;
  process.stdout.write(`${JSON.stringify({ kind, jobs, ...(await batchRate(copies, jobs)) })}\n`);
  process.exit(0);
}
if (kind === 'soak') {
  process.stdout.write(`${JSON.stringify({ kind, renders: copies, ...(await soak(copies)) })}\n`);
  process.exit(0);
}
const report = kind.includes('charts')
  ? await chartReport(!kind.startsWith('no-'))
  : await reportOf(copies);
// The baseline's paragraphs only for the baseline, so that other cases' memory is their own.
const paragraphs = kind === 'baseline' ? plainText(report) : [];
const cases = {
  baseline: () => renderBaseline(paragraphs),
  brief: () => renderBrief(report),
  deck: () => renderDeck(report),
  // The same deck on the example corporate template (read and filled each render, as a CLI run does).
  'template-deck': () => renderDeck(report, 'examples/templates/corporate-16x9.potx'),
  'deck-baseline': () => renderDeckBaseline(report),
  'charts-brief': () => renderBrief(report),
  'no-charts-brief': () => renderBrief(report),
  'charts-deck': () => renderDeck(report),
  'no-charts-deck': () => renderDeck(report),
};
const once = cases[kind as keyof typeof cases] ?? cases.brief;
// One run is one render in a fresh process, as a user's single long document is: its time and its peak
// memory are the cold render's own. More runs are timed warm, after one render to warm up.
if (runs > 1) await once();
const times: number[] = [];
let size = { bytes: 0, pages: 0 };
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  size = await once();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ kind, copies, runs, median, ...size, peakRssMb })}\n`);
