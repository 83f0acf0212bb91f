import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/diagnostics/warnings.js';
import { render } from '../../src/index.js';
import { loadReport, parseReport } from '../../src/load/index.js';
import { readWrittenDate } from '../../src/load/writtenDate.js';
import { formatDocDate } from '../../src/tree/dates.js';
import { caughtError, pdfPages } from '../helpers.js';

function fromMarkdown(text: string, file = 'doc.md') {
  const warnings: Warning[] = [];
  const report = parseReport(text, { format: 'markdown', file, warn: (w) => warnings.push(w) });
  return { report, warnings };
}

describe('front matter as other tools write it', () => {
  it("reads pandoc's fields: author list, date, lang, abstract, keywords, institute", async () => {
    const warnings: Warning[] = [];
    const report = await loadReport('test/fixtures/documents/pandoc.md');
    expect(report.meta).toMatchObject({
      title: 'Habits',
      subtitle: 'A pandoc-style document',
      date: '2006-07-17',
      language: 'en-GB',
      organization: 'Policy Institute',
      keywords: ['habits', 'pandoc', 'markdown'],
      authors: [
        { name: 'John MacFarlane' },
        { name: 'Jane Analyst', affiliation: 'Institute for Policy', email: 'jane@example.org' },
      ],
    });
    expect(report.summary).toMatch(/^This is the abstract\. It has \*emphasis\*/);
    expect(warnings).toEqual([]);
  });

  it("reads Quarto's structured authors and lists the other tools' settings in one warning", () => {
    const { report, warnings } = fromMarkdown(
      [
        '---',
        'title: Outlook',
        'author:',
        '  - name: { given: Ada, family: Lovelace }',
        '    orcid: 0000-0002-1825-0097',
        '    affiliations:',
        '      - name: Analytical Engines Ltd',
        '      - Royal Society',
        'format: html',
        'execute: { echo: false }',
        'description: A short look ahead.',
        'takeway: a misspelt field',
        '---',
        '',
        '## Overview',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(report.meta.authors).toEqual([
      { name: 'Ada Lovelace', affiliation: 'Analytical Engines Ltd; Royal Society' },
    ]);
    expect(report.summary).toBe('A short look ahead.');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'FRONT_MATTER_IGNORED', file: 'doc.md', line: 5 });
    expect(warnings[0]?.message).toContain('"author.orcid", "format", "execute", "takeway"');
    expect(warnings[0]?.message).toContain('"takeway" (did you mean "takeaways"?)');
  });

  it('keeps a date it cannot read as it is written, and shows it so', async () => {
    const { report } = fromMarkdown('---\ntitle: T\ndate: Spring 2026\n---\n\nText.\n');
    expect(report.meta).toMatchObject({ dateText: 'Spring 2026' });
    expect(report.meta.date).toBeUndefined();
    const { outputs } = await render(report, { formats: ['pdf'], systemFonts: false });
    expect((await pdfPages(outputs[0]?.bytes ?? new Uint8Array())).pages[0]).toContain(
      'Spring 2026',
    );
  });

  it('loads empty headings (# alone is CommonMark) as sections without a title', () => {
    const { report } = fromMarkdown('# Title\n\nText.\n\n#\n\nUnder an empty heading.\n');
    expect(report.meta.title).toBe('Title');
    expect(report.sections.map((s) => [s.title, s.body])).toEqual([
      ['', 'Under an empty heading.'],
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['July 17, 2006', '2006-07-17'],
    ['17 July 2006', '2006-07-17'],
    ['Nov. 24, 2026', '2026-11-24'],
    ['Monday, November 23, 2026', '2026-11-23'],
    ['2024-11-05 14:30:00 +0100', '2024-11-05'],
    ['2006-07-17', '2006-07-17'],
    ['March 2025', '2025-03'],
    ['2025', '2025'],
    [2025, '2025'],
    ['February 29, 2024', '2024-02-29'],
  ])('reads %j as %s', (written, date) => {
    expect(readWrittenDate(written)).toBe(date);
  });

  it.each(['February 30, 2026', 'Spring 2026', 'someday', '2026-13-45', ''])(
    'does not take %j for a date',
    (written) => {
      expect(readWrittenDate(written)).toBeUndefined();
    },
  );

  it('refuses a model date that is not on the calendar, naming the field and its line', async () => {
    for (const date of ['2026-13-45', '2026-02-30', '2026-00']) {
      const error = await caughtError(() =>
        parseReport(`meta:\n  title: T\n  date: "${date}"\n`, { file: 'd.yaml' }),
      );
      expect(error, date).toMatchObject({
        code: 'INVALID_VALUE',
        file: 'd.yaml',
        pointer: '/meta/date',
        line: 3,
      });
    }
    expect(parseReport('meta:\n  title: T\n  date: "2024-02-29"\n').meta.date).toBe('2024-02-29');
  });

  it('shows a month or a year as written, and dates the document from its first day', async () => {
    expect(formatDocDate('2025-03')).toBe('March 2025');
    expect(formatDocDate('2025')).toBe('2025');
    expect(formatDocDate('2026-11-24')).toBe('24 November 2026');
    const { outputs } = await render(
      { meta: { title: 'T', date: '2025-03' } },
      { formats: ['pdf'], systemFonts: false },
    );
    const { pages, info } = await pdfPages(outputs[0]?.bytes ?? new Uint8Array());
    expect(pages[0]).toContain('March 2025');
    expect(String(info.CreationDate)).toMatch(/^D:20250301/);
  });
});
