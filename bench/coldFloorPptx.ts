import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type BaselineSection, baselineDeck } from './deckBaseline.js';

// The cold deck floor: a whole process that reads the sample brief's YAML and writes one slide per
// section straight with pptxgenjs (see deckBaseline.ts), with no planning of ours.
const [input = 'examples/carney-xi/carney-xi.yaml', output = '/dev/null'] = process.argv.slice(2);
const report = parse(readFileSync(input, 'utf8')) as {
  meta: { title: string };
  sections: BaselineSection[];
};
writeFileSync(output, await baselineDeck(report.meta.title, report.sections));
