import { shiftItems } from './slices.js';
import type { OutlineEntry, Page, PageItem, Slice } from './types.js';

/** The content area of a page, in points from the page's top-left corner. */
export interface Frame {
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
}

/** How many following slices a keep-with-next chain may hold before it is ignored. */
const MAX_CHAIN = 12;

/**
 * Places slices on pages in one pass: a slice that does not fit starts a new page; a keep-with-next chain
 * (heading plus two lines, caption plus header plus a row) moves as a whole unless it cannot fit any page;
 * a table row that starts a page brings its header row along.
 */
export function paginate(
  slices: readonly Slice[],
  frame: Frame,
): { pages: Page[]; outline: OutlineEntry[] } {
  const pages: Page[] = [];
  const outline: OutlineEntry[] = [];
  const capacity = frame.bottom - frame.top;
  let items: PageItem[] = [];
  let y = frame.top;
  let empty = true;
  const newPage = () => {
    pages.push({ items, artifacts: [] });
    items = [];
    y = frame.top;
    empty = true;
  };
  const place = (slice: Slice, spaceBefore: number) => {
    y += spaceBefore;
    items.push(...shiftItems(slice.items, frame.left, y));
    if (slice.heading) outline.push({ ...slice.heading, page: pages.length });
    y += slice.height;
    empty = false;
  };
  for (const [index, slice] of slices.entries()) {
    if (slice.breakBefore && !empty) newPage();
    const space = empty ? 0 : slice.spaceBefore;
    const chain = chainHeight(slices, index);
    const fitsAlone = y + space + slice.height <= frame.bottom + 0.01;
    const chainFits = y + space + chain <= frame.bottom + 0.01;
    if (!empty && (!fitsAlone || (!chainFits && chain <= capacity))) newPage();
    if (empty && slice.header) {
      for (const header of slice.header) place(header, 0);
    }
    place(slice, empty ? 0 : slice.spaceBefore);
  }
  if (!empty || pages.length === 0) newPage();
  return { pages, outline };
}

/** The height of a slice and the slices it must stay with. */
function chainHeight(slices: readonly Slice[], start: number): number {
  let height = slices[start]?.height ?? 0;
  let index = start;
  while (index - start < MAX_CHAIN && slices[index]?.keepWithNext) {
    const next = slices[index + 1];
    if (!next || next.breakBefore) break;
    height += next.spaceBefore + next.height;
    index++;
  }
  return height;
}
