import type { LoadedFont } from '../../../text/fonts.js';
import { MAX_CACHED_WORDS } from '../../../text/measure.js';

/** pdfkit's per-document font object, as far as briefwright touches it. */
interface EmbeddedFontLike {
  layoutCache?: Record<string, unknown>;
}

/** Shaped words per font file, shared by every document of the process, and its documents so far. */
const sharedLayouts = new WeakMap<LoadedFont, { words: Record<string, unknown>; uses: number }>();

/** Documents between two counts of a shared cache's words (counting walks every word). */
const COUNT_EVERY = 64;

/**
 * Registers the theme's fonts with a document. pdfkit shapes every word again for each new document
 * (its word cache lives on a per-document font object); sharing that cache per font file across
 * documents keeps shaping cost per process, not per brief. The cached runs are read-only to pdfkit.
 */
export function registerFonts(
  doc: PDFKit.PDFDocument,
  fonts: Readonly<Record<string, LoadedFont>>,
): void {
  for (const [key, loaded] of Object.entries(fonts)) {
    doc.registerFont(key, loaded.font as unknown as PDFKit.Mixins.PDFFontSource);
    // Creating the font object now (pdfkit does it on first use) lets it take the shared cache.
    const font = (doc.font(key) as unknown as { _font?: EmbeddedFontLike })._font;
    if (font && typeof font.layoutCache === 'object') {
      let cache = sharedLayouts.get(loaded);
      // Bounded: a process that renders endless new vocabulary starts the cache afresh.
      if (
        !cache ||
        (++cache.uses % COUNT_EVERY === 0 && Object.keys(cache.words).length > MAX_CACHED_WORDS)
      ) {
        cache = { words: Object.create(null) as Record<string, unknown>, uses: 0 };
        sharedLayouts.set(loaded, cache);
      }
      font.layoutCache = cache.words;
    }
  }
}
