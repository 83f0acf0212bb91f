import { describe, expect, it } from 'vitest';
import { buildDocTree } from '../../../src/markdown/index.js';
import { noteAnchor } from '../../../src/render/pdf/layout/footnotes.js';
import { layoutDocument } from '../../../src/render/pdf/layout/index.js';
import type { PageModel } from '../../../src/render/pdf/layout/types.js';
import { resolveTheme } from '../../../src/theme/index.js';

// A 200 × 150 pt page forces a break every few lines.
const PT = 25.4 / 72;
const tiny = resolveTheme({
  page: {
    size: { width: 200 * PT, height: 150 * PT },
    margins: { top: 14 * PT, bottom: 14 * PT, left: 10 * PT, right: 10 * PT },
  },
  pdf: { bodySize: 8, leading: 10, h1Size: 10, h2Size: 9, tableSize: 7 },
});

function layout(markdown: string): PageModel {
  const doc = buildDocTree(markdown, {
    meta: { title: 'T', authors: [], language: 'en', keywords: [] },
    warn: () => {},
  });
  return layoutDocument(doc, { theme: tiny, images: new Map(), warn: () => {}, file: undefined });
}

const texts = (model: PageModel, page: number) =>
  (model.pages[page]?.items ?? []).flatMap((item) => (item.type === 'text' ? [item] : []));
const words = (n: number, prefix = 'w') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

