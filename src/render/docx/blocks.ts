import { Bookmark, ImageRun, PageBreak, Paragraph, type Table, TextRun } from 'docx';
import { sourceLine } from '../../chart/describe.js';
import { assertNever } from '../../diagnostics/assertNever.js';
import { inlineText } from '../../tree/text.js';
import type { Block, Chart, Inline, List } from '../../tree/types.js';
import { type DocxContext, direction } from './context.js';
import { inlineDocx } from './inline.js';
import { listStyle, numberedReference, STYLE } from './styles.js';
import { tableAsText, tableDocx } from './tables.js';

/** A picture's paragraph: single spacing, which readers never clip the picture to. */
const PICTURE_SPACING = { line: 240, lineRule: 'auto', after: 120 } as const;

/** Where a paragraph is: its style, and the list level it belongs to. */
interface Place {
  readonly style: string;
  /** Inside a callout: paragraphs and lists take the callout's look. */
  readonly callout?: boolean;
}

/** The body's blocks as Word paragraphs and tables. */
export function blocksDocx(
  blocks: readonly Block[],
  ctx: DocxContext,
  place: Place = { style: STYLE.body },
  spaced = false,
): (Paragraph | Table)[] {
  return blocks.flatMap((block, i) => {
    // Text right after a callout's shading keeps the space a paragraph after a box needs.
    const afterBox = (i === 0 && spaced) || blocks[i - 1]?.type === 'callout';
    if (afterBox && block.type === 'paragraph')
      return [paragraph(block.children, place.style, ctx, { before: 240 })];
    if (afterBox && block.type === 'lede')
      return blocksDocx(block.children, ctx, { style: STYLE.lede }, true);
    return blockDocx(block, ctx, place);
  });
}

function blockDocx(block: Block, ctx: DocxContext, place: Place): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading': {
      const name = ctx.bookmarks.get(block.id);
      const number = ctx.numbers.get(block.id);
      const runs = [
        ...(number ? [new TextRun(`${number} `)] : []),
        ...inlineDocx(block.children, ctx, {}),
      ];
      return [
        new Paragraph({
          heading: `Heading${block.depth}`,
          children: name ? [new Bookmark({ id: name, children: runs })] : runs,
          ...direction(inlineText(block.children), ctx),
        }),
      ];
    }
    case 'paragraph':
      return [paragraph(block.children, place.style, ctx)];
    case 'list':
      return listDocx(block, ctx, place, 0);
    case 'table':
      // A footnote holds paragraphs only: a table in one is its rows, cells apart.
      return ctx.inNote ? tableAsText(block, ctx, place.style) : tableDocx(block, ctx);
    case 'code':
      return block.value.split('\n').map(
        (line) =>
          new Paragraph({
            style: STYLE.code,
            children: [new TextRun({ text: line, rightToLeft: false })],
          }),
      );
    case 'quote':
      return blocksDocx(block.children, ctx, { style: STYLE.quote });
    case 'callout': {
      const title = block.title
        ? [new Paragraph({ style: STYLE.calloutTitle, children: [new TextRun(block.title)] })]
        : [];
      return [
        ...title,
        ...blocksDocx(block.children, ctx, { style: STYLE.callout, callout: true }),
      ];
    }
    case 'lede':
      return blocksDocx(block.children, ctx, { style: STYLE.lede });
    case 'references':
      return blocksDocx(block.children, ctx, { style: STYLE.references });
    case 'notes':
    case 'slideBreak':
      // Speaker notes and slide breaks belong to decks.
      return [];
    case 'chart':
      return chartDocx(block, ctx);
    case 'image': {
      // The caption above, as the brief sets it; an image that could not be loaded shows its alt text.
      const caption = block.caption
        ? [new Paragraph({ style: STYLE.caption, children: [new TextRun(block.caption)] })]
        : [];
      const image = ctx.images.get(block.src);
      if (!image)
        return [
          ...caption,
          new Paragraph({
            style: place.style,
            children: [new TextRun({ text: `[Image: ${block.alt}]`, italics: true })],
          }),
        ];
      const { width, height } = fitted(image.width, image.height, ctx.contentWidth);
      const picture = new ImageRun({
        type: image.mediaType === 'image/png' ? 'png' : 'jpg',
        data: image.data,
        transformation: { width, height },
        altText: { name: block.alt || 'Image', title: block.alt, description: block.alt },
      });
      return [
        ...caption,
        new Paragraph({ style: STYLE.body, spacing: PICTURE_SPACING, children: [picture] }),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'thematicBreak':
      return [
        new Paragraph({
          style: STYLE.body,
          border: { bottom: { style: 'single', size: 4, color: 'auto', space: 1 } },
          children: [],
        }),
      ];
    default:
      return assertNever(block);
  }
}

