import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, importArticleFile, parseReport, render } from '../../src/index.js';
import { pdfPages, tempDir } from '../helpers.js';

const SEED = 'test/fixtures/seed/carney-xi-article.txt';

describe('importArticle on the sample article', () => {
  const report = importArticle(readFileSync(SEED, 'utf8'));

  it('recovers the title, the lede, the three sections, their lists and tables, and the takeaways', () => {
    expect(report.meta.title).toBe(
      'Canada Prime Minister Carney’s Visit to China Signals Strategic Shift in Bilateral Relations',
    );
    expect(report.summary?.startsWith('Canada’s Prime Minister Mark Carney is set to visit')).toBe(
      true,
    );
    expect(report.sections?.map((s) => s.title)).toEqual([
      'Canada Prime Minister Carney’s Visit to China Signals Strategic Shift in Bilateral Relations',
      'Implications of Carney’s Meeting with Xi Jinping for Trade and Climate Cooperation',
      'Recommendations for Strengthening Canada-China Partnership Amid Geopolitical Challenges',
    ]);
    expect(report.sections?.map((s) => s.bullets?.length ?? 0)).toEqual([3, 3, 0]);
    expect(report.sections?.map((s) => s.table?.rows.length)).toEqual([3, 3, 4]);
    expect(report.sections?.[1]?.table?.columns).toEqual([
      'Focus Area',
      'Canada’s Goals',
      'China’s Goals',
    ]);
    expect(report.takeaways).toHaveLength(3);
  });

  it('renders with at least 99% of the article’s words, in order', async () => {
    const result = await render(report, { formats: ['pdf'] });
    const { pages } = await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array());
    const words = (text: string) =>
      text
        .replace(/\|/g, ' ')
        .split(/[^\p{L}\p{N}%’'-]+/u)
        .filter(Boolean);
    const article = words(readFileSync(SEED, 'utf8').replace(/^\|[\s:|-]+\|$/gm, ''));
    const pdf = words(pages.join(' '));
    let at = 0;
    let found = 0;
    for (const word of article) {
      const next = pdf.indexOf(word, at);
      if (next >= 0) {
        found++;
        at = next + 1;
      }
    }
    expect(found / article.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe('importArticle on other shapes of article', () => {
  it('takes an opening heading as the title, Markdown headings and numbered lists', () => {
    const report = importArticle(
      '# Water Policy Review\n\nA first paragraph.\n\n## Findings\n\n1. One\n2. Two\n\nClosing words.\n',
    );
    expect(report.meta.title).toBe('Water Policy Review');
    expect(report.summary).toBe('A first paragraph.');
    expect(report.sections?.[0]).toEqual({
      title: 'Findings',
      body: '1. One\n2. Two\n\nClosing words.',
    });
  });

  it('keeps content out of order in the body, as Markdown, and pads ragged table rows', () => {
    const report = importArticle(
      'Intro text.\nFirst Part\n| A | B |\n|---|---|\n| 1 |\nAfter the table.\n- a bullet\n',
    );
    const section = report.sections?.[0];
    expect(section?.title).toBe('First Part');
    expect(section?.body).toBe('| A | B |\n|---|---|\n| 1 |  |\n\nAfter the table.\n\n- a bullet');
  });

  it('does not take lines ending in punctuation or starting in lower case for headings', () => {
    const report = importArticle(
      'Budget Outlook\nThe deficit narrows.\nRevenue rose by a lot;\nwhat lowercase line\nNext Steps\nDo it.\n',
    );
    expect(report.sections?.map((s) => s.title)).toEqual(['Next Steps']);
    expect(report.meta.title).toBe('Budget Outlook');
  });

  it('writes YAML that loads back as the same model', async () => {
    const dir = tempDir();
    const file = join(dir, 'draft.txt');
    writeFileSync(file, readFileSync(SEED, 'utf8'));
    const yaml = await importArticleFile(file);
    expect(yaml.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(
        /^# yaml-language-server: \$schema=\.\.?\/.*schema\/report\.schema\.json$/,
      ),
      '# Imported by briefwright from draft.txt.',
    ]);
    const loaded = parseReport(yaml, { file: 'draft.yaml' });
    expect(loaded.sections.map((s) => s.title)).toHaveLength(3);
    expect(loaded.takeaways).toHaveLength(3);
  });
});
