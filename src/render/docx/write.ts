import {
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TableOfContents,
  TextRun,
} from 'docx';
import type { Warning } from '../../diagnostics/warnings.js';
import type { LoadedImage } from '../../media/imageInfo.js';
import { fontName } from '../../text/fontNames.js';
import type { ResolvedTheme } from '../../theme/resolve.js';
import { mastheadLines } from '../../tree/masthead.js';
import { numberHeadings } from '../../tree/numbering.js';
import type { Block, DocMeta, FootnoteDefinition, Inline, Root } from '../../tree/types.js';
import { allBlocks } from '../../tree/walk.js';
import { blocksDocx } from './blocks.js';
import { chartPictures } from './charts.js';
import type { DocxContext } from './context.js';
import { normalizeDocx } from './package.js';
import { type DocxFonts, documentStyles, numberingOptions, STYLE } from './styles.js';

/** Page sizes in millimetres. */
const PAGE_MM = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } };
/** Twips in a millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;

/** What {@link writeDocx} needs besides the tree. */
export interface DocxInput {
  readonly theme: ResolvedTheme;
  readonly date: Date;
  readonly images: ReadonlyMap<string, LoadedImage>;
  readonly warn: (warning: Omit<Warning, 'format'>) => void;
}

/**
 * Writes a Word document: the title block, the body in named styles, footnotes as Word footnotes,
 * a footer with the organisation and page numbers, the document's properties, and (when the theme asks
 * for contents) a table-of-contents field Word fills when the file is opened. Byte-identical for the
 * same input (see {@link normalizeDocx}).
 */
