import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefwrightError, render } from '../../src/index.js';

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

describe('the whole pipeline on random input', () => {
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
      { numRuns: 60, seed: 20261128, timeout: 20_000 },
    );
  }, 240_000);
});
