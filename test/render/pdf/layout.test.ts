import { describe, expect, it } from 'vitest';
import type { Warning } from '../../../src/diagnostics/warnings.js';
import { buildDocTree } from '../../../src/markdown/index.js';
import { layoutDocument } from '../../../src/render/pdf/layout/index.js';
import type { PageModel } from '../../../src/render/pdf/layout/types.js';
import { measureText } from '../../../src/text/measure.js';
import { resolveTheme } from '../../../src/theme/index.js';
import { fontFor } from '../../../src/theme/resolve.js';

const META = { title: 'Layout', authors: [], language: 'en', keywords: [] };

function layout(
  markdown: string,
  theme = resolveTheme({ page: { size: 'A4', margins: { top: 20, bottom: 20 } } }),
) {
  const warnings: Omit<Warning, 'format'>[] = [];
  const doc = buildDocTree(markdown, { meta: META, warn: () => {}, source: markdown });
  const model = layoutDocument(doc, {
    theme,
    images: new Map(),
    warn: (w) => warnings.push(w),
    file: 'test.md',
  });
  return { model, warnings };
}

const pageTexts = (model: PageModel) =>
  model.pages.map((p) => p.items.flatMap((i) => (i.type === 'text' ? [i.text] : [])).join(' '));

describe('PDF layout', () => {
  it('keeps every line inside the text column', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const { model } = layout(`# Title\n\n${long}\n\n- ${long}\n`);
    const right = model.width - 22 * (72 / 25.4);
    for (const page of model.pages) {
      for (const item of page.items) if (item.type === 'text') expect(item.x).toBeLessThan(right);
    }
  });

  it('repeats the header row of a long table and cuts no row', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| row ${i} | value ${i} |`).join('\n');
    const { model } = layout(`| Name | Value |\n|---|---|\n${rows}\n`);
    const texts = pageTexts(model);
    expect(model.pages.length).toBeGreaterThan(2);
    for (const text of texts) expect(text).toContain('Name Value');
    const all = texts.join(' ');
    for (let i = 0; i < 120; i++) expect(all).toContain(`row ${i} value ${i}`);
  });

  it('repeats the caption as "(continued)" with the header on every continued page', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| r${i} | v${i} |`).join('\n');
    const { model } = layout(
      `::: table {caption="Table 1. Long"}\n| Name | Value |\n|---|---|\n${rows}\n:::\n`,
    );
    const texts = pageTexts(model);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts[0]).toContain('Table 1. Long Name Value');
    for (const text of texts.slice(1))
      expect(text).toContain('Table 1. Long (continued) Name Value');
  });

  it('shrinks a table too wide for the page down to a floor, then warns', () => {
    const header = Array.from({ length: 14 }, (_, i) => `Column${i}`).join(' | ');
    const row = Array.from({ length: 14 }, () => 'Wordy-content').join(' | ');
    const { model, warnings } = layout(`| ${header} |\n|${'---|'.repeat(14)}\n| ${row} |\n`);
    const sizes =
      model.pages[0]?.items.flatMap((i) =>
        i.type === 'text' && i.text.startsWith('Column') ? [i.size] : [],
      ) ?? [];
    expect(Math.max(...sizes)).toBeLessThan(9);
    expect(warnings.map((w) => w.code)).toContain('TABLE_TOO_WIDE');
  });

  it('breaks a long URL in a table cell instead of shrinking the table', () => {
    const url = `https://example.org/${'segment/'.repeat(30)}`;
    const { model, warnings } = layout(`| Name | Link |\n|---|---|\n| A | ${url} |\n`);
    const sizes =
      model.pages[0]?.items.flatMap((i) =>
        i.type === 'text' && i.text === 'Name' ? [i.size] : [],
      ) ?? [];
    expect(sizes).toEqual([9]);
    expect(warnings).toEqual([]);
  });

  it('never leaves a heading last on a page', () => {
    const para = Array.from({ length: 60 }, () => 'text').join(' ');
    const doc = Array.from({ length: 30 }, (_, i) => `## Heading ${i}\n\n${para}\n`).join('\n');
    const { model } = layout(doc);
    for (const page of model.pages) {
      const last = page.items.filter((i) => i.type === 'text').at(-1);
      expect(last?.type === 'text' && last.text.startsWith('Heading')).toBe(false);
    }
  });

  it('warns about a character no font has, naming it, and shows "?"', () => {
    const { model, warnings } = layout('Intro.\n\nPresident 习近平 met Prime Minister Carney.');
    expect(warnings.some((w) => w.code === 'MISSING_GLYPH' && w.message.includes('U+4E60'))).toBe(
      true,
    );
    expect(pageTexts(model).join(' ')).toContain('President ??? met');
  });

  it('lays out code with ligature sequences (// --- ::: ===) without crashing the font engine', () => {
    const { model } = layout('```\n// --- ::: === -> !== ### ...\n```\n\nAnd `a // b` inline.');
    expect(pageTexts(model).join(' ')).toContain('// --- ::: === -> !== ### ...');
  });

  it('spaces the endnotes heading like any other section', () => {
    const { model } = layout(
      'Text.[^1]\n\n::: callout {kind="note"}\nBox.\n:::\n\n[^1]: A note.',
      resolveTheme({ pdf: { footnotes: 'end' } }),
    );
    const page = model.pages[0]?.items ?? [];
    const rects = page.filter((i) => i.type === 'rect');
    const notes = page.find((i) => i.type === 'text' && i.text === 'Notes');
    const boxBottom = Math.max(...rects.map((r) => (r.type === 'rect' ? r.y + r.height : 0)));
    expect(notes?.type === 'text' && notes.y - boxBottom).toBeGreaterThan(18);
  });

  it('gives the table of contents the page of every heading, with live links', () => {
    const para = Array.from({ length: 120 }, () => 'text').join(' ');
    const doc = Array.from({ length: 8 }, (_, i) => `# Part ${i}\n\n${para}\n\n${para}\n`).join(
      '\n',
    );
    const { model } = layout(doc, resolveTheme({ pdf: { toc: true, numberHeadings: true } }));
    const first = model.pages[0]?.items ?? [];
    const pageOf = new Map(model.outline.map((e) => [e.title, e.page + 1]));
    for (let i = 0; i < 8; i++) {
      const entry = first.findIndex(
        (item) => item.type === 'text' && item.text === `${i + 1}. Part ${i}`,
      );
      expect(entry, `entry ${i}`).toBeGreaterThanOrEqual(0);
      const number = first
        .slice(entry)
        .find((item) => item.type === 'text' && /^\d+$/.test(item.text));
      expect(number?.type === 'text' && number.text).toBe(String(pageOf.get(`Part ${i}`)));
      expect(
        first.some(
          (item) =>
            item.type === 'link' && item.target.kind === 'anchor' && item.target.id === `part-${i}`,
        ),
      ).toBe(true);
    }
    expect(new Set(pageOf.values()).size).toBeGreaterThan(2);
  });

  it('links to a heading of the document land on its anchor', () => {
    const { model } = layout('# Intro\n\nSee [the end](#the-end).\n\n# The end\n');
    const items = model.pages.flatMap((p) => p.items);
    expect(
      items.some(
        (i) => i.type === 'link' && i.target.kind === 'anchor' && i.target.id === 'the-end',
      ),
    ).toBe(true);
    expect(items.some((i) => i.type === 'anchor' && i.id === 'the-end')).toBe(true);
  });

  it('sets US Letter pages from the theme', () => {
    const { model } = layout('Hello', resolveTheme({ page: { size: 'Letter' } }));
    expect([model.width, model.height]).toEqual([612, 792]);
  });
});

