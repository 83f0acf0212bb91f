import {
  chartReport,
  plainText,
  renderBaseline,
  renderBrief,
  renderDeck,
  renderDeckBaseline,
  reportOf,
} from './cases.js';

// One benchmark case in its own process, so that its peak memory is its own. Prints one JSON line.
const [kind = 'brief', copiesText = '1', runsText = '5'] = process.argv.slice(2);
const copies = Number(copiesText);
const runs = Number(runsText);
const report = kind.includes('charts')
  ? await chartReport(!kind.startsWith('no-'))
  : await reportOf(copies);
const paragraphs = plainText(report);
const cases = {
  baseline: () => renderBaseline(paragraphs),
  brief: () => renderBrief(report),
  deck: () => renderDeck(report),
  'deck-baseline': () => renderDeckBaseline(report),
  'charts-brief': () => renderBrief(report),
  'no-charts-brief': () => renderBrief(report),
  'charts-deck': () => renderDeck(report),
  'no-charts-deck': () => renderDeck(report),
};
const once = cases[kind as keyof typeof cases] ?? cases.brief;
await once();
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
