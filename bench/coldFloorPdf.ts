import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { parse } from 'yaml';

// The cold PDF floor: a whole process that reads the sample brief's YAML and writes its text with plain
// pdfkit and the same embedded TrueType fonts (Source Serif 4 and Inter), with no layout of ours.
const require = createRequire(import.meta.url);
const [input = 'examples/carney-xi/carney-xi.yaml', output = '/dev/null'] = process.argv.slice(2);
interface Section {
  title: string;
  body?: string;
  bullets?: string[];
}
const report = parse(readFileSync(input, 'utf8')) as {
  meta: { title: string };
  sections: Section[];
};
const doc = new PDFDocument({ size: 'A4', margin: 62, info: { CreationDate: new Date(0) } });
doc.pipe(createWriteStream(output));
doc.registerFont(
  'serif',
  require.resolve('@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf'),
);
doc.registerFont(
  'sans',
  require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
);
doc.font('sans').fontSize(24).text(report.meta.title);
for (const section of report.sections) {
  doc.font('sans').fontSize(15).text(section.title, { paragraphGap: 6 });
  for (const text of [section.body ?? '', ...(section.bullets ?? [])])
    doc.font('serif').fontSize(10.5).text(text.replace(/\s+/g, ' '), { paragraphGap: 6 });
}
doc.end();
