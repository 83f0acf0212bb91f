import type { AnyFontKey } from '../../../theme/resolve.js';
import type { RunLink } from '../../inlineRuns.js';
import type { StructElement } from './struct.js';

/** Text drawn at a baseline. */
export interface TextItem {
  readonly type: 'text';
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly text: string;
  readonly font: AnyFontKey;
  readonly size: number;
  readonly color: string;
  /**
   * Set on a table-of-contents page number: the text becomes the page of this anchor once pages are
   * known, right-aligned to end at `x`.
   */
  readonly pageOf?: string;
  /** The structure element this text belongs to (tagged PDF); none makes it an artifact. */
  readonly tag?: number | undefined;
  /** The target of the link this text is part of, so tagging can wrap it in a `Link` element. */
  readonly link?: RunLink;
  /** Extra space added to each word gap, for justified lines. */
  readonly wordSpacing?: number;
  /** Degrees to turn the text about its start, counter-clockwise (crowded chart labels). */
  readonly rotate?: number;
  /**
   * A right-to-left run: shaped whole, its glyphs drawn right to left, each mapped to the characters it
   * stands for, so that readers copy it in reading order.
   */
  readonly rtl?: boolean;
}

/** A filled rectangle. */
export interface RectItem {
  readonly type: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly color: string;
  /** The structure element the shape belongs to (a chart's bars); none makes it an artifact. */
  readonly tag?: number | undefined;
}

/** A straight stroke. */
export interface LineItem {
  readonly type: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly color: string;
  /** The structure element the stroke belongs to (a chart's lines); none makes it an artifact. */
  readonly tag?: number | undefined;
}

/** A vector shape: an SVG path relative to (`x`, `y`), filled, stroked or both (chart lines, areas, slices). */
export interface PathItem {
  readonly type: 'path';
  readonly x: number;
  readonly y: number;
  /** SVG path data (M, L, A, Z) in points, relative to (`x`, `y`). */
  readonly d: string;
  readonly fill?: string;
  readonly fillOpacity?: number;
  readonly stroke?: string;
  readonly lineWidth?: number;
  /** The structure element the shape belongs to; none makes it an artifact. */
  readonly tag?: number | undefined;
}

/** A clickable area: an external address, a heading, or a footnote. */
export interface LinkItem {
  readonly type: 'link';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly target: RunLink;
  /** The `Link` structure element the annotation belongs to. */
  readonly tag?: number | undefined;
}

/** A named place that links and the outline can go to. */
export interface AnchorItem {
  readonly type: 'anchor';
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** An image, by its `src` in the document. */
export interface ImageItem {
  readonly type: 'image';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly src: string;
  /** The `Figure` structure element. */
  readonly tag?: number | undefined;
}

/** Anything placed on a page. */
export type PageItem =
  | TextItem
  | RectItem
  | LineItem
  | PathItem
  | LinkItem
  | AnchorItem
  | ImageItem;

/** One page: its items in drawing order; `artifacts` are running headers and footers. */
export interface Page {
  readonly items: PageItem[];
  readonly artifacts: PageItem[];
}

/** A heading's entry in the outline. */
export interface OutlineEntry {
  readonly title: string;
  readonly depth: number;
  readonly id: string;
  readonly page: number;
}

/** The laid-out document: pure data, drawn by `draw/` without further decisions. */
export interface PageModel {
  readonly width: number;
  readonly height: number;
  /** The pages, in a fresh array the caller owns (drawing lets each go once it is drawn). */
  readonly pages: Page[];
  readonly outline: readonly OutlineEntry[];
  /** The tagged-PDF structure tree, indexed by element id; element 0 is the `Document` root. */
  readonly structure: readonly StructElement[];
}

/**
 * An unbreakable horizontal strip of content: a line of text, a table row, a rule. Items are relative to
 * the strip's top-left corner at the content's left edge.
 */
export interface Slice {
  readonly height: number;
  readonly items: readonly PageItem[];
  /** Space above, dropped at the top of a page. */
  readonly spaceBefore: number;
  /** The next slice must land on the same page (headings, first and second-last lines). */
  readonly keepWithNext: boolean;
  /** Start a new page before this slice. */
  readonly breakBefore?: boolean;
  /** Slices to repeat when this one starts a page (a table's header row). */
  readonly header?: readonly Slice[];
  /** Baseline of the first line, for list markers. */
  readonly firstBaseline?: number;
  /** A heading that starts here, for the outline. */
  readonly heading?: { readonly title: string; readonly depth: number; readonly id: string };
}