/** A paragraph of inline content in a style, right to left when its text is. */
function paragraph(
  children: readonly Inline[],
  style: string,
  ctx: DocxContext,
  spacing?: { before: number },
): Paragraph {
  return new Paragraph({
    style,
    ...(spacing ? { spacing } : {}),
    children: inlineDocx(children, ctx, {}),
    ...direction(inlineText(children), ctx),
  });
}

/**
 * A list: each item's first paragraph carries the list's numbering at its depth (bullets through the
 * List Bullet styles, numbers through this list's own instance), later paragraphs of an item sit at
 * its indent, and nested lists go one level deeper.
 */
function listDocx(
  list: List,
  ctx: DocxContext,
  place: Place,
  depth: number,
): (Paragraph | Table)[] {
  const instance = list.ordered ? ++ctx.state.lists : 0;
  const style = place.callout ? STYLE.callout : listStyle(list.ordered, depth + 1);
  const numbering = list.ordered
    ? { reference: numberedReference(list.start), level: Math.min(depth, 4), instance }
    : { reference: 'bullets', level: Math.min(depth, 4) };
  const out: (Paragraph | Table)[] = [];
  for (const item of list.children) {
    let first = true;
    const check = item.checked === null ? [] : [new TextRun(item.checked ? '☑ ' : '☐ ')];
    for (const child of item.children) {
      if (child.type === 'list') {
        out.push(...listDocx(child, ctx, place, depth + 1));
        continue;
      }
      if (child.type === 'paragraph') {
        out.push(
          new Paragraph({
            style,
            ...(first ? { numbering } : { indent: { left: 360 * (depth + 1) } }),
            children: [...(first ? check : []), ...inlineDocx(child.children, ctx, {})],
            ...direction(inlineText(child.children), ctx),
          }),
        );
      } else {
        out.push(...blockDocx(child, ctx, place));
      }
      first = false;
    }
  }
  return out;
}

/** A chart: its title as the caption, the picture (SVG with a PNG beside it) with the alt text, the source. */
function chartDocx(block: Chart, ctx: DocxContext): Paragraph[] {
  const picture = ctx.charts.get(block);
  if (!picture) return [];
  const { spec } = block;
  const caption = spec.title
    ? [new Paragraph({ style: STYLE.caption, children: [new TextRun(spec.title)] })]
    : [];
  const image = new ImageRun({
    type: 'svg',
    data: picture.svg,
    fallback: { type: 'png', data: picture.png },
    transformation: { width: picture.width, height: picture.height },
    altText: { name: spec.title ?? 'Chart', title: spec.title ?? 'Chart', description: spec.alt },
  });
  const source = sourceLine(spec);
  return [
    ...caption,
    new Paragraph({
      style: STYLE.body,
      keepNext: !!source,
      spacing: PICTURE_SPACING,
      children: [image],
    }),
    ...(source ? [new Paragraph({ style: STYLE.source, children: [new TextRun(source)] })] : []),
  ];
}

/** An image's size fitted to the text width, in pixels at 96 dpi (an image's pixels are taken at 150 dpi). */
function fitted(width: number, height: number, max: number): { width: number; height: number } {
  const natural = (width * 96) / 150;
  const w = Math.min(max, natural);
  return { width: Math.round(w), height: Math.round((height * w) / width) };
}
