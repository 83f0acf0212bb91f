import type { Root } from '../../tree/types.js';
import type { ChunkSink, RenderContext, Renderer } from '../engine.js';
import { collectImages } from '../images.js';
import { LOGO } from './layout/cover.js';
import { layoutDocument } from './layout/index.js';

/** The built-in PDF renderer: a policy brief laid out by briefwright and drawn with pdfkit. */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  extension: '.pdf',
  mediaType: 'application/pdf',
  defaultTemplate: 'policy-brief',
  async render(doc, ctx) {
    const chunks: Uint8Array[] = [];
    await drawBrief(doc, ctx, (chunk) => {
      chunks.push(chunk);
      return undefined;
    });
    const pdf = Buffer.concat(chunks);
    // A view of the joined bytes, not a second copy, unless they sit in Node's shared small-buffer pool.
    return pdf.byteOffset === 0 && pdf.buffer.byteLength === pdf.byteLength
      ? new Uint8Array(pdf.buffer)
      : new Uint8Array(pdf);
  },
  stream: drawBrief,
};

/** Lays the document out and draws it page by page into the sink. */
async function drawBrief(doc: Root, ctx: RenderContext, sink: ChunkSink): Promise<void> {
  const images = await collectImages(doc, ctx);
  if (ctx.theme.logo) images.set(LOGO, ctx.theme.logo);
  const model = layoutDocument(doc, { theme: ctx.theme, images, warn: ctx.warn, file: ctx.file });
  // pdfkit loads only when a PDF is asked for, so a deck-only run does not pay for it.
  const { drawPageModel } = await import('./draw/index.js');
  // Each page is let go once drawn, so a long document's laid-out pages need not all stay in memory.
  const pages = releasing(model.pages);
  await drawPageModel(
    { ...model, pages },
    { theme: ctx.theme, meta: doc.meta, date: ctx.date, images },
    sink,
  );
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
