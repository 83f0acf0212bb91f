import type { Root } from '../../tree/types.js';
import { type ChunkSink, outputLimitError, type RenderContext, type Renderer } from '../engine.js';
import { collectImages } from '../images.js';
import type { DrawOptions } from './draw/index.js';
import { LOGO } from './layout/cover.js';
import { layoutDocument } from './layout/index.js';
import type { PageModel } from './layout/types.js';

/** The built-in PDF renderer: a policy brief laid out by briefwright and drawn with pdfkit. */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  extension: '.pdf',
  mediaType: 'application/pdf',
  defaultTemplate: 'policy-brief',
  // Neither `render` nor `drawBrief` is an async function: one would hold the document tree for as long
  // as drawing takes, and a long document's tree can go once it is laid out.
  render(doc, ctx) {
    const chunks: Uint8Array[] = [];
    const sink = (chunk: Uint8Array) => {
      chunks.push(chunk);
      return undefined;
    };
    return drawBrief(doc, ctx, sink).then(() => {
      const pdf = Buffer.concat(chunks);
      // A view of the joined bytes, not a second copy, unless they sit in Node's shared small-buffer pool.
      return pdf.byteOffset === 0 && pdf.buffer.byteLength === pdf.byteLength
        ? new Uint8Array(pdf.buffer)
        : new Uint8Array(pdf);
    });
  },
  stream: drawBrief,
};

/** Lays the document out, then draws it page by page into the sink. */
function drawBrief(doc: Root, ctx: RenderContext, sink: ChunkSink): Promise<void> {
  const { meta } = doc;
  return collectImages(doc, ctx).then((images) => {
    if (ctx.theme.logo) images.set(LOGO, ctx.theme.logo);
    const model = layoutDocument(doc, { theme: ctx.theme, images, warn: ctx.warn, file: ctx.file });
    const maxPages = ctx.limits?.maxPages;
    if (maxPages !== undefined && model.pages.length > maxPages)
      throw outputLimitError('maxPages', model.pages.length, maxPages, ctx.file);
    return draw(model, { theme: ctx.theme, meta, date: ctx.date, images }, sink);
  });
}

/** Draws a page model, letting each page go once drawn, so its pages need not all stay in memory. */
async function draw(model: PageModel, options: DrawOptions, sink: ChunkSink): Promise<void> {
  // pdfkit loads only when a PDF is asked for, so a deck-only run does not pay for it.
  const { drawPageModel } = await import('./draw/index.js');
  await drawPageModel({ ...model, pages: releasing(model.pages) }, options, sink);
}

/** Yields the items of an array one by one, emptying each slot as it goes. */
function* releasing<T>(items: (T | undefined)[]): Generator<T> {
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    items[index] = undefined;
    if (item !== undefined) yield item;
  }
}

export { layoutDocument } from './layout/index.js';
export type { PageModel } from './layout/types.js';
