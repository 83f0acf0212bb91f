import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, type Warning } from '../../src/index.js';
import {
  deckText,
  docxText,
  htmlText,
  missingWords,
  pdfText,
  slideTitles,
  sourceHeadings,
  sourceWords,
} from './words.js';

const DIR = 'test/fixtures/documents';

/**
 * Documents written for other tools (pandoc, Quarto, R Markdown, Marp, Jekyll) and Markdown of odd
 * shapes (empty headings, only a table, only a list, only code, skipped levels, setext headings,
 * thematic breaks everywhere): each renders to both formats with warnings at most, and every word of
 * its source reaches the PDF and the deck (its slides and speaker notes).
 */
describe('documents written for other tools', () => {
  for (const name of readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    it(`renders ${name} with every word in the PDF and in the deck`, async () => {
      const file = join(DIR, name);
      const words = sourceWords(readFileSync(file, 'utf8'));
      const { outputs, warnings } = await render(file, { systemFonts: false });
      const [pdf, deck] = outputs.map((o) => o.bytes);
      expect(missingWords(words, await pdfText(pdf ?? new Uint8Array())), 'PDF').toEqual([]);
      expect(missingWords(words, await deckText(deck ?? new Uint8Array())), 'deck').toEqual([]);
      // Every heading of the document is the title of a slide; a document with content has slides
      // besides the title, the agenda and the closing one.
      const titles = await slideTitles(deck ?? new Uint8Array());
      const source = readFileSync(file, 'utf8');
      const headings = sourceHeadings(source);
      // Without a title in front matter, the first heading is the title slide's.
      const titled = /^---\n[\s\S]*?^title:/m.test(source);
      for (const heading of titled ? headings : headings.slice(1))
        expect(
          titles.some((t) => t.startsWith(heading)),
          `a slide titled "${heading}"`,
        ).toBe(true);
      const content = titles.slice(1, -1).filter((t) => t !== 'Agenda');
      expect(content.length, 'content slides').toBeGreaterThan(0);
      expect(
        warnings.filter(
          (w: Warning) => w.code === 'RAW_HTML_DROPPED' && !/<!--|<div|<span/.test(w.message),
        ),
      ).toEqual([]);
    });

    it(`renders ${name} with every word in the Word file and the web page`, async () => {
      const file = join(DIR, name);
      const words = sourceWords(readFileSync(file, 'utf8'));
      const { outputs } = await render(file, {
        systemFonts: false,
        formats: ['docx', 'html'],
        // The words are what count here: the page names system fonts rather than subsetting them.
        theme: { html: { fonts: 'system' } },
      });
      const [docx, html] = outputs.map((o) => o.bytes);
      expect(missingWords(words, docxText(docx ?? new Uint8Array())), 'DOCX').toEqual([]);
      expect(missingWords(words, htmlText(html ?? new Uint8Array())), 'HTML').toEqual([]);
    });
  }
});
