import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countPages, loadReport, type Report, render, renderMany } from 'briefwright';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { baselineDeck } from './deckBaseline.js';

const require = createRequire(import.meta.url);

/** The sample brief, and the sample's sections (without the chart) repeated into a long report. */
export async function reportOf(copies: number): Promise<Report> {
  const sample = await loadReport('examples/carney-xi/carney-xi.yaml');
  if (copies <= 1) return sample;
  // Long reports are the sample's text and tables repeated, without its chart, so that they compare
  // with the text-only baselines as they always have; charts have their own case.
  const sections = Array.from({ length: copies }, (_, copy) =>
    sample.sections.map(({ chart: _chart, ...section }) => ({
      ...section,
      title: `${section.title} (${copy + 1})`,
    })),
  ).flat();
  return { ...sample, sections };
}

/**
 * A report of 20 charts (the chart gallery's eight kinds in turn, each in its own short section), or the
 * same report without its charts: the difference is what the charts cost.
 */
export async function chartReport(charts: boolean): Promise<Report> {
  const gallery = await loadReport('test/fixtures/charts/gallery.yaml');
  const sections = Array.from({ length: 20 }, (_, index) => {
    const section = gallery.sections[index % gallery.sections.length];
    if (!section) throw new Error('the chart gallery has no sections');
    const { chart, ...rest } = section;
    return {
      ...(charts ? section : rest),
      title: `${section.title} (${index + 1})`,
      body: 'A paragraph before the chart, as a brief would have.',
    };
  });
  return { ...gallery, sections };
}

/** The text of a report as plain paragraphs, for the baseline. */
export function plainText(report: Report): string[] {
  const paragraphs: string[] = [report.meta.title, report.summary ?? ''];
  for (const section of report.sections) {
    paragraphs.push(section.title, section.body ?? '', ...(section.bullets ?? []));
    if (section.table) {
      paragraphs.push(
        ...[section.table.columns, ...section.table.rows].map((row) => row.join('  ')),
      );
    }
  }
  paragraphs.push(...(report.takeaways ?? []), ...(report.recommendations ?? []));
  return paragraphs.filter(Boolean).map((p) => p.replace(/\s+/g, ' '));
}

const FONT_FILES = {
  serif: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  sans: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
};
let fonts: [string, fontkit.Font][] | undefined;

/**
 * The baseline: the same text written with plain pdfkit `doc.text()` (its own wrapping and page breaks),
 * with the same embedded fonts parsed once per process, and no layout of ours.
 */
export function renderBaseline(
  paragraphs: readonly string[],
): Promise<{ bytes: number; pages: number }> {
  fonts ??= Object.entries(FONT_FILES).map(([key, file]) => [
    key,
    fontkit.create(readFileSync(require.resolve(file))),
  ]);
  const loaded = fonts;
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 62, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(measurePdf(new Uint8Array(Buffer.concat(chunks)))));
    for (const [key, font] of loaded)
      doc.registerFont(key, font as unknown as PDFKit.Mixins.PDFFontSource);
    paragraphs.forEach((text, index) => {
      doc
        .font(index % 5 === 0 ? 'sans' : 'serif')
        .fontSize(10.5)
        .text(text, { paragraphGap: 6 });
    });
    doc.end();
  });
}

/** briefwright's PDF of a report: its size in bytes and its number of pages. */
export async function renderBrief(report: Report): Promise<{ bytes: number; pages: number }> {
  const result = await render(report, { formats: ['pdf'] });
  return measurePdf(result.outputs[0]?.bytes ?? new Uint8Array());
}

/** The size and page count of a PDF. */
export function measurePdf(pdf: Uint8Array): { bytes: number; pages: number } {
  return { bytes: pdf.length, pages: countPages('pdf', pdf) };
}

/** briefwright's deck of a report: its size in bytes and its number of slides. */
export async function renderDeck(
  report: Report,
  pptxTemplate?: string,
): Promise<{ bytes: number; pages: number }> {
  const result = await render(report, {
    formats: ['pptx'],
    ...(pptxTemplate ? { pptxTemplate } : {}),
  });
  const bytes = result.outputs[0]?.bytes ?? new Uint8Array();
  return { bytes: bytes.length, pages: countPages('pptx', bytes) };
}

/**
 * The deck baseline: the same content written straight with pptxgenjs, one slide per section (title,
 * bullets, the table as a native table), no measuring and no splitting.
 */
export async function renderDeckBaseline(
  report: Report,
): Promise<{ bytes: number; pages: number }> {
  const bytes = await baselineDeck(report.meta.title, report.sections);
  return { bytes: bytes.length, pages: countPages('pptx', bytes) };
}

/** Briefs per second rendering `count` copies of the sample brief (both formats) with `jobs` workers. */
export async function batchRate(
  count: number,
  jobs: number | undefined,
): Promise<{ perSecond: number; failed: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefwright-bench-'));
  const text = readFileSync('examples/carney-xi/carney-xi.yaml');
  const inputs = Array.from({ length: count }, (_, i) => {
    const path = join(dir, `brief-${i}.yaml`);
    writeFileSync(path, text);
    return path;
  });
  const started = performance.now();
  const results = await renderMany(inputs, {
    outDir: join(dir, 'out'),
    ...(jobs === undefined ? {} : { jobs }),
  });
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, failed: results.filter((r) => !r.ok).length };
}

/**
 * Memory over many renders in one process (the sample brief, both formats, in memory): RSS and the
 * JavaScript heap after a collection, after the first 50 renders, halfway and at the end.
 */
export async function soak(count: number): Promise<Record<string, number>> {
  const report = await reportOf(1);
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const marks: Record<string, number> = {};
  for (let i = 1; i <= count; i++) {
    await render(report, { formats: ['pdf', 'pptx'] });
    if (i === 50 || i === count / 2 || i === count) {
      collect();
      const { rss, heapUsed } = process.memoryUsage();
      marks[`rss${i}`] = rss;
      marks[`heap${i}`] = heapUsed;
    }
  }
  return marks;
}
