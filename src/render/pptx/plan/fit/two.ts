import { type DeckDesign, sizesDown, textStyle } from '../design.js';
import type { PlanEnv } from '../env.js';
import { joinNotes } from '../notes.js';
import type { PlannedSlide } from '../types.js';
import { figureShape } from './media.js';
import { fitSize, splitPages } from './paragraphs.js';
import { bodyCap, type TextContent } from './text.js';
import { fitSlideTitle } from './title.js';

/** The gap between the text and the figure, in inches. */
const GAP = 0.4;

/**
 * Text and a figure side by side (the two-content layout) when the text fits the left half on one
 * slide at a size the theme allows; undefined otherwise.
 */
export function fitTwo(
  content: TextContent,
  image: { readonly src: string; readonly alt: string },
  design: DeckDesign,
  env: PlanEnv,
): PlannedSlide | undefined {
  const titled = fitSlideTitle(content.title, content.continued, design, env);
  const { body } = titled;
  const half = (body.w - GAP) / 2;
  const left = { ...body, w: half };
  const right = { ...body, x: body.x + half + GAP, w: half };
  const fitted = fitSize(
    sizesDown(design.deck.bodySize, design.deck.minBodySize),
    (perPage) => bodyCap(design, perPage),
    (size) =>
      splitPages(
        content.paragraphs,
        left,
        textStyle(design, size),
        design.deck.maxBullets,
        env.theme,
      ),
  );
  const [page] = fitted.pages;
  if (fitted.pages.length !== 1 || !page) return undefined;
  return {
    layout: 'two',
    title: content.title,
    continued: content.continued,
    shapes: [
      ...titled.shapes,
      {
        kind: 'text',
        name: 'Body 1',
        box: left,
        style: textStyle(design, fitted.size),
        paragraphs: page.map((p) => p.p),
      },
      figureShape(image, right, design, env),
    ],
    notes: joinNotes([titled.notes ?? '', ...content.notes.map((n) => n.text)]),
  };
}
