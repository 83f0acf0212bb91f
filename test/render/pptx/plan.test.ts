import { describe, expect, it } from 'vitest';
import { buildDocTree } from '../../../src/markdown/index.js';
import { paragraphHeight } from '../../../src/render/pptx/plan/content.js';
import { INSET } from '../../../src/render/pptx/plan/geometry.js';
import { planDeck } from '../../../src/render/pptx/plan/index.js';
import type { PlannedSlide } from '../../../src/render/pptx/plan/types.js';
import { defaultResolvedTheme } from '../../../src/theme/index.js';

const META = { title: 'Deck', authors: [], language: 'en', keywords: [] };
const theme = defaultResolvedTheme();
const plan = (markdown: string) =>
  planDeck(buildDocTree(markdown, { meta: META, warn: () => {} }), {
    theme,
    warn: () => {},
    file: undefined,
  });

describe('planDeck', () => {
  it('continues long lists on "(cont.)" slides, splitting between bullets, and every frame fits', () => {
    const bullets = Array.from(
      { length: 20 },
      (_, i) => `- Bullet number ${i} with some words to measure`,
    ).join('\n');
    const { slides } = plan(`## Long list\n\n${bullets}\n`);
    const content = slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => s.title)).toEqual([
      'Long list',
      'Long list (cont.)',
      'Long list (cont.)',
      'Long list (cont.)',
    ]);
    for (const slide of content) {
      if (slide.kind !== 'content') continue;
      expect(slide.paragraphs.length).toBeLessThanOrEqual(theme.deck.maxBullets);
      const used = slide.paragraphs.reduce(
        (sum, p) => sum + paragraphHeight(p, slide.body, slide.size, theme),
        0,
      );
      expect(used).toBeLessThanOrEqual(slide.body.h - 2 * INSET.y);
    }
  });

  it('cuts a single bullet taller than the frame between lines, keeping every word', () => {
    const words = Array.from({ length: 600 }, (_, i) => `w${i}`);
    const { slides } = plan(`## Wall\n\n- ${words.join(' ')}\n`);
    const content = slides.filter((s) => s.kind === 'content');
    expect(content.length).toBeGreaterThan(1);
    const text = content
      .flatMap((s) =>
        s.kind === 'content' ? s.paragraphs.flatMap((p) => p.runs.map((r) => r.text)) : [],
      )
      .join(' ');
    expect(text.split(/\s+/).filter(Boolean)).toEqual(words);
  });

  it('splits a long table by rows with the header on every slide', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `| r${i} | v${i} |`).join('\n');
    const { slides } = plan(`## Data\n\n| Name | Value |\n|---|---|\n${rows}\n`);
    const tables = slides.filter((s) => s.kind === 'table');
    expect(tables.length).toBe(4);
    for (const t of tables)
      if (t.kind === 'table') expect(t.rows.length).toBeLessThanOrEqual(theme.deck.maxTableRows);
    expect(tables[1]?.title).toBe('Data (cont.)');
  });

  it('makes section headers from # headings and sends notes to the current slide', () => {
    const { slides } = plan('# Part one\n\n## Slide\n\n- point\n\n::: notes\nThe prose.\n:::\n');
    expect(slides.map((s) => s.kind)).toEqual(['title', 'section', 'content', 'closing']);
    expect(slides[2]?.notes).toBe('The prose.');
  });
});

