import { describe, expect, it } from 'vitest';
import { buildDocTree } from '../../../src/markdown/index.js';
import { PLAIN } from '../../../src/render/inlineRuns.js';
import { deckDesign } from '../../../src/render/pptx/plan/design.js';
import { leadingFigure } from '../../../src/render/pptx/plan/figures.js';
import { planDeck } from '../../../src/render/pptx/plan/index.js';
import { textHeight } from '../../../src/render/pptx/plan/measure.js';
import type { PlannedSlide, SlideShape, TextShape } from '../../../src/render/pptx/plan/types.js';
import { defaultResolvedTheme } from '../../../src/theme/index.js';

const META = { title: 'Deck', authors: [], language: 'en', keywords: [] };
const theme = defaultResolvedTheme();
const { grid } = deckDesign(theme, 'en');
const plan = (markdown: string, warn: (w: { code: string; message: string }) => void = () => {}) =>
  planDeck(buildDocTree(markdown, { meta: META, warn: () => {} }), {
    theme,
    warn,
    file: undefined,
    imageSize: () => ({ width: 800, height: 600 }),
  });

const textShapes = (slide: PlannedSlide): TextShape[] =>
  slide.shapes.filter((s): s is TextShape => s.kind === 'text' && s.name !== 'Title');
const titleText = (slide: PlannedSlide) =>
  slide.shapes
    .flatMap((s) => (s.kind === 'text' && s.name === 'Title' ? s.paragraphs : []))
    .flatMap((p) => p.runs.map((r) => r.text))
    .join('');
const paragraphsOf = (slide: PlannedSlide) =>
  textShapes(slide).flatMap((s) => s.paragraphs.map((p) => p.runs.map((r) => r.text).join('')));
const tables = (slides: readonly PlannedSlide[]) =>
  slides.flatMap((s) => s.shapes.filter((x) => x.kind === 'table'));
const sizeOf = (slide: PlannedSlide | undefined) =>
  textShapes(slide ?? ({ shapes: [] } as unknown as PlannedSlide))[0]?.style.size;

/** Every shape inside the slide above the footer line, and every text frame taller than its measured text. */
function expectFits(slide: PlannedSlide) {
  for (const shape of slide.shapes) {
    const { box } = shape;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(grid.width + 1e-6);
    if (slide.layout !== 'title' && slide.layout !== 'closing')
      expect(box.y + box.h).toBeLessThanOrEqual(grid.footerY + 1e-6);
    if (shape.kind === 'text')
      expect(textHeight(shape.paragraphs, box.w, shape.style, theme)).toBeLessThanOrEqual(
        box.h + 1e-6,
      );
  }
}

