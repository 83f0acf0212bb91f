import PDFDocument from 'pdfkit';
import { assertNever } from '../../../diagnostics/assertNever.js';
import { fontShaper } from '../../../text/measure.js';
import { fontFor, type ResolvedTheme } from '../../../theme/resolve.js';
import type { DocMeta } from '../../../tree/types.js';
import type { ChunkSink, LoadedImage } from '../../engine.js';
import { noteAnchor } from '../layout/footnotes.js';
import type {
  OutlineEntry,
  Page,
  PageItem,
  PageModel,
  PathItem,
  TextItem,
} from '../layout/types.js';
import { registerFonts } from './fonts.js';
import { createImageObjects, type PdfImage } from './images.js';
import { drawUrlLink } from './links.js';
import { Marker } from './marking.js';
import type { Shaping } from './shaping.js';
import { writeText } from './text.js';

/** What drawing needs besides the page model. */
export interface DrawOptions {
  readonly theme: ResolvedTheme;
  readonly meta: DocMeta;
  readonly date: Date;
  readonly images: ReadonlyMap<string, LoadedImage>;
}

/**
 * Paints a page model with pdfkit at absolute positions: no pdfkit wrapping, no page continuation.
 * Fonts are the parsed fonts of the theme, embedded and subset.
 */
export async function drawPageModel(
  model: Omit<PageModel, 'pages'> & { readonly pages: Iterable<Page> },
  options: DrawOptions,
  sink: ChunkSink,
): Promise<void> {
  const { meta, date } = options;
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font ('' is none): pdfkit would load Helvetica's metrics from its own folder, which a
    // bundle lacks; every text run sets its own font.
    font: '',
    size: [model.width, model.height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    info: {
      Title: meta.title,
      ...(meta.subtitle ? { Subject: meta.subtitle } : {}),
      Author: meta.authors.map((a) => a.name).join('; '),
      Keywords: meta.keywords.join(', '),
      Creator: 'briefwright',
      Producer: 'briefwright',
      CreationDate: date,
      ModDate: date,
    },
  });
  // pdfkit writes each page's objects as the next page begins, in many small pieces, into its readable
  // side, which hands them on only when the event loop turns. Drawing yields between pages, so that each
  // page's pieces reach the sink as one chunk and are let go (otherwise the whole file would wait in
  // pdfkit's buffer as a quarter of a million small buffers), and waits whenever the sink asks it to (a
  // stream that must drain).
  let waiting: Promise<void> | undefined;
  let pieces: Buffer[] = [];
  const pass = () => {
    if (pieces.length === 0) return;
    const chunk = Buffer.concat(pieces);
    pieces = [];
    waiting = sink(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)) ?? waiting;
  };
  doc.on('data', (piece: Buffer) => pieces.push(piece));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => {
      pass();
      resolve();
    });
    doc.on('error', reject);
  });
  // Fonts join the document when first drawn: only fonts in use are parsed and embedded.
  const fonts = new Set<string>();
  const outline = new OutlineWriter(doc);
  const marker = new Marker(doc, model.structure);
  const images = createImageObjects();
  let index = 0;
  for (const page of model.pages) {
    await turn();
    pass();
    if (waiting) {
      await waiting;
      waiting = undefined;
    }
    doc.addPage({ size: [model.width, model.height], margin: 0 });
    // Each page's content starts with the default graphics state.
    const pen: Pen = { fill: undefined, fonts, images };
    marker.pagination(() => {
      for (const item of page.artifacts) drawItem(doc, item, model.height, options, pen);
    });
    for (const item of page.items) drawItem(doc, item, model.height, options, pen, marker);
    marker.close();
    for (const entry of model.outline) if (entry.page === index) outline.add(entry);
    index++;
  }
  marker.finish();
  doc.end();
  await done;
  await waiting;
}

/** Lets the event loop turn, so that pdfkit's readable side passes on what it holds. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The fill colour last set on the page, so that runs of one colour set it once; the fonts registered. */
interface Pen {
  fill: string | undefined;
  readonly fonts: Set<string>;
  /** The document's image objects: each image written once, however often it is drawn. */
  readonly images: (image: LoadedImage) => PdfImage;
}

function setFill(doc: PDFKit.PDFDocument, pen: Pen, color: string): void {
  if (pen.fill === color) return;
  doc.fillColor(color);
  pen.fill = color;
}