export async function writeDocx(doc: Root, input: DocxInput): Promise<Uint8Array> {
  const { theme } = input;
  const { meta } = doc;
  const fonts: DocxFonts = {
    serif: fontName(theme.fonts['serif-regular']).family,
    sans: fontName(theme.fonts['sans-regular']).family,
    mono: fontName(theme.fonts['mono-regular']).family,
  };
  const page = typeof theme.page.size === 'string' ? PAGE_MM[theme.page.size] : theme.page.size;
  const { margins } = theme.page;
  const contentMm = page.width - margins.left - margins.right;
  const contentPt = (contentMm / 25.4) * 72;
  const ctx: DocxContext = {
    fonts,
    language: meta.language,
    images: input.images,
    charts: await chartPictures(doc, theme, contentPt, input.warn),
    numbers: theme.pdf.numberHeadings ? numberHeadings(doc.children) : new Map(),
    bookmarks: bookmarkNames(doc.children),
    contentWidth: Math.round((contentMm / 25.4) * 96),
    state: { lists: 0, cited: new Set() },
  };
  const toc = theme.pdf.toc
    ? [
        new Paragraph({ style: STYLE.caption, children: [new TextRun('Contents')] }),
        new TableOfContents('Contents', {
          hyperlink: true,
          headingStyleRange: `1-${theme.pdf.tocDepth}`,
        }),
      ]
    : [];
  const body: (Paragraph | Table | TableOfContents)[] = [
    ...titleBlock(meta),
    ...toc,
    ...blocksDocx(doc.children, ctx),
  ];
  const footnotes = footnotesDocx(doc, ctx);
  const starts = [
    ...allBlocks(doc.children),
    ...doc.footnotes.flatMap((n) => [...allBlocks(n.children)]),
  ]
    .filter((b): b is Extract<Block, { type: 'list' }> => b.type === 'list' && b.ordered)
    .map((list) => list.start);
  const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
  const footerText = theme.pdf.footerText || meta.organization || '';
  const document = new Document({
    title: meta.title,
    ...(meta.subtitle ? { subject: meta.subtitle } : {}),
    creator: meta.authors.map((a) => a.name).join('; ') || meta.organization || 'briefwright',
    lastModifiedBy: 'briefwright',
    keywords: meta.keywords.join(', '),
    description: meta.subtitle ?? meta.title,
    revision: 1,
    ...(theme.pdf.toc ? { features: { updateFields: true } } : {}),
    styles: documentStyles(theme, fonts, meta.language),
    numbering: numberingOptions(starts),
    footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height) },
            margin: {
              top: twips(margins.top),
              right: twips(margins.right),
              bottom: twips(margins.bottom),
              left: twips(margins.left),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: STYLE.footer,
                tabStops: [{ type: 'right', position: twips(contentMm) }],
                children: [
                  new TextRun(footerText),
                  new TextRun({
                    children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return normalizeDocx(new Uint8Array(packed), {
    date: input.date,
    theme,
    fonts,
    language: meta.language,
  });
}

/** The title block: series and number, title, subtitle, authors, date and organisation, classification. */
function titleBlock(meta: DocMeta): Paragraph[] {
  const { series, authors, dateline: line } = mastheadLines(meta);
  const text = (style: string, value: string, after?: number) =>
    new Paragraph({
      style,
      children: [new TextRun(value)],
      ...(after !== undefined ? { spacing: { after } } : {}),
    });
  return [
    ...(series ? [text(STYLE.series, series)] : []),
    new Paragraph({ heading: 'Title', children: [new TextRun(meta.title)] }),
    ...(meta.subtitle ? [text(STYLE.subtitle, meta.subtitle)] : []),
    ...authors.map((author) => text(STYLE.byline, author)),
    ...(line ? [text(STYLE.byline, line, meta.classification ? 0 : 240)] : []),
    ...(meta.classification ? [text(STYLE.series, meta.classification, 240)] : []),
  ];
}

/**
 * Word bookmark names for the headings: a letter first, then letters, digits and underscores, at most
 * 40 characters, unique (Word drops or merges bookmarks that break these rules).
 */
function bookmarkNames(blocks: readonly Block[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const block of allBlocks(blocks)) {
    if (block.type !== 'heading') continue;
    const base = `h_${block.id.replace(/[^A-Za-z0-9]+/g, '_')}`.slice(0, 36);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    names.set(block.id, name);
  }
  return names;
}

/**
 * The footnotes as Word takes them: one per note the body cites. A note cited only from another note
 * follows that note's text, after its number; Word has no footnotes of footnotes.
 */
function footnotesDocx(doc: Root, ctx: DocxContext): Record<string, { children: Paragraph[] }> {
  const notes = new Map(doc.footnotes.map((note) => [note.number, note]));
  const inNote: DocxContext = { ...ctx, inNote: true };
  const placed = new Set(ctx.state.cited);
  const write = (note: FootnoteDefinition): Paragraph[] => {
    const own = blocksDocx(note.children, inNote, { style: 'FootnoteText' }).filter(
      (child): child is Paragraph => child instanceof Paragraph,
    );
    const inner = citedIn(note.children).filter((n) => !placed.has(n));
    for (const n of inner) placed.add(n);
    return [
      ...own,
      ...inner.flatMap((n) => {
        const cited = notes.get(n);
        if (!cited) return [];
        const [first, ...rest] = write(cited);
        const mark = new Paragraph({
          style: 'FootnoteText',
          children: [
            new TextRun({ text: String(n), style: 'FootnoteReference' }),
            new TextRun(' '),
          ],
        });
        return [mark, ...(first ? [first] : []), ...rest];
      }),
    ];
  };
  return Object.fromEntries(
    [...ctx.state.cited].flatMap((n) => {
      const note = notes.get(n);
      return note ? [[String(n), { children: write(note) }]] : [];
    }),
  );
}

/** The footnotes cited in blocks, in order, each once. */
function citedIn(blocks: readonly Block[]): number[] {
  const found = new Set<number>();
  const visit = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'footnoteReference') found.add(node.number);
      else if ('children' in node) visit(node.children);
    }
  };
  for (const block of allBlocks(blocks)) {
    if (block.type === 'paragraph' || block.type === 'heading') visit(block.children);
    else if (block.type === 'table')
      for (const row of [block.header, ...block.rows]) for (const cell of row) visit(cell.children);
  }
  return [...found];
}