describe('planDeck: the steps and the continuation flag', () => {
  it('continues a long list on more slides, flagged, the label in the title shape only', () => {
    const bullets = Array.from(
      { length: 30 },
      (_, i) => `- Bullet number ${i} with some words to measure`,
    ).join('\n');
    const warnings: string[] = [];
    const { slides } = plan(`## Long list\n\n${bullets}\n`, (w) => warnings.push(w.message));
    const content = slides.filter((s) => s.title === 'Long list');
    expect(content.length).toBeGreaterThan(2);
    expect(content.map((s) => s.continued)).toEqual(content.map((_, i) => i > 0));
    expect(content.every((s) => s.title === 'Long list')).toBe(true);
    expect(titleText(content[1] as PlannedSlide)).toBe('Long list (continued)');
    for (const slide of content) {
      expectFits(slide);
      expect(paragraphsOf(slide).length).toBeLessThanOrEqual(theme.deck.maxBullets);
      expect(sizeOf(slide)).toBeGreaterThanOrEqual(theme.deck.minBodySize);
    }
    expect(warnings).toContain(`"Long list" continues on ${content.length - 1} more slides`);
  });

  it('sets short lists larger than long ones, within the theme’s range', () => {
    const list = (n: number) =>
      Array.from({ length: n }, (_, i) => `- Point ${i} in a few words`).join('\n');
    const short = plan(`## Short\n\n${list(3)}\n`).slides.find((s) => s.title === 'Short');
    const middle = plan(`## Middle\n\n${list(5)}\n`).slides.find((s) => s.title === 'Middle');
    const long = plan(`## Long\n\n${list(8)}\n`).slides.find((s) => s.title === 'Long');
    expect(sizeOf(short)).toBe(28);
    expect(sizeOf(middle)).toBe(24);
    expect(sizeOf(long)).toBe(20);
  });

  it('sets text in the middle of the content area, so that a few large bullets fill the slide', () => {
    const slide = plan('## Short\n\n- One point\n- Two points\n').slides.find(
      (s) => s.title === 'Short',
    );
    expect(textShapes(slide as PlannedSlide)[0]?.style.valign).toBe('middle');
  });

  it('cuts a single bullet taller than the frame between lines, keeping every word', () => {
    const words = Array.from({ length: 600 }, (_, i) => `w${i}`);
    const { slides } = plan(`## Wall\n\n- ${words.join(' ')}\n`);
    const content = slides.filter((s) => s.title === 'Wall');
    expect(content.length).toBeGreaterThan(1);
    const text = content.flatMap(paragraphsOf).join(' ');
    expect(text.split(/\s+/).filter(Boolean)).toEqual(words);
    content.forEach(expectFits);
  });

  it('makes section slides from # headings, with the section’s first sentence and its notes', () => {
    const { slides } = plan(
      '# Part one\n\n::: notes\nThe prose starts here. It goes on.\n:::\n\n## Slide\n\n- point\n\n::: notes\nSay this.\n:::\n',
    );
    expect(slides.map((s) => s.layout)).toEqual(['title', 'section', 'text', 'closing']);
    expect(slides[1]?.notes).toBe('The prose starts here. It goes on.');
    expect(paragraphsOf(slides[1] as PlannedSlide)).toEqual(['01', 'The prose starts here.']);
    expect(slides[2]?.notes).toBe('Say this.');
  });

  it('titles the text right under a # heading with that heading, not as continued (Marp-style decks)', () => {
    const { slides } = plan('# First slide\n\n- one point\n\n# Second slide\n\nSome text.\n');
    const text = slides.filter((s) => s.layout === 'text');
    expect(text.map((s) => [s.title, s.continued])).toEqual([
      ['First slide', false],
      ['Second slide', false],
    ]);
  });

  it('folds a section whose only content is one slide of its title into that slide (Marp decks)', () => {
    const { slides } = plan(
      '# First\n\n::: notes\nSay first.\n:::\n\n## First\n\n- one point\n\n# Questions?\n\n## Questions?\n\n# Long\n\n## Long\n\n- a\n\n| A | B |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(slides.map((s) => [s.layout, s.title])).toEqual([
      ['title', 'Deck'],
      ['text', 'First'],
      ['section', 'Questions?'],
      ['section', 'Long'],
      ['text', 'Long'],
      ['table', 'Long'],
      ['closing', 'Thank you'],
    ]);
    expect(slides[1]?.notes).toBe('Say first.');
    // Sections are numbered as they show.
    expect(paragraphsOf(slides[2] as PlannedSlide)[0]).toBe('01');
    expect(paragraphsOf(slides[3] as PlannedSlide)[0]).toBe('02');
    // The table continues its heading's slide.
    expect(slides[5]?.continued).toBe(true);
  });

  it('marks a second figure under one heading as continuing its slide', () => {
    const { slides } = plan('## Two images\n\n![One](a.png)\n\n![Two](b.png)\n');
    const images = slides.filter((s) => s.layout === 'image');
    expect(images.map((s) => [s.title, s.continued])).toEqual([
      ['Two images', false],
      ['Two images', true],
    ]);
  });

  it('gives a continued slide the notes of its own part, none repeated', () => {
    const para = (i: number) =>
      `Paragraph ${i} ${'with words that wrap over the slide '.repeat(4)}`;
    const md = [
      '## Essay',
      '',
      ...Array.from({ length: 12 }, (_, i) => `${para(i)}\n\n::: notes\nNote ${i}.\n:::\n`),
    ].join('\n');
    const slides = plan(md).slides.filter((s) => s.title === 'Essay');
    expect(slides.length).toBeGreaterThan(1);
    const notes = slides.map((s) => s.notes);
    expect(notes.join('\n\n')).toBe(
      Array.from({ length: 12 }, (_, i) => `Note ${i}.`).join('\n\n'),
    );
    // Each slide's notes are those of the paragraphs it shows.
    for (const slide of slides) {
      const shown = paragraphsOf(slide)
        .map((p) => Number(/^Paragraph (\d+)/.exec(p)?.[1] ?? -1))
        .filter((n) => n >= 0);
      for (const n of shown) expect(slide.notes).toContain(`Note ${n}.`);
    }
  });
});

