import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToFiles } from '../../src/index.js';
import { EXAMPLE_YAML, firstMissingInOrder, scriptLines, seedParts, tempDir } from '../helpers.js';

/** Real readers: poppler, qpdf and LibreOffice. `.ci/run` installs them and sets BRIEFWRIGHT_REQUIRE_TOOLS=1. */
function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

const required = process.env.BRIEFWRIGHT_REQUIRE_TOOLS === '1';
const tools = ['qpdf', 'pdffonts', 'pdftotext', 'pdfinfo', 'pdfimages', 'soffice'];
const missing = tools.filter((tool) => !has(tool));
if (required && missing.length > 0) throw new Error(`real-reader tests need ${missing.join(', ')}`);
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });

/** LibreOffice's PDF of a deck or a Word file, written into `outDir` (its profile kept in `dir`): the PDF's path. */
function libreOfficePdf(dir: string, file: string, outDir: string): string {
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  run('soffice', ['--headless', profile, '--convert-to', 'pdf', '--outdir', outDir, file]);
  return join(outDir, `${basename(file).replace(/\.[^.]+$/, '')}.pdf`);
}

describe.skipIf(missing.length > 0)('the sample in real readers', () => {
  let dir: string;
  let pdf: string;
  let pptx: string;
  let deckPdf: string;
  beforeAll(async () => {
    dir = tempDir();
    const result = await renderToFiles(EXAMPLE_YAML, { outDir: dir });
    pdf = result.files.find((f) => f.format === 'pdf')?.path ?? '';
    pptx = result.files.find((f) => f.format === 'pptx')?.path ?? '';
    // LibreOffice lays the deck out as a viewer would; its PDF is what the deck tests read.
    deckPdf = libreOfficePdf(dir, pptx, join(dir, 'deck'));
  });

  it('is tagged, with its title and language, for pdfinfo', () => {
    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Carney in Beijing/);
    expect(info).toMatch(/Pages:\s+4/);
  });

  it('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', pdf])).toContain('No syntax or stream encoding errors');
  });

  it('embeds every font (pdffonts)', () => {
    const rows = run('pdffonts', [pdf]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes');
  });

  it('gives pdftotext every heading, bullet and table cell of the seed in reading order', () => {
    const text = run('pdftotext', ['-raw', pdf, '-']);
    expect(firstMissingInOrder(text, seedParts().ordered)).toBeUndefined();
  });

  it('opens the deck in LibreOffice with every section title, bullet and table cell', () => {
    const text = run('pdftotext', [deckPdf, '-']).replace(/\s+/g, ' ');
    const seed = seedParts();
    for (const needle of [...seed.headings.slice(0, 3), ...seed.bullets, ...seed.cells])
      expect(text, needle).toContain(needle);
  });

  it("draws the sample's chart as vectors and text: pdfimages finds no image, pdftotext its labels", () => {
    const images = run('pdfimages', ['-list', pdf]).trim().split('\n').slice(2);
    expect(images).toEqual([]);
    const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
    for (const needle of [
      'The trade goal, indexed to today’s bilateral trade',
      'Index, today = 100',
      '107.2',
      'Today After one year After two years',
      'Source: The goal of 15% more bilateral trade',
    ])
      expect(text, needle).toContain(needle);
  });

  it("shows the deck's native chart in LibreOffice with its title, values and categories", () => {
    const text = run('pdftotext', [deckPdf, '-']).replace(/\s+/g, ' ');
    for (const needle of [
      'The trade goal',
      '107.2',
      '115.0',
      'After one year',
      'Index, today = 100',
    ])
      expect(text, needle).toContain(needle);
  });
});

