import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerFonts } from '../../../src/render/pdf/draw/fonts.js';
import { MAX_CACHED_WORDS } from '../../../src/text/measure.js';
import { defaultResolvedTheme } from '../../../src/theme/index.js';

/** pdfkit's word cache of a registered font in a document. */
function wordCache(doc: PDFKit.PDFDocument, key: string): Record<string, unknown> | undefined {
  return (doc.font(key) as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font
    ?.layoutCache;
}

describe('registerFonts', () => {
  it('shares shaped words across documents, and starts afresh once the cache outgrows its bound', async () => {
    const font = (await defaultResolvedTheme()).fonts['serif-regular'];
    if (!font) throw new Error('the default theme has no serif font');
    const fonts = { body: font };
    const documentWith = () => {
      const doc = new PDFDocument({ autoFirstPage: false });
      registerFonts(doc, fonts);
      return doc;
    };
    const shared = wordCache(documentWith(), 'body');
    expect(shared).toBeDefined();
    expect(wordCache(documentWith(), 'body')).toBe(shared);
    // Endless new vocabulary fills the shared cache past its bound: a later document starts a new one.
    for (let i = 0; i <= MAX_CACHED_WORDS; i++) if (shared) shared[`w${i}`] = {};
    const later = Array.from({ length: 80 }, () => wordCache(documentWith(), 'body'));
    expect(later.some((cache) => cache !== shared)).toBe(true);
    expect(later.at(-1)).toBe(later.at(-2));
  });
});