describe('planDeck on long content', () => {
  const tableHeightFits = (slide: PlannedSlide) =>
    slide.kind !== 'table' || slide.tableHeight <= slide.body.h - (slide.source ? 0.4 : 0);

  it('splits a 60-row table by measured rows, header on every slide, no row lost', () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `| Region ${i} | ${i * 3}% | A note on region ${i} |`,
    ).join('\n');
    const { slides } = plan(`## Data\n\n| Region | Share | Note |\n|---|--:|---|\n${rows}\n`);
    const tables = slides.filter((s) => s.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(60 / theme.deck.maxTableRows);
    const seen = tables.flatMap((t) =>
      t.kind === 'table' ? t.rows.map((r) => r[0]?.map((run) => run.text).join('')) : [],
    );
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `Region ${i}`));
    for (const t of tables) expect(tableHeightFits(t)).toBe(true);
  });

  it('turns a 2,000-word section into slides that fit, its prose in the notes', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    const paragraphs = Array.from({ length: 20 }, (_, p) =>
      words.slice(p * 100, p * 100 + 100).join(' '),
    );
    const { slides } = plan(
      `## Essay\n\n${paragraphs.map((p) => `- ${p}`).join('\n')}\n\n::: notes\n${paragraphs.join('\n\n')}\n:::\n`,
    );
    const content = slides.filter((s) => s.kind === 'content');
    expect(content.length).toBeGreaterThan(5);
    for (const slide of content) {
      if (slide.kind !== 'content') continue;
      const used = slide.paragraphs.reduce(
        (sum, p) => sum + paragraphHeight(p, slide.body, slide.size, theme),
        0,
      );
      expect(used).toBeLessThanOrEqual(slide.body.h - 2 * INSET.y);
    }
    // The prose is in the notes once, on the slide where the section starts, not repeated on each
    // "(cont.)" slide (which made a long text's deck grow with its square).
    expect(content[0]?.notes).toContain('word1999');
    expect(content.slice(1).every((s) => !s.notes.includes('word'))).toBe(true);
  });

  it('splits a 12-column table by columns, every part keeping the first column', () => {
    const header = [
      'Country',
      ...Array.from({ length: 11 }, (_, i) => `Indicator-${i + 1}-measurement`),
    ];
    const row = [
      'Canada',
      ...Array.from({ length: 11 }, (_, i) => `Value-with-several-parts-${i + 1}`),
    ];
    const { slides } = plan(
      `## Wide\n\n| ${header.join(' | ')} |\n|${'---|'.repeat(12)}\n| ${row.join(' | ')} |\n`,
    );
    const tables = slides.filter((s) => s.kind === 'table');
    expect(tables.length).toBeGreaterThan(1);
    const columns = new Set<string>();
    for (const t of tables) {
      if (t.kind !== 'table') continue;
      expect(t.header[0]?.map((r) => r.text).join('')).toBe('Country');
      expect(t.size).toBeGreaterThanOrEqual(theme.deck.minTableSize);
      for (const cell of t.header) columns.add(cell.map((r) => r.text).join(''));
    }
    expect(columns.size).toBe(12);
    expect(tables[1]?.title).toBe('Wide (cont.)');
  });
});

describe('two-content slides', () => {
  it('puts a few bullets and a figure side by side', () => {
    const { slides } = plan(
      '## Growth\n\n- Exports up\n- Imports flat\n\n![Trade chart](chart.png)\n',
    );
    const two = slides.find((s) => s.kind === 'two');
    expect(two?.kind === 'two' && [two.title, two.alt, two.paragraphs.length]).toEqual([
      'Growth',
      'Trade chart',
      2,
    ]);
    if (two?.kind === 'two') {
      expect(two.left.x + two.left.w).toBeLessThan(two.right.x);
      const used = two.paragraphs.reduce(
        (sum, p) => sum + paragraphHeight(p, two.left, two.size, theme),
        0,
      );
      expect(used).toBeLessThanOrEqual(two.left.h);
    }
  });

  it('gives the figure its own slide when the text would not fit half the width', () => {
    const bullets = Array.from(
      { length: 6 },
      (_, i) =>
        `- ${'A long bullet that will wrap over several lines in a half-width frame '.repeat(2)}${i}`,
    ).join('\n');
    const { slides } = plan(`## Dense\n\n${bullets}\n\n![Figure](f.png)\n`);
    expect(slides.some((s) => s.kind === 'two')).toBe(false);
    expect(slides.some((s) => s.kind === 'image')).toBe(true);
  });
});

