import {
  Bookmark,
  ExternalHyperlink,
  FootnoteReferenceRun,
  ImageRun,
  InternalHyperlink,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { sourceLine } from '../../chart/describe.js';
import { assertNever } from '../../diagnostics/assertNever.js';
import type { LoadedImage } from '../../media/imageInfo.js';
import { paragraphDirection } from '../../text/bidi.js';
import { inlineText } from '../../tree/text.js';
import type { Block, Chart, Inline, List, Table as TableNode } from '../../tree/types.js';
import { type DocxFonts, listStyle, numberedReference, STYLE } from './styles.js';

/** A picture's paragraph: single spacing, which readers never clip the picture to. */
const PICTURE_SPACING = { line: 240, lineRule: 'auto', after: 120 } as const;

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

/** A run's look, as inline nodes nest. */
interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  /** In a link: Word's Hyperlink character style. */
  readonly link?: boolean;
}

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
      if (ctx.inNote)
        return [block.header, ...block.rows].map(
          (row, i) =>
            new Paragraph({
              style: place.style,
              children: row.flatMap((cell, k) => [
                ...(k > 0 ? [new TextRun(' · ')] : []),
                ...inlineDocx(cell.children, ctx, i === 0 ? { bold: true } : {}),
              ]),
            }),
        );
      return tableDocx(block, ctx);
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

/** A right-to-left paragraph's properties (Arabic, Hebrew), none for others. */
function direction(text: string, ctx: DocxContext): { bidirectional?: boolean } {
  return paragraphDirection(text, ctx.language) === 'rtl' ? { bidirectional: true } : {};
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

/**
 * A table: its caption above (kept with it), a header row Word repeats on every page the table runs
 * on, rows that never break across pages, numbers aligned as the Markdown says, in the "Brief Table"
 * style; its source line below.
 */
function tableDocx(table: TableNode, ctx: DocxContext): (Paragraph | Table)[] {
  const alignment = (i: number) => {
    const a = table.align[i];
    return a === 'right' ? 'right' : a === 'center' ? 'center' : undefined;
  };
  const cell = (children: readonly Inline[], i: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          style: header ? STYLE.tableHeading : STYLE.tableText,
          children: inlineDocx(children, ctx, {}),
          ...(alignment(i) ? { alignment: alignment(i) } : {}),
          ...direction(inlineText(children), ctx),
        }),
      ],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: table.header.map((c, i) => cell(c.children, i, true)),
    }),
    ...table.rows.map(
      (row) =>
        new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c.children, i, false)) }),
    ),
  ];
  const caption = table.caption
    ? [new Paragraph({ style: STYLE.caption, children: [new TextRun(table.caption)] })]
    : [];
  const source = table.source
    ? [new Paragraph({ style: STYLE.source, children: [new TextRun(table.source)] })]
    : [];
  return [
    ...caption,
    new Table({
      style: STYLE.table,
      columnWidths: columnWidths(table, ctx.contentWidth * 15),
      tableLook: {
        firstRow: true,
        lastRow: false,
        firstColumn: false,
        lastColumn: false,
        noVBand: true,
      },
      width: { size: 100, type: 'pct' },
      rows,
    }),
    ...source,
  ];
}

/**
 * Column widths in twips, sharing the text width by how much each column holds (its longest cell,
 * between 4 and 40 characters), so that a label column does not take half the table.
 */
function columnWidths(table: TableNode, width: number): number[] {
  const rows = [table.header, ...table.rows];
  const weights = table.header.map((_, i) =>
    Math.min(40, Math.max(4, ...rows.map((row) => inlineText(row[i]?.children ?? []).length))),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((width * w) / total));
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

/** Inline content as runs: bold, italics and strike as they nest, code in the mono font, links live. */
export function inlineDocx(
  nodes: readonly Inline[],
  ctx: DocxContext,
  style: RunStyle,
): ParagraphChild[] {
  return nodes.flatMap((node) => inlineNode(node, ctx, style));
}

function inlineNode(node: Inline, ctx: DocxContext, style: RunStyle): ParagraphChild[] {
  switch (node.type) {
    case 'text':
      return [run(node.value, style, ctx)];
    case 'strong':
      return inlineDocx(node.children, ctx, { ...style, bold: true });
    case 'emphasis':
      return inlineDocx(node.children, ctx, { ...style, italics: true });
    case 'delete':
      return inlineDocx(node.children, ctx, { ...style, strike: true });
    case 'inlineCode':
      return [run(node.value, { ...style, code: true }, ctx)];
    case 'break':
      return [new TextRun({ text: '', break: 1 })];
    case 'link': {
      const children = inlineDocx(node.children, ctx, { ...style, link: true });
      if (node.target.kind === 'url')
        return [new ExternalHyperlink({ link: node.target.url, children })];
      const anchor = ctx.bookmarks.get(node.target.id);
      return anchor ? [new InternalHyperlink({ anchor, children })] : children;
    }
    case 'footnoteReference':
      // Word has no reference to a footnote from a footnote, nor two references to one: those are the
      // note's number, set as Word sets references.
      if (ctx.inNote || ctx.state.cited.has(node.number))
        return [new TextRun({ text: String(node.number), style: 'FootnoteReference' })];
      ctx.state.cited.add(node.number);
      return [new FootnoteReferenceRun(node.number)];
    default:
      return assertNever(node);
  }
}

function run(text: string, style: RunStyle, ctx: DocxContext): TextRun {
  const mono = ctx.fonts.mono;
  return new TextRun({
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.strike ? { strike: true } : {}),
    ...(style.code ? { font: { ascii: mono, hAnsi: mono, cs: mono } } : {}),
    ...(style.link ? { style: 'Hyperlink' } : {}),
  });
}
