import type { Renderer } from '../engine.js';
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
    const images = await collectImages(doc, ctx);
    if (ctx.theme.logo) images.set(LOGO, ctx.theme.logo);
    const model = layoutDocument(doc, { theme: ctx.theme, images, warn: ctx.warn, file: ctx.file });
    // pdfkit loads only when a PDF is asked for, so a deck-only run does not pay for it.
    const { drawPageModel } = await import('./draw/index.js');
    return drawPageModel(model, { theme: ctx.theme, meta: doc.meta, date: ctx.date, images });
  },
};

export { layoutDocument } from './layout/index.js';
export type { PageModel } from './layout/types.js';