describe('a table row taller than a slide', () => {
  it('is cut between lines onto the next slides, header repeated, every word kept', () => {
    const words = Array.from({ length: 900 }, (_, i) => `w${i}`);
    const { slides } = plan(
      `## Long row\n\n| Item | Text |\n|---|---|\n| one | ${words.join(' ')} |\n| two | short |\n`,
    );
    const tables = slides.filter((s) => s.kind === 'table');
    expect(tables.length).toBeGreaterThan(1);
    for (const t of tables) {
      if (t.kind !== 'table') continue;
      expect(t.tableHeight).toBeLessThanOrEqual(t.body.h);
      expect(t.header[0]?.map((r) => r.text).join('')).toBe('Item');
    }
    const text = tables
      .flatMap((t) =>
        t.kind === 'table' ? t.rows.flatMap((r) => (r[1] ?? []).map((run) => run.text)) : [],
      )
      .join(' ');
    expect(text.split(/\s+/).filter((w) => w.startsWith('w'))).toEqual(words);
  });
});

describe('planDeck on content nested in lists and callouts', () => {
  const texts = (slide: PlannedSlide) =>
    'paragraphs' in slide ? slide.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : [];

  it('lifts a table, a chart and an image out of a list item onto slides of their own, in order', () => {
    const md = [
      '## Nested',
      '',
      '- First item with a [link](https://example.org/a).',
      '',
      '  | Year | Value |',
      '  |---|---:|',
      '  | 2025 | 1 |',
      '',
      '- Second item:',
      '',
      '  ```chart',
      '  categories: [a, b]',
      '  series: [{ name: s, values: [1, 2] }]',
      '  ```',
      '',
      '  ```',
      '  code in an item',
      '  ```',
    ].join('\n');
    const { slides } = plan(md);
    expect(slides.map((s) => s.kind)).toEqual(['title', 'content', 'table', 'chart', 'closing']);
    const [, content] = slides;
    expect(content && texts(content)).toEqual([
      'First item with a link.',
      'Second item:',
      'code in an item',
    ]);
    const link = content && 'paragraphs' in content ? content.paragraphs[0]?.runs[1] : undefined;
    expect(link?.style.link).toEqual({ kind: 'url', url: 'https://example.org/a' });
  });

  it('keeps the links and lists of a callout, lifts its table, and gives its notes to its slide', () => {
    const md = [
      '::: callout {title="Takeaways"}',
      'See [the data](https://example.org/d).',
      '',
      '- one',
      '  - two',
      '',
      '| A | B |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '::: notes',
      'Say this aloud.',
      ':::',
      ':::',
    ].join('\n');
    const { slides } = plan(md);
    expect(slides.map((s) => s.kind)).toEqual(['title', 'quote', 'table', 'closing']);
    const quote = slides[1];
    expect(quote && texts(quote)).toEqual(['See the data.', 'one', 'two']);
    if (quote?.kind !== 'quote') throw new Error('expected a quote slide');
    expect(quote.paragraphs.map((p) => p.level)).toEqual([0, 0, 1]);
    expect(quote.paragraphs[0]?.runs.some((r) => r.style.link?.kind === 'url')).toBe(true);
    expect(quote.notes).toBe('Say this aloud.');
  });
});

describe('planDeck keeps headings', () => {
  it('keeps a heading that a callout, a chart or an image with its own title follows at once', () => {
    const md = [
      '## Lone heading',
      '',
      '::: callout {title="Own title"}',
      'Inside.',
      ':::',
      '',
      '## Chart heading',
      '',
      '```chart',
      'title: Chart title',
      'categories: [a, b]',
      'series: [{ name: s, values: [1, 2] }]',
      '```',
    ].join('\n');
    const titles = plan(md).slides.map((s) => ('title' in s ? s.title : ''));
    expect(titles).toEqual(
      expect.arrayContaining(['Lone heading', 'Own title', 'Chart heading', 'Chart title']),
    );
  });
});