describe.skipIf(missing.length > 0)('the sample as a Word file in LibreOffice Writer', () => {
  let dir: string;
  let text: string;
  beforeAll(async () => {
    dir = tempDir();
    const result = await renderToFiles(EXAMPLE_YAML, { outDir: dir, formats: ['docx'] });
    const docx = result.files[0]?.path ?? '';
    text = run('pdftotext', ['-raw', libreOfficePdf(dir, docx, join(dir, 'word')), '-']);
  });

  it('converts to PDF with every heading, bullet and table cell of the seed in reading order', () => {
    expect(firstMissingInOrder(text, seedParts().ordered)).toBeUndefined();
  });

  it('holds every word of the seed’s prose and the chart’s caption and source', () => {
    const flat = text.replace(/\s+/g, ' ');
    const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 3);
    const missingProse = seedParts()
      .prose.flatMap(words)
      .filter((w) => !flat.includes(w));
    expect(missingProse).toEqual([]);
    expect(flat).toContain('The trade goal, indexed to today’s bilateral trade');
    expect(flat).toContain('Source: The goal of 15% more bilateral trade');
  });
});

describe.skipIf(missing.length > 0)('a Word file with notes in notes in LibreOffice Writer', () => {
  it('opens, with every note’s words (Word has no footnote of a footnote: it follows its note)', async () => {
    const dir = tempDir();
    const summary = readFileSync('test/fixtures/formats/notes.md', 'utf8');
    const { files } = await renderToFiles(
      { meta: { title: 'Notes' }, summary },
      { outDir: dir, name: 'notes', formats: ['docx'] },
    );
    const pdf = libreOfficePdf(dir, files[0]?.path ?? '', dir);
    const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
    for (const words of ['Outer refers to', 'Inner words.', 'WNOTETAB1', 'WNOTETAB2'])
      expect(text, words).toContain(words);
  });
});

describe.skipIf(missing.length > 0)('hostile text in real readers', () => {
  it('gives a deck LibreOffice converts when every field holds markup, ampersands and control characters', async () => {
    const dir = tempDir();
    const nasty = (label: string) => `${label} & <b>"x"</b> \u0001\u000b\ufffe\ud800 ]]> \u202e`;
    const { files } = await renderToFiles(
      {
        meta: {
          title: nasty('Title'),
          organization: 'Johnson & Johnson <Company>x</Company>',
          authors: [nasty('Author')],
          keywords: [nasty('kw')],
        },
        summary: nasty('Summary'),
        keyPoints: [nasty('Point')],
        sections: [
          {
            title: nasty('Section'),
            body: nasty('Body'),
            bullets: [nasty('Bullet')],
            notes: nasty('Notes'),
            table: { columns: [nasty('Col'), 'n'], rows: [[nasty('Cell'), '1']] },
            chart: {
              title: nasty('Chart'),
              categories: [nasty('Cat'), 'b'],
              series: [{ name: nasty('Series'), values: [1, 2] }],
            },
          },
        ],
        takeaways: [nasty('Takeaway')],
      },
      { outDir: dir, name: 'hostile', formats: ['pptx'], systemFonts: false },
    );
    const pptx = files[0]?.path ?? '';
    const text = run('pdftotext', [libreOfficePdf(dir, pptx, dir), '-']).replace(/\s+/g, ' ');
    for (const needle of ['Johnson & Johnson', 'Section & <b>"x"</b>', 'Bullet &', 'Cell &'])
      expect(text, needle).toContain(needle);
  });
});

describe.skipIf(missing.length > 0)('copied text in poppler', () => {
  // Bidi controls poppler puts around embedded runs, and spaces, aside: letters and order are what count.
  const bare = (s: string) => s.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\s]+/g, '');

  it.each(['arabic', 'world'])(
    'gives pdftotext every line of the %s sample in reading order with its own letters',
    async (name) => {
      const dir = tempDir();
      const { files } = await renderToFiles(`test/fixtures/scripts/${name}.md`, {
        outDir: dir,
        formats: ['pdf'],
      });
      const text = bare(run('pdftotext', [files[0]?.path ?? '', '-']));
      for (const line of scriptLines(name)) expect(text, line).toContain(bare(line));
    },
  );
});
