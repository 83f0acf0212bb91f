import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { pdfPages, pdfStructure, pptxParts, slideNames } from '../helpers.js';

const GALLERY = 'test/fixtures/charts/gallery.yaml';

/** The series of a chart part: name, categories and values, read back from the chart XML. */
function seriesOf(
  xml: string,
): { name: string; categories: string[]; values: number[]; color: string }[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((match) => {
    const ser = match[1] ?? '';
    const points = (part: string) =>
      [
        ...(new RegExp(`<c:${part}>([\\s\\S]*?)</c:${part}>`).exec(ser)?.[1] ?? '').matchAll(
          /<c:pt idx="\d+">\s*<c:v>([^<]*)<\/c:v>/g,
        ),
      ].map((m) => m[1] ?? '');
    return {
      name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? '',
      categories: points('cat'),
      values: points('val').map(Number),
      color: /<c:spPr>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(ser)?.[1] ?? '',
    };
  });
}

describe('charts in the deck', () => {
  let parts: Awaited<ReturnType<typeof pptxParts>>;
  let charts: string[];
  beforeAll(async () => {
    const result = await render(GALLERY, { formats: ['pptx'] });
    parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    const names = parts.names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    names.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
    charts = await Promise.all(names.map((n) => parts.read(n)));
  });

  it('writes one native chart part per chart, numbered from 1, each with its workbook', () => {
    expect(charts).toHaveLength(8);
    for (let n = 1; n <= 8; n++) {
      expect(parts.names).toContain(`ppt/charts/chart${n}.xml`);
      expect(parts.names).toContain(`ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`);
    }
  });

  it('holds every kind with the right series names, categories and values', () => {
    const [grouped, stacked, horizontal, line, area, pie, doughnut, combo] = charts.map(
      (c) => c ?? '',
    );
    expect(grouped).toMatch(/<c:barChart><c:barDir val="col"\/><c:grouping val="clustered"\/>/);
    expect(seriesOf(grouped ?? '')).toMatchObject([
      { name: 'Exports', categories: ['2023', '2024', '2025'], values: [30.1, 29.4, 31.2] },
      { name: 'Imports', categories: ['2023', '2024', '2025'], values: [100.4, 101.7, 104.9] },
    ]);
    expect(stacked).toMatch(/<c:grouping val="stacked"\/>/);
    expect(seriesOf(stacked ?? '').map((s) => s.name)).toEqual(['2024', '2025']);
    // Bars that run across list the first category at the top: the chart's data runs bottom-up.
    expect(horizontal).toMatch(/<c:barDir val="bar"\/>/);
    expect(seriesOf(horizontal ?? '')).toMatchObject([
      {
        name: 'Tariff',
        categories: ['Electric vehicles', 'Pork', 'Canola seed'],
        values: [100, 25, 75.8],
      },
    ]);
    expect(line).toMatch(/<c:lineChart>/);
    expect(seriesOf(line ?? '').map((s) => s.values)).toEqual([
      [1.2, 1.1, 0.9, 0.4],
      [0.5, 0.55, 0.6, 0.62],
    ]);
    expect(area).toMatch(/<c:areaChart>[\s\S]*<c:grouping val="stacked"\/>/);
    expect(pie).toMatch(/<c:pieChart>/);
    expect(seriesOf(pie ?? '')).toMatchObject([
      { name: 'Share', categories: ['Agri-food', 'Energy', 'Minerals'], values: [50, 30, 20] },
    ]);
    expect(doughnut).toMatch(/<c:doughnutChart>[\s\S]*<c:holeSize val="55"\/>/);
    // A combo from a table: the first numeric column as bars, the next as a line.
    expect(combo).toMatch(/<c:barChart>[\s\S]*<c:lineChart>/);
    expect(seriesOf(combo ?? '')).toMatchObject([
      { name: 'Trade', categories: ['2025', '2026', '2027'], values: [118.5, 121, 125] },
      { name: 'Goal', categories: ['2025', '2026', '2027'], values: [118.5, 127.4, 136.3] },
    ]);
  });

  it("colours every series explicitly from the theme's palette", () => {
    const grouped = seriesOf(charts[0] ?? '');
    expect(grouped.map((s) => s.color)).toEqual(['1F3A5F', '2A8C82']);
    const combo = seriesOf(charts[7] ?? '');
    expect(combo.map((s) => s.color)).toEqual(['1F3A5F', '2A8C82']);
  });

  it('writes number formats, axis titles and the same round ticks as the brief', () => {
    const grouped = charts[0] ?? '';
    expect(grouped).toContain('formatCode="&quot;C$&quot;#,##0"');
    expect(grouped).toContain('<c:majorUnit val="20"/>');
    expect(grouped).toContain('<c:max val="120"/>');
    expect(charts[2]).toContain('&quot;%&quot;');
    expect(charts[3]).toMatch(/<c:title>[\s\S]*C\$ billion/);
    expect(charts[3]).toMatch(/<c:title>[\s\S]*Month/);
  });

  it('gives each chart its own slide, titled by the chart, with alt text and the source line', async () => {
    const slides = await Promise.all(slideNames(parts.names).map((n) => parts.read(n)));
    const withCharts = slides.filter((xml) => xml.includes('<c:chart '));
    expect(withCharts).toHaveLength(8);
    expect(withCharts[0]).toContain('Bilateral trade');
    expect(withCharts[0]).toContain('Source: Statistics Canada');
    expect(withCharts[0]).toMatch(
      /descr="Bar chart: Bilateral trade\. Exports \(C\$ billion\): 2023 C\$30\.1/,
    );
    expect(withCharts[5]).toContain(
      'descr="Half of exports are agri-food, 30% energy and 20% minerals."',
    );
  });

  it("gives the presenter the chart's values in the speaker notes", async () => {
    const notes = await Promise.all(
      slideNames(parts.names, 'notesSlides').map((n) => parts.read(n)),
    );
    expect(
      notes.some((xml) => xml.includes('Exports (C$ billion): 2023 C$30.1, 2024 C$29.4')),
    ).toBe(true);
  });
});

