import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefwrightError, type ReportInput, render } from '../../src/index.js';

// Pieces of Markdown that have broken Markdown tools before: nesting, ragged tables, stray directives,
// HTML, entities, huge words, every kind of script.
const PIECES = [
  '# Heading',
  '###### Deep',
  '- item',
  '  - nested',
  '      - deeper',
  '1. one',
  '3) three',
  '- [x] task',
  '> quote',
  '```\ncode\n```',
  '```chart\nkind: bar\ncategories: [a, b]\nseries: [{name: s, values: [1, 2]}]\n```',
  '```chart\nnot: valid: yaml: [\n```',
  '| a | b |\n|---|---|\n| 1 |',
  '| x |\n|:-:|\n| y | z | w |',
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
  '![image](missing.png)',
  'Text[^1]',
  '[^1]: Note.',
  '[^orphan]',
  '&amp; &#0; &#x10FFFF; &bogus;',
  'x'.repeat(300),
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

const markdown = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    {
      maxLength: 12,
    },
  )
  .chain((parts) => fc.constantFrom('\n', '\n\n').map((joiner) => parts.join(joiner)));

/** Cases per property: a few hundred in CI, thousands with BRIEFWRIGHT_PROPERTY_RUNS=5000. */
const RUNS = Number(process.env.BRIEFWRIGHT_PROPERTY_RUNS) || 150;

// Random models: any field may be missing, of the wrong type, empty or huge; tables may be ragged.
const anything = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);
const model = fc.record(
  {
    meta: fc.record(
      {
        title: fc.oneof(fc.string({ maxLength: 60 }), anything),
        date: fc.oneof(fc.constant('2026-01-31'), anything),
        authors: fc.array(
          fc.oneof(fc.string({ maxLength: 20 }), fc.record({ name: fc.string({ maxLength: 20 }) })),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
    summary: fc.oneof(markdown, anything),
    sections: fc.array(
      fc.record(
        {
          title: fc.oneof(fc.string({ maxLength: 40 }), anything),
          body: fc.oneof(markdown, anything),
          bullets: fc.array(markdown, { maxLength: 4 }),
          table: fc.record({
            columns: fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
            rows: fc.array(
              fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), { maxLength: 6 }),
              { maxLength: 8 },
            ),
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

describe('the whole pipeline on random input', () => {
  it('gives output or a BriefwrightError for random models, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(model, async (report) => {
        try {
          await render(report as unknown as ReportInput);
        } catch (error) {
          expect(error).toBeInstanceOf(BriefwrightError);
        }
      }),
      { numRuns: RUNS, seed: 11282026, timeout: 20_000 },
    );
  }, 600_000);

  it('gives valid output or a BriefwrightError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        markdown,
        markdown,
        fc.array(markdown, { maxLength: 3 }),
        async (summary, body, bullets) => {
          const report = {
            meta: { title: 'Property' },
            summary,
            sections: [{ title: 'S', body, bullets }],
          };
          try {
            const result = await render(report);
            expect(result.outputs.map((o) => o.format)).toEqual(['pdf', 'pptx']);
            for (const output of result.outputs) expect(output.bytes.length).toBeGreaterThan(1000);
          } catch (error) {
            expect(error).toBeInstanceOf(BriefwrightError);
          }
        },
      ),
      { numRuns: RUNS, seed: 20261128, timeout: 20_000 },
    );
  }, 600_000);
});