describe('planDeck: cards, big numbers and rows', () => {
  it('sets key points as cards, the bold phrase as each card’s headline', () => {
    const md =
      '::: keypoints {title="Key points"}\n- **Trade first.** Tariffs come down.\n- **Climate next.** Carbon markets link up.\n- Education and culture follow.\n:::\n';
    const slide = plan(md).slides.find((s) => s.title === 'Key points');
    expect(slide?.layout).toBe('cards');
    const texts = paragraphsOf(slide as PlannedSlide);
    expect(texts).toEqual([
      'Trade first',
      'Tariffs come down.',
      'Climate next',
      'Carbon markets link up.',
      'Education and culture follow.',
    ]);
    const rects = (slide as PlannedSlide).shapes.filter((s) => s.kind === 'rect');
    expect(
      rects.filter((r) => r.kind === 'rect' && r.fill === theme.colors.accentTint),
    ).toHaveLength(3);
    expectFits(slide as PlannedSlide);
  });

  it('shows the figure a key point leads with large, the sentence under it', () => {
    const md =
      '::: keypoints {title="Key points"}\n- Trade is the centrepiece, with a goal of **15% more bilateral trade over two years**.\n- Nothing numeric here.\n:::\n';
    const slide = plan(md).slides.find((s) => s.layout === 'cards') as PlannedSlide;
    const figure = textShapes(slide).find((s) => s.paragraphs[0]?.runs[0]?.text === '15%');
    expect(figure?.style.size).toBeGreaterThanOrEqual(40);
    expect(figure?.style.color).toBe(theme.colors.accent);
    expect(paragraphsOf(slide)).toContain(
      'Trade is the centrepiece, with a goal of 15% more bilateral trade over two years.',
    );
  });

  it('makes a big-number slide of bullets that each lead with a figure', () => {
    const md =
      '## Results\n\n- 15% more trade over two years\n- C$2.1 bn in new investment\n- Three years of talks behind it\n';
    const slide = plan(md).slides.find((s) => s.title === 'Results') as PlannedSlide;
    expect(slide.layout).toBe('numbers');
    const big = textShapes(slide)
      .filter((s) => s.style.size >= 40)
      .map((s) => s.paragraphs[0]?.runs[0]?.text);
    expect(big).toEqual(['15%', 'C$2.1 bn', 'Three years']);
    expectFits(slide);
  });

  it('sets takeaways, recommendations and an agenda as numbered rows', () => {
    const md =
      '::: recommendations {title="Recommendations"}\n1. Open channels.\n2. Invest in clean energy.\n3. Expand exchanges.\n:::\n\n## Agenda\n\n1. Trade\n2. Climate\n';
    const { slides } = plan(md);
    const recs = slides.find((s) => s.title === 'Recommendations') as PlannedSlide;
    const agenda = slides.find((s) => s.title === 'Agenda') as PlannedSlide;
    expect([recs.layout, agenda.layout]).toEqual(['rows', 'rows']);
    const numbers = textShapes(recs).filter((s) => s.style.color === theme.colors.accent);
    expect(numbers.map((s) => s.paragraphs[0]?.runs[0]?.text)).toEqual(['1', '2', '3']);
    expectFits(recs);
  });

  it('takes a headline only from a run-in head or a bold phrase of two words or more', () => {
    const md =
      '::: keypoints {title="Key points"}\n- **Trade** is the centrepiece of the visit.\n- Mixed **bold** and *italic* text.\n- **Climate finance:** a fund opens.\n:::\n';
    const slide = plan(md).slides.find((s) => s.title === 'Key points') as PlannedSlide;
    expect(paragraphsOf(slide)).toEqual([
      'Trade is the centrepiece of the visit.',
      'Mixed bold and italic text.',
      'Climate finance',
      'a fund opens.',
    ]);
  });

  it('reads figures, and leaves bare numbers and years alone', () => {
    const figure = (text: string) => leadingFigure([{ text, style: PLAIN }])?.figure;
    expect(figure('15% more trade')).toBe('15%');
    expect(figure('over three years of talks')).toBe('Over three years');
    expect(figure('€3,5 Mrd. fließen in den Ausbau')).toBe('€3,5 Mrd.');
    expect(figure('$5 trillion in assets')).toBe('$5 trillion');
    expect(figure('C$2.1 bn for ports')).toBe('C$2.1 bn');
    expect(figure('€40 million a year')).toBe('€40 million');
    expect(figure('1.5 °C is the limit')).toBe('1.5 °C');
    expect(figure('2026 is the year')).toBeUndefined();
    expect(figure('3 reasons')).toBeUndefined();
  });
});

