import { type RunLink, sameLink } from '../../inlineRuns.js';
import type { PageItem, Slice } from './types.js';

/** The structure types briefwright tags content with (PDF 1.7 standard structure types). */
export type StructRole =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'P'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Caption'
  | 'Figure'
  | 'BlockQuote'
  | 'Code'
  | 'Link'
  | 'TOC'
  | 'TOCI';

/** One element of the structure tree: its type, its parent (null for the root) and its attributes. */
export interface StructElement {
  readonly role: StructRole;
  readonly parent: number | null;
  readonly alt?: string;
  readonly scope?: 'Column' | 'Row';
  /**
   * Content drawn between the pages of other elements rather than after them (footnotes at the foot of
   * each page): its element stays open while others come and go.
   */
  readonly floating?: boolean;
}

/** The id of the root element (`Document`). */
export const ROOT = 0;

/** The tag of content that is explicitly not part of the structure (dot leaders, repeated headers). */
export const ARTIFACT = -1;

/**
 * Builds the tagged-PDF structure tree while layout runs: elements get ids in document order, content
 * items point at their element by id, and the drawer creates the elements as their content is drawn.
 */
export class StructTree {
  readonly #elements: StructElement[] = [{ role: 'Document', parent: null }];

  /** Adds an element under a parent and returns its id. */
  add(
    role: StructRole,
    parent: number,
    attributes: { alt?: string; scope?: 'Column' | 'Row'; floating?: boolean } = {},
  ): number {
    this.#elements.push({ role, parent, ...attributes });
    return this.#elements.length - 1;
  }

  /** The elements, indexed by id. */
  elements(): readonly StructElement[] {
    return this.#elements;
  }
}

/**
 * Tags the content of slices as the element `id`: text and images that no inner element claimed yet.
 * A link inside becomes a `Link` child element holding both its text and its annotation.
 */
export function tagSlices(slices: readonly Slice[], id: number, tree: StructTree): Slice[] {
  return slices.map((slice) => ({ ...slice, items: tagItems(slice.items, id, tree) }));
}

/** Tags items as the element `id` (see {@link tagSlices}). */
export function tagItems(items: readonly PageItem[], id: number, tree: StructTree): PageItem[] {
  const out: PageItem[] = [];
  // Compared as values, never joined into keys: a link's address may be a megabyte long, and every
  // line of it is an item.
  let link: { target: RunLink; tag: number } | undefined;
  for (const item of items) {
    if (item.type === 'text' && item.tag === undefined && item.link !== undefined) {
      if (!link || !sameLink(link.target, item.link))
        link = { target: item.link, tag: tree.add('Link', id) };
      out.push({ ...item, tag: link.tag });
    } else if (item.type === 'link' && item.tag === undefined) {
      const tag = link && sameLink(link.target, item.target) ? link.tag : tree.add('Link', id);
      out.push({ ...item, tag });
      link = undefined;
    } else if ((item.type === 'text' || item.type === 'image') && item.tag === undefined) {
      out.push({ ...item, tag: id });
    } else {
      out.push(item);
    }
  }
  return out;
}

/** Removes tags, turning content into artifacts (repeated table headers are not read twice). */
export function untagSlice(slice: Slice): Slice {
  return {
    ...slice,
    items: slice.items.map((item) =>
      'tag' in item && item.tag !== undefined ? { ...item, tag: ARTIFACT } : item,
    ),
  };
}