function drawItem(
  doc: PDFKit.PDFDocument,
  item: PageItem,
  pageHeight: number,
  options: DrawOptions,
  pen: Pen,
  marker?: Marker,
): void {
  switch (item.type) {
    case 'text': {
      marker?.enter(item.tag);
      const font = fontFor(options.theme, item.font);
      // A fresh copy of the features each time, because fontkit fills in the object it is given.
      const shaping: Shaping = {
        features: font.features ? { ...font.features } : undefined,
        shaper: fontShaper(font),
      };
      if (!pen.fonts.has(item.font)) {
        registerFonts(doc, { [item.font]: font });
        pen.fonts.add(item.font);
      }
      doc.font(item.font).fontSize(item.size);
      setFill(doc, pen, item.color);
      writeRun(doc, item, shaping);
      return;
    }
    case 'rect':
      marker?.enter(item.tag);
      setFill(doc, pen, item.color);
      doc.rect(item.x, item.y, item.width, item.height).fill();
      return;
    case 'line':
      marker?.enter(item.tag);
      doc
        .moveTo(item.x1, item.y1)
        .lineTo(item.x2, item.y2)
        .lineWidth(item.width)
        .strokeColor(item.color)
        .stroke();
      return;
    case 'path':
      marker?.enter(item.tag);
      drawPath(doc, item);
      return;
    case 'link': {
      // The annotation joins its Link element, so assistive technology finds it with its text.
      const structParent =
        marker && item.tag !== undefined && item.tag > 0 ? marker.element(item.tag) : undefined;
      const link = structParent ? { structParent } : {};
      const { target } = item;
      if (target.kind === 'url') drawUrlLink(doc, item, target.url, structParent);
      else {
        const id = target.kind === 'anchor' ? target.id : noteAnchor(target.number);
        doc.goTo(item.x, item.y, item.width, item.height, id, link);
      }
      return;
    }
    case 'anchor':
      doc.addNamedDestination(item.id, 'XYZ', item.x, pageHeight - item.y, null);
      return;
    case 'image': {
      marker?.enter(item.tag);
      const image = options.images.get(item.src);
      if (image)
        doc.image(pen.images(image), item.x, item.y, { width: item.width, height: item.height });
      return;
    }
    default:
      assertNever(item);
  }
}

/** Writes a text item: turned when it is turned, with word spacing when it is justified. */
function writeRun(doc: PDFKit.PDFDocument, item: TextItem, shaping: Shaping): void {
  if (item.rotate) {
    // Turned about the start of its baseline; the fill already set survives the saved state.
    doc.save().rotate(-item.rotate, { origin: [item.x, item.y] });
    if (!writeText(doc, item, shaping))
      doc.text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic' });
    doc.restore();
    return;
  }
  if (writeText(doc, item, shaping)) return;
  doc.text(item.text, item.x, item.y, {
    lineBreak: false,
    baseline: 'alphabetic',
    ...(item.wordSpacing ? { wordSpacing: item.wordSpacing } : {}),
    ...(shaping.features
      ? { features: shaping.features as unknown as PDFKit.Mixins.OpenTypeFeatures[] }
      : {}),
  });
}

/** Fills and strokes a path in its own graphics state, so opacity and line joins do not leak. */
function drawPath(doc: PDFKit.PDFDocument, item: PathItem): void {
  doc.save().translate(item.x, item.y).path(item.d);
  if (item.fill) doc.fillColor(item.fill, item.fillOpacity ?? 1);
  if (item.stroke)
    doc
      .strokeColor(item.stroke)
      .lineWidth(item.lineWidth ?? 1)
      .lineJoin('round');
  if (item.fill && item.stroke) doc.fillAndStroke();
  else if (item.fill) doc.fill();
  else if (item.stroke) doc.stroke();
  doc.restore();
}

/** Builds the nested outline (bookmarks) from headings as their pages are drawn. */
class OutlineWriter {
  readonly #stack: { depth: number; node: PDFKit.PDFOutline }[] = [];
  readonly #doc: PDFKit.PDFDocument;

  constructor(doc: PDFKit.PDFDocument) {
    this.#doc = doc;
  }

  add(entry: OutlineEntry): void {
    while ((this.#stack.at(-1)?.depth ?? 0) >= entry.depth) this.#stack.pop();
    const parent = this.#stack.at(-1)?.node ?? this.#doc.outline;
    const node = parent.addItem(entry.title, { expanded: entry.depth === 1 });
    this.#stack.push({ depth: entry.depth, node });
  }
}