describe('charts in the brief', () => {
  let bytes: Uint8Array;
  let warnings: readonly { code: string }[];
  beforeAll(async () => {
    const result = await render(GALLERY, { formats: ['pdf'] });
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    warnings = result.warnings;
  });

  it('raises no preflight warning: a section with only a chart is not empty', () => {
    expect(warnings).toEqual([]);
  });

  it('draws charts as vector shapes and text: no images', () => {
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/Subtype /Image');
  });

  it("holds every chart's title, labels, round ticks, legend and source as text", async () => {
    const text = (await pdfPages(bytes)).pages.join('\n');
    for (const label of [
      'Bilateral trade',
      'Exports',
      'Imports',
      'C$120',
      'C$104.9',
      'Source: Statistics Canada',
      'Canola seed',
      'Electric vehicles',
      '75.8%',
      'Month',
      'Jan',
      'Agri-food',
      '50 (50%)',
      'Trade against the goal',
    ]) {
      expect(text).toContain(label);
    }
  });

  it('tags each chart as a Figure with its alt text', async () => {
    const roles = await pdfStructure(bytes);
    const figures = roles.filter((r) => r.startsWith('Figure['));
    expect(figures).toHaveLength(8);
    expect(figures).toContain(
      'Figure[Half of exports are agri-food, 30% energy and 20% minerals.]',
    );
    expect(figures[0]).toMatch(/^Figure\[Bar chart: Bilateral trade\./);
  });

  it('keeps a chart whole on one page, with its caption and source', async () => {
    const filler = Array.from({ length: 38 }, (_, i) => `Paragraph ${i + 1} of filler text.`).join(
      '\n\n',
    );
    const result = await render(
      {
        meta: { title: 'Chart at the foot' },
        sections: [
          {
            title: 'Filler',
            body: filler,
            chart: {
              title: 'Kept together',
              categories: ['Alpha', 'Beta'],
              series: [{ name: 'Values', values: [1, 2] }],
              source: 'Test data',
            },
          },
        ],
      },
      { formats: ['pdf'] },
    );
    const pages = (await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array())).pages;
    const page = pages.findIndex((p) => p.includes('Kept together'));
    expect(page).toBeGreaterThan(0);
    for (const part of ['Alpha', 'Beta', 'Source: Test data']) expect(pages[page]).toContain(part);
  });
});