describe('planDeck on long content', () => {
  it('splits a 60-row table by measured rows, header on every slide, no row lost', () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `| Region ${i} | ${i * 3}% | A note on region ${i} |`,
    ).join('\n');
    const { slides } = plan(`## Data\n\n| Region | Share | Note |\n|---|--:|---|\n${rows}\n`);
    const parts = tables(slides);
    expect(parts.length).toBeGreaterThanOrEqual(60 / theme.deck.maxTableRows);
    const seen = parts.flatMap((t) =>
      t.kind === 'table' ? t.rows.map((r) => r[0]?.map((run) => run.text).join('')) : [],
    );
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `Region ${i}`));
    for (const t of parts) {
      expect(t.box.w).toBeCloseTo(grid.width - 2 * grid.margin, 5);
      if (t.kind === 'table') expect(t.size).toBe(theme.deck.longTableSize);
    }
    slides.filter((s) => s.layout === 'table').forEach(expectFits);
    expect(slides.filter((s) => s.layout === 'table').map((s) => s.continued)).toEqual(
      parts.map((_, i) => i > 0),
    );
  });

  it('sets a short table larger than a long one', () => {
    const { slides } = plan('## Short\n\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    const [table] = tables(slides);
    expect(table?.kind === 'table' && table.size).toBe(theme.deck.tableSize);
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
    const warnings: string[] = [];
    const { slides } = plan(
      `## Wide\n\n| ${header.join(' | ')} |\n|${'---|'.repeat(12)}\n| ${row.join(' | ')} |\n`,
      (w) => warnings.push(w.code),
    );
    const parts = tables(slides);
    expect(parts.length).toBeGreaterThan(1);
    const columns = new Set<string>();
    for (const t of parts) {
      if (t.kind !== 'table') continue;
      expect(t.header[0]?.map((r) => r.text).join('')).toBe('Country');
      expect(t.size).toBeGreaterThanOrEqual(theme.deck.minTableSize);
      for (const cell of t.header) columns.add(cell.map((r) => r.text).join(''));
    }
    expect(columns.size).toBe(12);
    expect(warnings.filter((c) => c === 'TABLE_SHRUNK')).toHaveLength(1);
    expect(warnings).toContain('TABLE_SPLIT_COLUMNS');
  });

  it('cuts a table row taller than a slide between lines, header repeated, every word kept', () => {
    const words = Array.from({ length: 900 }, (_, i) => `w${i}`);
    const { slides } = plan(
      `## Long row\n\n| Item | Text |\n|---|---|\n| one | ${words.join(' ')} |\n| two | short |\n`,
    );
    const parts = tables(slides);
    expect(parts.length).toBeGreaterThan(1);
    const text = parts
      .flatMap((t) =>
        t.kind === 'table' ? t.rows.flatMap((r) => (r[1] ?? []).map((run) => run.text)) : [],
      )
      .join(' ');
    expect(text.split(/\s+/).filter((w) => w.startsWith('w'))).toEqual(words);
    slides.filter((s) => s.layout === 'table').forEach(expectFits);
  });
});

