import spec from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { defaultResolvedTheme } from '../../src/theme/index.js';
import { pdfPages } from '../helpers.js';
import { deckText, docxText, htmlText } from './words.js';

interface Example {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

const examples: readonly Example[] = spec.tests;
const theme = defaultResolvedTheme();
// The fonts the brief draws with (the deck's font is the viewer's business).
const fonts = Object.entries(theme.fonts).flatMap(([key, font]) =>
  key.startsWith('deck-') ? [] : [font],
);
const covered = (char: string) =>
  fonts.some((f) => f.font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0));

/** The words a reader sees in the reference HTML: tags dropped, entities decoded, the spec's → for a tab. */
function expectedWords(html: string): string[] {
  const text = html
    .replace(/<img[^>]*alt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/→/g, ' ');
  return text.split(/\s+/).filter(Boolean);
}

describe('the CommonMark spec as a corpus', () => {
  // Raw HTML is never rendered, by design: those sections' text is not expected to survive.
  const rendered = examples.filter((example) => !/HTML blocks|Raw HTML/.test(example.section));

  it(`renders all ${examples.length} examples as briefs and decks without a crash`, async () => {
    for (const example of examples.filter((e) => !rendered.includes(e))) {
      const result = await render({
        meta: { title: `Example ${example.number}` },
        summary: example.markdown,
      });
      expect(result.outputs).toHaveLength(2);
    }
  }, 600_000);

  it('keeps the text of every example in the PDF and in the deck (characters no font has are reported instead)', async () => {
    const lost: string[] = [];
    for (const example of rendered) {
      const words = expectedWords(example.html);
      const result = await render({ meta: { title: 'Example' }, summary: example.markdown });
      expect(result.outputs).toHaveLength(2);
      if (words.length === 0) continue;
      const { pages } = await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array());
      const flat = pages.join(' ').replace(/\s+/g, '');
      // The deck counts its speaker notes; list numbers are the deck's own numbering, not text.
      const deck = (await deckText(result.outputs[1]?.bytes ?? new Uint8Array())).replace(
        /\s+/g,
        '',
      );
      for (const word of words) {
        if (!deck.includes(word) && !/^\d+[.)]$/.test(word))
          lost.push(`example ${example.number}, deck: ${word}`);
        // A character no bundled font has is drawn with a fallback font (an installed package or a
        // system font, which differ between machines) or reported.
        if (![...word].every(covered)) {
          if (flat.includes(word)) continue;
          expect(
            result.warnings.map((w) => w.code),
            `example ${example.number}`,
          ).toContain('MISSING_GLYPH');
          continue;
        }
        if (!flat.includes(word)) lost.push(`example ${example.number}, PDF: ${word}`);
      }
    }
    expect(lost).toEqual([]);
  }, 600_000);

  it('keeps the text of every example in the Word file and in the web page', async () => {
    const lost: string[] = [];
    for (const example of rendered) {
      const words = expectedWords(example.html);
      const result = await render(
        { meta: { title: 'Example' }, summary: example.markdown },
        { formats: ['docx', 'html'], theme: { html: { fonts: 'system' } } },
      );
      expect(result.outputs).toHaveLength(2);
      const [docx, html] = result.outputs.map((o) => o.bytes ?? new Uint8Array());
      const texts = {
        DOCX: docxText(docx ?? new Uint8Array()).replace(/\s+/g, ''),
        HTML: htmlText(html ?? new Uint8Array()).replace(/\s+/g, ''),
      };
      // List numbers are the reader's own numbering (Word's and the browser's), not text.
      for (const word of words)
        for (const [format, text] of Object.entries(texts))
          if (!text.includes(word) && !/^\d+[.)]$/.test(word))
            lost.push(`example ${example.number}, ${format}: ${word}`);
    }
    expect(lost).toEqual([]);
  }, 600_000);
});
