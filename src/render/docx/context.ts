import type { LoadedImage } from '../../media/imageInfo.js';
import { paragraphDirection } from '../../text/bidi.js';
import type { Chart } from '../../tree/types.js';
import type { DocxFonts } from './styles.js';

/** A chart as Word takes it: the SVG, a PNG for readers without SVG, and its size in pixels (96 dpi). */
export interface ChartPicture {
  readonly svg: Uint8Array;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** What writing blocks needs besides the blocks. */
export interface DocxContext {
  readonly fonts: DocxFonts;
  readonly language: string;
  readonly images: ReadonlyMap<string, LoadedImage>;
  readonly charts: ReadonlyMap<Chart, ChartPicture>;
  /** Heading labels ("1.", "1.2") when the theme numbers headings. */
  readonly numbers: ReadonlyMap<string, string>;
  /** Bookmark names by heading id (Word's names: a letter first, then letters, digits and _). */
  readonly bookmarks: ReadonlyMap<string, string>;
  /** The width text runs in, in pixels at 96 dpi: images and charts are fitted to it. */
  readonly contentWidth: number;
  /** What the whole document's writing shares, body and notes alike. */
  readonly state: {
    /** The ordered lists' instances, counted as they are written, so each list numbers on its own. */
    lists: number;
    /** The footnotes cited so far: Word gives a footnote one reference, so later ones are its number. */
    readonly cited: Set<number>;
  };
  /** Writing a footnote's text: references in it are numbers, tables are rows of text. */
  readonly inNote?: boolean;
}

/** A right-to-left paragraph's properties (Arabic, Hebrew), none for others. */
export function direction(text: string, ctx: DocxContext): { bidirectional?: boolean } {
  return paragraphDirection(text, ctx.language) === 'rtl' ? { bidirectional: true } : {};
}
