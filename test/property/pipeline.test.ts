import fc from 'fast-check';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { BriefwrightError, type ReportInput, render } from '../../src/index.js';
import { deckText, missingWords, pdfText, sourceWords } from '../corpus/words.js';
import { ooxmlXmlErrors, pdfLinks, pptxExternalTargets } from '../helpers.js';

// A tiny PNG, whole and damaged, for images written inline.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const BAD_PNG = `${PNG.slice(0, 44)}AAAAAA${PNG.slice(50)}`;

// Pieces of Markdown that have broken Markdown tools before, and every class of hostile input met so
// far: dangerous links, text XML cannot hold, crafted images, nesting written every way, huge tables
// and words, bursts of footnotes, charts with impossible numbers, terminal escapes.
const PIECES = [
  '# Heading',
  '###### Deep',
  '#',
  '- item',
  '  - nested',
  '      - deeper',
  '1. one',
  '3) three',
  '- [x] task',
  '> quote',
  '```\ncode\n```',
  '```chart\nkind: bar\ncategories: [a, b]\nseries: [{name: s, values: [1, 2]}]\n```',
  '```chart\nkind: pie\ncategories: [a, b]\nseries: [{name: s, values: [1e308, 1e308]}]\n```',
  '```chart\ncategories: [a, b]\nmax: 1e-300\nseries: [{name: s, values: [1, .nan]}]\n```',
  '```chart\nnot: valid: yaml: [\n```',
  '| a | b |\n|---|---|\n| 1 |',
  '| x |\n|:-:|\n| y | z | w |',
  `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(60)}`,
  '::: callout {title="T"}',
  ':::',
  '::: unknown',
  '::: pagebreak :::',
  '---',
  '<div>html</div>',
  '<script>x()</script>',
  '**bold *both* bold**',
  '~~struck~~ `code`',
  '[link](https://example.org) [internal](#heading)',
  '[js](javascript:alert(1)) <JavaScript:alert(2)> [f](file:///etc/passwd) [u](\\\\host\\share)',
  '[c](cmd.exe) [e](jav&#x09;ascript:x) [r][ref]\n\n[ref]: data:text/html,x',
  `![image](missing.png) ![dot](data:image/png;base64,${PNG}) ![bad](data:image/png;base64,${BAD_PNG})`,
  '![up](../../etc/passwd) ![zero](/dev/zero) ![pct](a%zz.png)',
  'Text[^1]',
  '[^1]: Note.',
  '[^orphan]',
  `${Array.from({ length: 30 }, (_, i) => `n[^b${i}]`).join(' ')}\n\n${Array.from({ length: 30 }, (_, i) => `[^b${i}]: note ${i}`).join('\n')}`,
  '&amp; &#0; &#1; &#xFFFE; &#x10FFFF; &bogus;',
  'Johnson & Johnson <Company>x</Company> ]]> "quoted" \'single\'',
  '\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800 controls',
  '\u001b[31mred\u001b[2J \u202eevil\u202c',
  `${'- '.repeat(40)}deep`,
  `${'> '.repeat(40)}deep`,
  `${'*'.repeat(300)}a${'*'.repeat(300)}`,
  'x'.repeat(3000),
  'https://example.org/'.padEnd(300, 'a'),
  '习近平 與 한국어 と 日本語',
  'العربية עברית',
  '😀 🇨🇦 👩‍👩‍👧',
  'e\u0301 a\u0308 combining',
  '\u200b\u00ad\ufeff invisible',
  '',
  '   ',
  '\t\ttabs',
];

/** Characters of every class: controls, non-characters, lone surrogates, bidi controls, markup. */
const HOSTILE_CHARS = [
  '\u0000',
  '\u0001',
  '\u001b',
  '\ufffe',
  '\ud800',
  '\u202e',
  '&',
  '<',
  '"',
  ']]>',
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS, 'a', ' '), maxLength: 12 }),
);

const markdown = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), text), { maxLength: 12 })
  .chain((parts) => fc.constantFrom('\n', '\n\n').map((joiner) => parts.join(joiner)));

/** Cases per property: a few hundred in CI, thousands with BRIEFWRIGHT_PROPERTY_RUNS=5000. */
const RUNS = Number(process.env.BRIEFWRIGHT_PROPERTY_RUNS) || 150;