describe('two-content slides', () => {
  it('puts a few bullets and a figure side by side', () => {
    const { slides } = plan(
      '## Growth\n\n- Exports up\n- Imports flat\n\n![Trade chart](chart.png)\n',
    );
    const two = slides.find((s) => s.layout === 'two') as PlannedSlide;
    expect(two.title).toBe('Growth');
    const [text] = textShapes(two);
    const image = two.shapes.find(
      (s): s is Extract<SlideShape, { kind: 'image' }> => s.kind === 'image',
    );
    expect(image?.alt).toBe('Trade chart');
    expect((text?.box.x ?? 0) + (text?.box.w ?? 0)).toBeLessThan(image?.box.x ?? 0);
    // The figure keeps its proportions (800 × 600).
    expect((image?.box.w ?? 0) / (image?.box.h ?? 1)).toBeCloseTo(4 / 3, 5);
    expectFits(two);
  });

  it('gives the figure its own slide when the text would not fit half the width', () => {
    const bullets = Array.from(
      { length: 6 },
      (_, i) =>
        `- ${'A long bullet that will wrap over several lines in a half-width frame '.repeat(2)}${i}`,
    ).join('\n');
    const { slides } = plan(`## Dense\n\n${bullets}\n\n![Figure](f.png)\n`);
    expect(slides.some((s) => s.layout === 'two')).toBe(false);
    expect(slides.some((s) => s.layout === 'image')).toBe(true);
  });
});

describe('planDeck on content nested in lists and callouts', () => {
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
    expect(slides.map((s) => s.layout)).toEqual(['title', 'text', 'table', 'chart', 'closing']);
    const content = slides[1] as PlannedSlide;
    expect(paragraphsOf(content)).toEqual([
      'First item with a link.',
      'Second item:',
      'code in an item',
    ]);
    expect(textShapes(content)[0]?.paragraphs[0]?.runs[1]?.style.link).toEqual({
      kind: 'url',
      url: 'https://example.org/a',
    });
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
    expect(slides.map((s) => s.layout)).toEqual(['title', 'quote', 'table', 'closing']);
    const quote = slides[1] as PlannedSlide;
    expect(paragraphsOf(quote)).toEqual(['See the data.', 'one', 'two']);
    expect(textShapes(quote)[0]?.paragraphs.map((p) => p.level)).toEqual([0, 0, 1]);
    expect(quote.notes).toBe('Say this aloud.');
  });

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
    const titles = plan(md).slides.map((s) => s.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Lone heading', 'Own title', 'Chart heading', 'Chart title']),
    );
  });

  it('cuts a title too long for the title or a section slide, and gives it whole in the notes', () => {
    const huge = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const doc = buildDocTree(`# ${huge}\n\n## Slide\n\n- point\n`, {
      meta: { ...META, title: huge },
      warn: () => {},
    });
    const { slides } = planDeck(doc, { theme, warn: () => {}, file: undefined });
    for (const slide of slides.slice(0, 2)) {
      expectFits(slide);
      expect(titleText(slide).endsWith('…')).toBe(true);
      expect(slide.notes).toContain('word299');
    }
    // The title slide reads title first (screen readers follow the shapes' order).
    expect(slides[0]?.shapes[0]?.kind === 'text' && slides[0].shapes[0].name).toBe('Title');
  });

  it('plans every title, section and closing slide in boxes that fit', () => {
    const long =
      'A very long document title that goes on and on about trade and climate and everything else besides';
    const doc = buildDocTree(`# ${long}\n\n## ${long}\n\n- point\n`, {
      meta: {
        ...META,
        title: long,
        subtitle: long,
        series: 'Policy Brief',
        number: '7',
        organization: 'Institute',
      },
      warn: () => {},
    });
    const { slides } = planDeck(doc, { theme, warn: () => {}, file: undefined });
    for (const slide of slides) expectFits(slide);
  });
});
