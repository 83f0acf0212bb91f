import { measureText } from '../../../text/measure.js';
import { fontFor } from '../../../theme/resolve.js';
import { inlineText } from '../../../tree/text.js';
import type { Block, Heading } from '../../../tree/types.js';
import { PLAIN } from '../../inlineRuns.js';
import type { LayoutEnv, TextBase } from './env.js';
import { ARTIFACT, ROOT, tagItems, tagSlices } from './struct.js';
import { layoutText } from './text.js';
import type { OutlineEntry, Page, PageItem, Slice } from './types.js';

/** Room kept for a page number at the right of an entry. */
const NUMBER_WIDTH = 24;

/**
 * Lays out a table of contents: a "Contents" label and one entry per heading down to `depth`, each a live
 * link with a dotted leader and a page number filled in after pagination. Its height does not depend on
 * the numbers, so pagination stays a single pass.
 */
export function layoutToc(
  blocks: readonly Block[],
  numbers: ReadonlyMap<string, string>,
  width: number,
  env: LayoutEnv,
): Slice[] {
  const { colors, pdf } = env.theme;
  const headings = blocks.filter(
    (b): b is Heading => b.type === 'heading' && b.depth <= pdf.tocDepth,
  );
  if (headings.length === 0) return [];
  const label: TextBase = {
    role: 'sans',
    size: 9.5,
    leading: 14,
    color: colors.accent,
    bold: true,
  };
  const toc = env.struct.add('TOC', ROOT);
  const heading = tagSlices(
    layoutText([{ text: 'Contents', style: PLAIN }], width, label, env),
    env.struct.add('P', toc),
    env.struct,
  );
  const slices: Slice[] = heading.map((s) => ({ ...s, keepWithNext: true, spaceBefore: 6 }));
  const dots = env.theme.fonts['sans-regular'];
  headings.forEach((heading, index) => {
    const entry = env.struct.add('TOCI', toc);
    const indent = (heading.depth - 1) * 12;
    const base: TextBase = {
      role: 'sans',
      size: 9.5,
      leading: 14,
      color: colors.text,
      bold: heading.depth === 1,
    };
    const label = numbers.get(heading.id);
    const text = `${label ? `${label}  ` : ''}${inlineText(heading.children)}`;
    const lines = layoutText(
      [{ text, style: PLAIN }],
      width - indent - NUMBER_WIDTH - 8,
      base,
      env,
    );
    lines.forEach((line, i) => {
      const isLast = i === lines.length - 1;
      const items: PageItem[] = line.items.map((item) => shiftX(item, indent));
      if (isLast) {
        const baseline = line.firstBaseline ?? base.size;
        const textEnd =
          indent +
          Math.max(
            0,
            ...line.items.flatMap((it) =>
              it.type === 'text'
                ? [it.x + measureText(fontFor(env.theme, it.font), it.text, it.size)]
                : [],
            ),
          );
        const leaderStart = textEnd + 4;
        const leaderEnd = width - NUMBER_WIDTH - 2;
        const dotWidth = measureText(dots, '. ', base.size);
        const count = Math.max(0, Math.floor((leaderEnd - leaderStart) / dotWidth));
        if (count > 0) {
          items.push({
            type: 'text',
            x: leaderEnd - count * dotWidth,
            y: baseline,
            text: '. '.repeat(count),
            font: 'sans-regular',
            size: base.size,
            color: colors.rule,
            tag: ARTIFACT,
          });
        }
        items.push({
          type: 'text',
          x: width,
          y: baseline,
          text: '',
          font: 'sans-regular',
          size: base.size,
          color: colors.text,
          pageOf: heading.id,
        });
        items.push({
          type: 'link',
          x: indent,
          y: 0,
          width: width - indent,
          height: line.height,
          target: { kind: 'anchor', id: heading.id },
        });
      }
      slices.push({
        ...line,
        items: tagItems(items, entry, env.struct),
        keepWithNext: index === 0 || !isLast,
      });
    });
  });
  const last = slices.at(-1);
  if (last) slices[slices.length - 1] = { ...last, height: last.height + 10, keepWithNext: false };
  return slices;
}

/** Fills in table-of-contents page numbers now that every heading's page is known. */
export function resolvePageRefs(
  pages: readonly Page[],
  outline: readonly OutlineEntry[],
  env: LayoutEnv,
): Page[] {
  const pageOf = new Map(outline.map((entry) => [entry.id, entry.page + 1]));
  return pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.type !== 'text' || item.pageOf === undefined) return item;
      const text = String(pageOf.get(item.pageOf) ?? '');
      return {
        ...item,
        text,
        x: item.x - measureText(fontFor(env.theme, item.font), text, item.size),
      };
    }),
  }));
}

function shiftX(item: PageItem, dx: number): PageItem {
  return item.type === 'line'
    ? { ...item, x1: item.x1 + dx, x2: item.x2 + dx }
    : { ...item, x: item.x + dx };
}
