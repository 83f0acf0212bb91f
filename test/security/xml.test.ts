import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReportInput, render } from '../../src/index.js';
import { toXmlText } from '../../src/text/xmlChars.js';
import { ooxmlXmlErrors } from '../helpers.js';

/** Characters that break XML when written as they are, or that XML cannot hold at all. */
const HOSTILE = [
  '&',
  '<',
  '>',
  '"',
  "'",
  ']]>',
  '<!--',
  '</a:t>',
  '&amp;',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b[31m',
  '\u001f',
  '\u007f',
  '\u0085',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200f',
  '\u2028',
  '\t',
  '\r',
  '😀',
  '习',
  'ع',
];

/** Text made of hostile characters and ordinary ones. */
const hostileText = fc.string({
  unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 2 })),
  minLength: 1,
  maxLength: 12,
});

const RUNS = Number(process.env.BRIEFWRIGHT_PROPERTY_RUNS) || 40;

/** A model with a hostile string in every text field that reaches the deck. */
function modelOf(s: string[]): ReportInput {
  const at = (i: number) => `${s[i % s.length]}x`;
  return {
    meta: {
      title: at(0),
      subtitle: at(1),
      series: at(2),
      number: at(3),
      authors: [{ name: at(4), affiliation: at(5) }],
      organization: at(6),
      keywords: [at(7)],
      classification: at(8),
      disclaimer: at(9),
    },
    summary: at(10),
    keyPoints: [at(11)],
    sections: [
      {
        title: at(12),
        body: `${at(13)}\n\n${at(14)}`,
        bullets: [at(15)],
        notes: at(16),
        table: { caption: at(17), columns: [at(18), 'n'], rows: [[at(19), '1']], source: at(20) },
        callout: { title: at(21), body: at(22) },
        chart: {
          title: at(23),
          categories: [at(24), at(25)],
          series: [{ name: at(26), values: [1, 2] }],
          source: at(27),
          unit: at(28),
        },
      },
    ],
    takeaways: [at(29)],
    recommendations: [at(30)],
    sources: [{ title: at(31), publisher: at(32), author: at(33) }],
  };
}

describe('text that reaches the XML of a deck', () => {
  it('keeps only characters XML can hold, replacing lone surrogates', () => {
    expect(toXmlText('a\u0001b\ud800c\uffffd\te\u{1f600}')).toEqual({
      text: 'ab\ufffdcd\te\u{1f600}',
      removed: ['U+0001', 'U+D800', 'U+FFFF'],
    });
    expect(toXmlText('plain').removed).toEqual([]);
  });

  it('escapes an organisation with & and markup, and warns once for control characters', async () => {
    const { outputs, warnings } = await render(
      {
        meta: { title: 'T\u0001', organization: 'Johnson & Johnson <Company>x</Company>' },
        summary: 'Bell\u0007 and \u001b[31mred',
        sections: [{ title: 'S', body: 'Text.' }],
      },
      { formats: ['pptx'], systemFonts: false },
    );
    const deck = outputs[0]?.bytes ?? new Uint8Array();
    expect(ooxmlXmlErrors(deck)).toEqual([]);
    const removed = warnings.filter((w) => w.code === 'CHARACTER_REMOVED');
    expect(removed).toHaveLength(1);
    expect(removed[0]?.message).toMatch(/U\+0001.*\/meta\/title and 1 other field/);
  });

  it('gives a deck whose every part, and every chart workbook, is well-formed XML, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 34, maxLength: 34 }), async (texts) => {
        const { outputs } = await render(modelOf(texts), {
          formats: ['pptx'],
          systemFonts: false,
        });
        expect(ooxmlXmlErrors(outputs[0]?.bytes ?? new Uint8Array())).toEqual([]);
      }),
      { numRuns: RUNS, seed: 1412026, timeout: 30_000 },
    );
  }, 600_000);
});