// Random models: any field may be missing, of the wrong type, empty or huge; tables may be ragged.
const anything = fc.oneof(
  text,
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);
const brokenModel = fc.record(
  {
    meta: fc.record(
      {
        title: fc.oneof(text, anything),
        date: fc.oneof(fc.constant('2026-01-31'), anything),
        organization: fc.oneof(text, anything),
        authors: fc.array(fc.oneof(text, fc.record({ name: text })), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    summary: fc.oneof(markdown, anything),
    sections: fc.array(
      fc.record(
        {
          title: fc.oneof(text, anything),
          body: fc.oneof(markdown, anything),
          bullets: fc.array(markdown, { maxLength: 4 }),
          table: fc.record({
            columns: fc.array(text, { maxLength: 5 }),
            rows: fc.array(fc.array(fc.oneof(text, fc.integer()), { maxLength: 6 }), {
              maxLength: 8,
            }),
          }),
        },
        { requiredKeys: ['title'] },
      ),
      { maxLength: 4 },
    ),
    takeaways: fc.array(markdown, { maxLength: 3 }),
    extra: anything,
  },
  { requiredKeys: ['meta'] },
);

// Models of the right shape with hostile text in every field, so that most of them render.
const title = text.map((t) => `T${t}`);
const table = fc
  .tuple(fc.array(title, { minLength: 1, maxLength: 4 }), fc.nat({ max: 6 }))
  .chain(([columns, count]) =>
    fc.record({
      caption: title,
      columns: fc.constant(columns),
      rows: fc.array(
        fc.array(fc.oneof(text, fc.integer()), {
          minLength: columns.length,
          maxLength: columns.length,
        }),
        { minLength: count, maxLength: count },
      ),
      source: text,
    }),
  );
const shapedModel = fc.record(
  {
    meta: fc.record(
      {
        title,
        subtitle: text,
        series: text,
        organization: text,
        classification: text,
        disclaimer: markdown,
        keywords: fc.array(text, { maxLength: 2 }),
        authors: fc.array(title, { maxLength: 2 }),
      },
      { requiredKeys: ['title'] },
    ),
    summary: markdown,
    keyPoints: fc.array(markdown, { maxLength: 3 }),
    sections: fc.array(
      fc.record(
        {
          title,
          body: markdown,
          bullets: fc.array(markdown, { maxLength: 3 }),
          notes: markdown,
          table,
          callout: fc.record({ title, body: markdown }),
        },
        { requiredKeys: ['title'] },
      ),
      { maxLength: 3 },
    ),
    takeaways: fc.array(markdown, { maxLength: 2 }),
    recommendations: fc.array(markdown, { maxLength: 2 }),
    sources: fc.array(
      fc.record(
        {
          title,
          publisher: text,
          url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:x', 'file:///x')),
        },
        { requiredKeys: ['title'] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['meta'] },
);
const model = fc.oneof(
  { arbitrary: shapedModel, weight: 3 },
  { arbitrary: brokenModel, weight: 1 },
);

/**
 * What every render must end in: outputs that real readers take (the PDF parses in pdf.js, every XML
 * part of the deck and of its workbooks is well-formed, no live link outside http, https and mailto),
 * or a specific error about the input. RENDER_FAILED (a renderer that broke) fails the property.
 */
async function expectSoundOutcome(report: unknown): Promise<void> {
  let outputs: Awaited<ReturnType<typeof render>>['outputs'];
  try {
    ({ outputs } = await render(report as ReportInput, { systemFonts: false }));
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).code).not.toBe('RENDER_FAILED');
    return;
  }
  expect(outputs.map((o) => o.format)).toEqual(['pdf', 'pptx']);
  const [pdf, pptx] = outputs.map((o) => o.bytes);
  if (!pdf || !pptx) throw new Error('missing output');
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  expect(doc.numPages).toBeGreaterThan(0);
  await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  expect(ooxmlXmlErrors(pptx)).toEqual([]);
  const live = [
    ...(await pdfLinks(pdf)).flatMap((link) => (link.url ? [link.url] : [])),
    ...(await pptxExternalTargets(pptx)),
  ];
  for (const url of live) expect(url).toMatch(/^(https?|mailto):/i);
}

describe('the whole pipeline on random input', () => {
  it('gives sound outputs or a specific error for random models, never a renderer failure', async () => {
    await fc.assert(
      fc.asyncProperty(model, (report) => expectSoundOutcome(report)),
      { numRuns: RUNS, seed: 11282026, timeout: 30_000 },
    );
  }, 900_000);

  it('gives sound outputs or a specific error for random Markdown, never a renderer failure', async () => {
    await fc.assert(
      fc.asyncProperty(
        markdown,
        markdown,
        fc.array(markdown, { maxLength: 3 }),
        (summary, body, bullets) =>
          expectSoundOutcome({
            meta: { title: 'Property' },
            summary,
            sections: [{ title: 'S', body, bullets }],
          }),
      ),
      { numRuns: RUNS, seed: 20261128, timeout: 30_000 },
    );
  }, 900_000);
});

describe('every word of random Markdown', () => {
  // Pieces whose every word a reader must find: no raw HTML (dropped by design), no images (their alt
  // text is a description, not text on the page) and no chart fences (drawn, not printed as YAML).
  const WORDY = [
    '# Heading words',
    '## Second heading',
    '#',
    '- item one',
    '  - nested two',
    '1. first three',
    '- [x] done task',
    '> quoted line four',
    '> > deeper quote five',
    '```\ncode six\n```',
    '    indented code seven',
    '| a | b |\n|---|---|\n| cell eight | cell nine |',
    '::: callout {title="Callout title"}\ninside callout ten\n:::',
    '---',
    '***',
    '**bold twelve** *italic thirteen* ~~struck fourteen~~ `span fifteen`',
    '[link sixteen](https://example.org) [unsafe seventeen](javascript:x)',
    'Text[^1] footnoted\n\n[^1]: Note eighteen.',
    '&amp; entity nineteen &copy;',
    'Setext twenty\n============',
  ];
  const word = fc.stringMatching(/^[a-z]{3,9}$/);
  const piece = fc.oneof(
    fc.constantFrom(...WORDY),
    fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')),
  );
  const doc = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join('\n\n'));

  it('finds every word of the source in the PDF and in the deck (slides and notes)', async () => {
    await fc.assert(
      fc.asyncProperty(doc, async (markdown) => {
        const { outputs } = await render(
          { meta: { title: 'Words' }, sections: [{ title: 'Section', body: markdown }] },
          { systemFonts: false },
        );
        // Directive lines are briefwright's markup, not words of the text.
        const text = markdown.replace(/^ {0,3}:::.*$/gm, '');
        const expected = sourceWords(text).filter((w) => /^[a-z0-9]+$/.test(w));
        const [pdf, deck] = outputs.map((o) => o.bytes);
        expect(missingWords(expected, await pdfText(pdf ?? new Uint8Array())), 'PDF').toEqual([]);
        expect(missingWords(expected, await deckText(deck ?? new Uint8Array())), 'deck').toEqual(
          [],
        );
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 12012026, timeout: 30_000 },
    );
  }, 900_000);
});
