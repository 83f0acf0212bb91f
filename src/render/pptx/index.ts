import { outputLimitError, type Renderer } from '../engine.js';
import { collectImages } from '../images.js';
import { planDeck } from './plan/index.js';
import { themeOnTemplate } from './template/design.js';
import { mapLayouts } from './template/layouts.js';

/** The built-in PPTX renderer: a native, editable deck planned by briefwright and written with pptxgenjs. */
export const pptxRenderer: Renderer = {
  format: 'pptx',
  extension: '.pptx',
  mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  defaultTemplate: 'briefing-deck',
  async render(doc, ctx) {
    const images = await collectImages(doc, ctx);
    const template = ctx.theme.deckTemplate;
    // On a template: its colours and fonts, each kind of slide on one of its layouts by name.
    const theme = template ? themeOnTemplate(ctx.theme, template, ctx.warn) : ctx.theme;
    const layouts = template ? mapLayouts(template, theme.deck.layouts, ctx.warn) : undefined;
    const plan = planDeck(doc, {
      theme,
      warn: ctx.warn,
      file: ctx.file,
      imageSize: (src) => images.get(src),
    });
    const maxSlides = ctx.limits?.maxSlides;
    if (maxSlides !== undefined && plan.slides.length > maxSlides)
      throw outputLimitError('maxSlides', plan.slides.length, maxSlides, ctx.file);
    const { logo } = ctx.theme;
    // pptxgenjs and JSZip load only when a deck is asked for, so a PDF-only run does not pay for them.
    const { writeDeck } = await import('./write/index.js');
    return writeDeck(plan, {
      theme,
      ...(template && layouts ? { template: { template, layouts } } : {}),
      meta: doc.meta,
      date: ctx.date,
      images,
      logo: logo
        ? `${logo.mediaType};base64,${Buffer.from(logo.data).toString('base64')}`
        : undefined,
    });
  },
};

export { planDeck } from './plan/index.js';
export type { PlannedSlide, SlidePlan, SlideShape } from './plan/types.js';
