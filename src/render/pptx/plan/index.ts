import { assertNever } from '../../../diagnostics/assertNever.js';
import { blockText } from '../../../tree/text.js';
import type { Root } from '../../../tree/types.js';
import { type DeckDesign, deckDesign } from './design.js';
import { draftSlides, type SlideDraft } from './drafts.js';
import type { PlanEnv } from './env.js';
import { fitClosing, fitCover, fitSection } from './fit/cover.js';
import { fitItems } from './fit/itemSlides.js';
import { fitChart, fitImage } from './fit/media.js';
import { fitTableSlides } from './fit/table.js';
import { fitText } from './fit/text.js';
import { fitTwo } from './fit/two.js';
import { chooseTextLayout, type TextChoice } from './layouts.js';
import { joinNotes, splitEntries } from './notes.js';
import type { PlannedSlide, SlidePlan } from './types.js';

/**
 * Plans the deck from the DocTree, in steps: group the tree into slide drafts (cover, sections, the text
 * under each heading, tables, charts, figures, closing) → choose a layout per draft (cards, big numbers,
 * numbered rows, text, two content, …) → fit each draft to its frames, continuing it on more slides when
 * it must → the footnotes into the last slide's notes. Pure: no pptxgenjs, no I/O.
 */
export function planDeck(doc: Root, env: PlanEnv): SlidePlan {
  const design = deckDesign(env.theme, doc.meta.language);
  const drafts = draftSlides(doc);
  const slides = drafts.flatMap((draft) => planDraft(draft, doc, design, env));
  return {
    width: design.grid.width,
    height: design.grid.height,
    slides: withFootnotes(slides, doc),
  };
}

/** A draft's slides: its layout chosen and fitted. */
function planDraft(draft: SlideDraft, doc: Root, design: DeckDesign, env: PlanEnv): PlannedSlide[] {
  switch (draft.kind) {
    case 'cover':
      return [fitCover(doc.meta, joinNotes(draft.notes), design)];
    case 'section':
      return [fitSection(draft, joinNotes(draft.notes), design)];
    case 'text':
      return reported(draft.title, fitChoice(chooseTextLayout(draft, design), design, env), env);
    case 'table':
      return reported(draft.title, fitTableSlides(draft, joinNotes(draft.notes), design, env), env);
    case 'chart':
      return [fitChart(draft, joinNotes(draft.notes), design, env)];
    case 'image': {
      const image = { src: draft.src, alt: draft.alt };
      if (!draft.beside) return [fitImage(image, draft, joinNotes(draft.notes), design, env)];
      const { paragraphs, notes } = splitEntries(draft.beside.entries);
      const content = {
        title: draft.beside.title,
        continued: draft.beside.continued,
        paragraphs,
        notes,
      };
      const two = fitTwo(content, image, design, env);
      if (two) return [two];
      // The text does not fit half the slide: it has its slides, the figure its own.
      return [
        ...reported(draft.title, fitText(content, 'text', design, env), env),
        fitImage(
          image,
          { title: draft.caption ?? draft.title, continued: draft.caption === undefined },
          '',
          design,
          env,
        ),
      ];
    }
    case 'closing':
      return [fitClosing(doc.meta, joinNotes(draft.notes), design)];
    default:
      return assertNever(draft);
  }
}

/** A text draft's slides in its chosen layout; cards, numbers and rows that cannot be set fall back to text. */
function fitChoice(choice: TextChoice, design: DeckDesign, env: PlanEnv): PlannedSlide[] {
  switch (choice.layout) {
    case 'text':
    case 'quote':
      return fitText(choice.content, choice.layout, design, env);
    case 'numbers':
    case 'cards':
    case 'rows': {
      const { content, items } = choice;
      return (
        fitItems(content, items, choice.layout, design, env) ??
        (choice.layout === 'numbers'
          ? fitItems(content, items, 'cards', design, env)
          : undefined) ??
        fitText(content, 'text', design, env)
      );
    }
    default:
      return assertNever(choice);
  }
}

/** Tells the author which content continues on more slides: something a reviewer would want to know. */
function reported(title: string, slides: PlannedSlide[], env: PlanEnv): PlannedSlide[] {
  const more = slides.filter((slide, index) => index > 0 && slide.continued).length;
  if (more > 0) {
    env.warn({
      code: 'CONTENT_SPLIT',
      message: `"${title}" continues on ${more} more slide${more > 1 ? 's' : ''}`,
      file: env.file,
    });
  }
  return slides;
}

/** The footnotes, numbered, in the notes of the last slide before the closing one. */
function withFootnotes(slides: PlannedSlide[], doc: Root): PlannedSlide[] {
  if (doc.footnotes.length === 0) return slides;
  const notes = doc.footnotes.map((f) => `[${f.number}] ${blockText(f.children)}`).join('\n');
  const at = Math.max(0, slides.length - 2);
  return slides.map((slide, index) =>
    index === at ? { ...slide, notes: joinNotes([slide.notes, notes]) } : slide,
  );
}

export type { PlanEnv } from './env.js';
