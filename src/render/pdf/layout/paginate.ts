import { append } from '../../../util/append.js';
import { shiftItems } from './slices.js';
import type { OutlineEntry, Page, PageItem, Slice } from './types.js';

/** The content area of a page, in points from the page's top-left corner. */
export interface Frame {
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
}

/** How many following slices a keep-with-next chain may hold before it is ignored. */
const MAX_CHAIN = 400;

/** Footnotes to set at the foot of the page that refers to them. */
export interface PageNotes {
  /** The laid-out notes by number. */
  readonly slices: ReadonlyMap<number, readonly Slice[]>;
  /** The notes a slice refers to. */
  readonly referencedBy: (slice: Slice) => readonly number[];
  /** The separator above a page's notes: a short rule, then this much space. */
  readonly gap: number;
  readonly ruleColor: string;
}

/**
 * Places slices on pages in one pass: a slice that does not fit starts a new page; a keep-with-next chain
 * (heading plus two lines, caption plus header plus a row) moves as a whole unless it cannot fit any page;
 * a table row that starts a page brings its header row along; a slice that refers to footnotes only
 * stays on a page with room for them too, and the notes are set at that page's foot.
 */
export function paginate(
  slices: readonly Slice[],
  frame: Frame,
  notes?: PageNotes,
): { pages: Page[]; outline: OutlineEntry[] } {
  const pages: Page[] = [];
  const outline: OutlineEntry[] = [];
  const capacity = frame.bottom - frame.top;
  let items: PageItem[] = [];
  let y = frame.top;
  let empty = true;
  let pageNotes: Slice[] = [];
  let notesHeight = 0;
  const placed = new Set<number>();
  const newPage = () => {
    if (pageNotes.length > 0) append(items, footItems(pageNotes, notesHeight, frame, notes));
    pages.push({ items, artifacts: [] });
    items = [];
    y = frame.top;
    empty = true;
    pageNotes = [];
    notesHeight = 0;
  };
  const place = (slice: Slice, spaceBefore: number) => {
    y += spaceBefore;
    append(items, shiftItems(slice.items, frame.left, y));
    if (slice.heading) outline.push({ ...slice.heading, page: pages.length });
    y += slice.height;
    empty = false;
  };
  const notesOf = (slice: Slice) =>
    notes ? notes.referencedBy(slice).filter((n) => !placed.has(n)) : [];
  const heightOf = (numbers: readonly number[]) => {
    const height = numbers.reduce(
      (sum, n) =>
        sum + (notes?.slices.get(n) ?? []).reduce((h, s) => h + s.spaceBefore + s.height, 0),
      0,
    );
    return height > 0 && pageNotes.length === 0 ? height + (notes?.gap ?? 0) : height;
  };
  for (const [index, slice] of slices.entries()) {
    if (slice.breakBefore && !empty) newPage();
    const space = empty ? 0 : slice.spaceBefore;
    const chain = chainHeight(slices, index, capacity);
    const needed = heightOf(notesOf(slice));
    const bottom = frame.bottom - notesHeight;
    const fitsAlone = y + space + slice.height + needed <= bottom + 0.01;
    const chainFits = y + space + chain + needed <= bottom + 0.01;
    if (!empty && (!fitsAlone || (!chainFits && chain <= capacity))) newPage();
    if (empty && slice.header) {
      for (const header of slice.header) place(header, 0);
    }
    place(slice, empty ? 0 : slice.spaceBefore);
    const referenced = notesOf(slice);
    if (referenced.length > 0) {
      notesHeight += heightOf(referenced);
      for (const number of referenced) {
        placed.add(number);
        append(pageNotes, notes?.slices.get(number) ?? []);
      }
    }
  }
  if (!empty || pages.length === 0) newPage();
  return { pages, outline };
}

/** A page's footnotes, stacked up from the foot of its text area under a short rule. */
function footItems(
  slices: readonly Slice[],
  height: number,
  frame: Frame,
  notes: PageNotes | undefined,
): PageItem[] {
  const items: PageItem[] = [];
  let y = frame.bottom - height;
  items.push({
    type: 'line',
    x1: frame.left,
    y1: y + 2,
    x2: frame.left + 72,
    y2: y + 2,
    width: 0.5,
    color: notes?.ruleColor ?? '#999999',
  });
  y += notes?.gap ?? 0;
  for (const slice of slices) {
    y += slice.spaceBefore;
    append(items, shiftItems(slice.items, frame.left, y));
    y += slice.height;
  }
  return items;
}

/** The height of a slice and the slices it must stay with (counting stops once it exceeds a page). */
function chainHeight(slices: readonly Slice[], start: number, capacity: number): number {
  let height = slices[start]?.height ?? 0;
  let index = start;
  while (index - start < MAX_CHAIN && height <= capacity && slices[index]?.keepWithNext) {
    const next = slices[index + 1];
    if (!next || next.breakBefore) break;
    height += next.spaceBefore + next.height;
    index++;
  }
  return height;
}