describe('pagination on a tiny page', () => {
  it('moves a heading that would end a page to the next one', () => {
    const doc = Array.from({ length: 12 }, (_, i) => `## Heading ${i}\n\n${words(25)}\n`).join(
      '\n',
    );
    const model = layout(doc);
    expect(model.pages.length).toBeGreaterThan(4);
    model.pages.forEach((_, page) => {
      const last = texts(model, page).at(-1);
      expect(last?.text.startsWith('Heading'), `page ${page + 1}`).toBe(false);
    });
  });

  it('repeats the header of a 60-row table on every page and cuts no row', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| row ${i} | ${i * 2} |`).join('\n');
    const model = layout(`| Item | Value |\n|---|--:|\n${rows}\n`);
    const tablePages = model.pages
      .map((_, p) => texts(model, p).map((t) => t.text))
      .filter((t) => t.some((s) => s.startsWith('row')));
    expect(tablePages.length).toBeGreaterThan(5);
    for (const page of tablePages) expect(page.slice(0, 4).join(' ')).toContain('Item Value');
    const seen = tablePages.flat().filter((s) => /^row \d+$/.test(s));
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `row ${i}`));
  });

  it('leaves no widow or orphan: a paragraph split across pages keeps two lines on each side', () => {
    const doc = Array.from({ length: 9 }, (_, i) => `${words(30 + i * 7, `p${i}w`)}\n`).join('\n');
    const model = layout(doc);
    const linesPerTag = new Map<number, number[]>();
    model.pages.forEach((_, page) => {
      const baselines = new Map<number, Set<number>>();
      for (const item of texts(model, page)) {
        if (item.tag === undefined || !item.text.startsWith('p')) continue;
        baselines.set(item.tag, (baselines.get(item.tag) ?? new Set()).add(item.y));
      }
      for (const [tag, ys] of baselines)
        linesPerTag.set(tag, [...(linesPerTag.get(tag) ?? []), ys.size]);
    });
    const split = [...linesPerTag.values()].filter((counts) => counts.length > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const counts of split) for (const count of counts) expect(count).toBeGreaterThanOrEqual(2);
  });

  it('numbers every page "Page X of Y"', () => {
    const model = layout(words(400));
    const total = model.pages.length;
    expect(total).toBeGreaterThan(3);
    model.pages.forEach((page, index) => {
      const footer = page.artifacts.find(
        (item) => item.type === 'text' && item.text.startsWith('Page'),
      );
      expect(footer?.type === 'text' && footer.text).toBe(`Page ${index + 1} of ${total}`);
    });
  });
});

describe('footnotes', () => {
  const doc = `${words(60)}\n\nA claim that needs a source.[^src] ${words(20)}\n\n${words(60)}\n\n[^src]: The source, set at the foot of the page that cites it.\n`;
  const pageOfText = (model: PageModel, needle: string) =>
    model.pages.findIndex((page) =>
      page.items.some((item) => item.type === 'text' && item.text.includes(needle)),
    );
  const pageOfAnchor = (model: PageModel, id: string) =>
    model.pages.findIndex((page) =>
      page.items.some((item) => item.type === 'anchor' && item.id === id),
    );

  it('sets a footnote at the foot of the page that refers to it, below the text', () => {
    const model = layout(doc);
    const cited = pageOfText(model, 'A claim');
    expect(pageOfAnchor(model, 'fn-1')).toBe(cited);
    const page = model.pages[cited]?.items ?? [];
    const note = page.find((item) => item.type === 'text' && item.text.startsWith('The source'));
    const textBottom = Math.max(
      ...page.flatMap((item) =>
        item.type === 'text' && item.text.startsWith('w') ? [item.y] : [],
      ),
    );
    expect(note?.type === 'text' && note.y).toBeGreaterThan(textBottom);
  });

  it('links every reference to a place that exists', () => {
    for (const theme of [tiny, resolveTheme({ pdf: { footnotes: 'end' } })]) {
      const parsed = buildDocTree(doc, {
        meta: { title: 'T', authors: [], language: 'en', keywords: [] },
        warn: () => {},
      });
      const model = layoutDocument(parsed, {
        theme,
        images: new Map(),
        warn: () => {},
        file: undefined,
      });
      const anchors = new Set(
        model.pages.flatMap((p) => p.items.flatMap((i) => (i.type === 'anchor' ? [i.id] : []))),
      );
      const targets = model.pages.flatMap((p) =>
        p.items.flatMap((i) =>
          i.type !== 'link' || i.target.kind === 'url'
            ? []
            : [i.target.kind === 'anchor' ? i.target.id : noteAnchor(i.target.number)],
        ),
      );
      expect(targets).toContain('fn-1');
      for (const target of targets) expect(anchors.has(target), target).toBe(true);
    }
  });

  it('collects footnotes as endnotes under "Notes" when the theme asks', () => {
    const parsed = buildDocTree(doc, {
      meta: { title: 'T', authors: [], language: 'en', keywords: [] },
      warn: () => {},
    });
    const model = layoutDocument(parsed, {
      theme: resolveTheme({ pdf: { footnotes: 'end' } }),
      images: new Map(),
      warn: () => {},
      file: undefined,
    });
    const texts = model.pages.flatMap((p) =>
      p.items.flatMap((i) => (i.type === 'text' ? [i.text] : [])),
    );
    const notes = texts.indexOf('Notes');
    expect(notes).toBeGreaterThan(texts.findIndex((t) => t.startsWith('A claim')));
    expect(texts.slice(notes).some((t) => t.startsWith('The source'))).toBe(true);
  });
});

describe('a table row taller than a page', () => {
  it('is the one row that splits, between lines, with the header repeated; other rows stay whole', () => {
    const long = words(220, 'x');
    const model = layout(
      `| Name | Text |\n|---|---|\n| short | one line |\n| tall | ${long} |\n| after | one line |\n`,
    );
    const pagesWithTall = model.pages.filter((page) =>
      page.items.some((i) => i.type === 'text' && /\bx\d+/.test(i.text)),
    );
    expect(pagesWithTall.length).toBeGreaterThan(1);
    for (const page of pagesWithTall) {
      expect(page.items.some((i) => i.type === 'text' && i.text === 'Name')).toBe(true);
    }
    const all = model.pages.flatMap((p) =>
      p.items.flatMap((i) => (i.type === 'text' ? i.text.split(' ') : [])),
    );
    for (let i = 0; i < 220; i++) expect(all).toContain(`x${i}`);
    const shortPage = model.pages.findIndex((p) =>
      p.items.some((i) => i.type === 'text' && i.text === 'short'),
    );
    const linePages = model.pages.flatMap((p, n) =>
      p.items.some((i) => i.type === 'text' && i.text === 'one line') ? [n] : [],
    );
    expect(linePages[0]).toBe(shortPage);
  });
});
