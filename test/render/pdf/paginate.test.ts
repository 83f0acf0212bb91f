import { describe, expect, it } from 'vitest';
import { paginate } from '../../../src/render/pdf/layout/paginate.js';
import type { Slice } from '../../../src/render/pdf/layout/types.js';

const slice = (name: string, height: number, more: Partial<Slice> = {}): Slice => ({
  height,
  spaceBefore: 0,
  keepWithNext: false,
  items: [{ type: 'anchor', id: name, x: 0, y: 0 }],
  ...more,
});
const namesOn = (pages: ReturnType<typeof paginate>['pages']) =>
  pages.map((page) => page.items.flatMap((item) => (item.type === 'anchor' ? [item.id] : [])));

// A tiny page: 100 points of content.
const FRAME = { left: 0, top: 0, bottom: 100 };

describe('paginate', () => {
  it('moves a heading that would end a page to the next one, with its first lines', () => {
    const slices = [
      slice('p1', 70),
      slice('h', 15, { keepWithNext: true }),
      slice('l1', 10, { keepWithNext: true }),
      slice('l2', 10),
    ];
    expect(namesOn(paginate(slices, FRAME).pages)).toEqual([['p1'], ['h', 'l1', 'l2']]);
  });

  it('ignores keep-with-next when the chain is taller than a page', () => {
    const slices = [
      slice('p1', 50),
      ...Array.from({ length: 12 }, (_, i) => slice(`k${i}`, 10, { keepWithNext: true })),
      slice('end', 10),
    ];
    const pages = namesOn(paginate(slices, FRAME).pages);
    expect(pages[0]?.[0]).toBe('p1');
    expect(pages[0]?.length).toBeGreaterThan(1);
  });

  it('repeats the table header on the page a table continues on', () => {
    const header = slice('header', 10, { keepWithNext: true });
    const rows = Array.from({ length: 12 }, (_, i) => slice(`r${i}`, 15, { header: [header] }));
    const pages = namesOn(paginate([header, ...rows], FRAME).pages);
    expect(pages).toHaveLength(2);
    expect(pages[1]?.[0]).toBe('header');
    expect(pages.flat().filter((n) => n.startsWith('r'))).toHaveLength(12);
  });

  it('never cuts a slice and drops space above at the top of a page', () => {
    const { pages } = paginate([slice('a', 60), slice('b', 60, { spaceBefore: 20 })], FRAME);
    const b = pages[1]?.items.find((item) => item.type === 'anchor');
    expect(b?.type === 'anchor' && b.y).toBe(0);
  });

  it('records the page of every heading for the outline', () => {
    const h = (id: string) => slice(id, 10, { heading: { title: id, depth: 1, id } });
    const { outline } = paginate([h('one'), slice('big', 85), h('two')], FRAME);
    expect(outline.map((e) => [e.id, e.page])).toEqual([
      ['one', 0],
      ['two', 1],
    ]);
  });

  it('starts a new page on a page break', () => {
    expect(
      namesOn(paginate([slice('a', 10), slice('b', 10, { breakBefore: true })], FRAME).pages),
    ).toEqual([['a'], ['b']]);
  });
});
