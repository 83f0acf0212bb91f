import { readFileSync, writeFileSync } from 'node:fs';
import PptxGenJS from 'pptxgenjs';
import { parse } from 'yaml';

// The cold deck floor: a whole process that reads the sample brief's YAML and writes one slide per
// section straight with pptxgenjs (title, bullets, the table), with no planning of ours.
const [input = 'examples/carney-xi/carney-xi.yaml', output = '/dev/null'] = process.argv.slice(2);
interface Section {
  title: string;
  bullets?: string[];
  table?: { columns: string[]; rows: string[][] };
}
const report = parse(readFileSync(input, 'utf8')) as {
  meta: { title: string };
  sections: Section[];
};
const pptx = new PptxGenJS();
pptx.layout = 'LAYOUT_WIDE';
pptx
  .addSlide()
  .addText(report.meta.title, { x: 0.5, y: 2, w: 12, h: 1.5, fontSize: 36, bold: true });
for (const section of report.sections) {
  const slide = pptx.addSlide();
  slide.addText(section.title, { x: 0.5, y: 0.3, w: 12.3, h: 1, fontSize: 28, bold: true });
  const bullets = section.bullets ?? [];
  if (bullets.length > 0)
    slide.addText(
      bullets.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
      { x: 0.5, y: 1.4, w: 12.3, h: 2.5, fontSize: 18 },
    );
  if (section.table) {
    const rows = [section.table.columns, ...section.table.rows].map((row) =>
      row.map((cell) => ({ text: String(cell) })),
    );
    slide.addTable(rows, { x: 0.5, y: 4, w: 12.3, fontSize: 14 });
  }
}
const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
writeFileSync(output, bytes);
