import type { Renderer } from '../engine.js';
import { collectImages } from '../images.js';

/**
 * The built-in Word renderer: a .docx in named styles (Title, Heading 1–6, Body Text, List Bullet and
 * List Number at each level, Caption, Quote, Callout, Footnote Text, Brief Table) carrying the theme's
 * fonts, sizes and colours, written with the docx library.
 */
export const docxRenderer: Renderer = {
  format: 'docx',
  extension: '.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  defaultTemplate: 'policy-brief',
  async render(doc, ctx) {
    const images = await collectImages(doc, ctx);
    // The docx library and the chart rasteriser load only when a Word file is asked for.
    const { writeDocx } = await import('./write.js');
    return writeDocx(doc, {
      theme: ctx.theme,
      date: ctx.date,
      images,
      warn: ctx.warn,
    });
  },
};