describe('justified text', () => {
  const theme = resolveTheme({ pdf: { justify: true } });
  const prose = Array.from(
    { length: 12 },
    () =>
      'Both leaders are expected to prioritize the expansion of economic ties, including enhanced market access.',
  ).join(' ');

  it('fills every line but the last to the column width, hyphenating where it helps', () => {
    const { model } = layout(`${prose}\n`, theme);
    const texts =
      model.pages[0]?.items.filter((i) => i.type === 'text' && i.font.startsWith('serif')) ?? [];
    const right = model.width - 22 * (72 / 25.4);
    const byLine = new Map<number, number>();
    for (const item of texts) {
      if (item.type !== 'text') continue;
      const end =
        item.x +
        measureText(fontFor(theme, item.font), item.text, item.size) +
        (item.wordSpacing ?? 0) * (item.text.match(/ /g)?.length ?? 0);
      byLine.set(item.y, Math.max(byLine.get(item.y) ?? 0, end));
    }
    const ends = [...byLine.values()];
    for (const end of ends.slice(0, -1)) expect(Math.abs(end - right)).toBeLessThan(0.5);
    expect(ends.at(-1)).toBeLessThan(right - 1);
    expect(texts.some((i) => i.type === 'text' && i.text.endsWith('-'))).toBe(true);
  });

  it('never ends a paragraph on the stub of a hyphenated word', () => {
    const { model } = layout(`${prose} infrastructure\n`, theme);
    const texts = model.pages[0]?.items.flatMap((i) => (i.type === 'text' ? [i.text] : [])) ?? [];
    expect(texts.at(-1)?.endsWith('infrastructure')).toBe(true);
  });
});
