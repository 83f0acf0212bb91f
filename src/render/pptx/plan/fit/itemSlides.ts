import type { DeckDesign } from '../design.js';
import type { PlanEnv } from '../env.js';
import { joinNotes, notesPerPage } from '../notes.js';
import type { Box, PlannedSlide, SlideShape } from '../types.js';
import { layCards } from './cards.js';
import type { Item } from './items.js';
import { layNumbers } from './numbers.js';
import { fitRows } from './rows.js';
import type { TextContent } from './text.js';
import { fitSlideTitle } from './title.js';

/** Items laid out on pages: the shapes of each page and which items (by index) it holds. */
interface Laid {
  readonly pages: readonly (readonly { source: number }[])[];
  readonly shapes: readonly SlideShape[][];
}

/**
 * Slides of items as cards, big numbers or numbered rows, continued on more slides when they do not fit
 * one; undefined when the items cannot be set so (the caller sets them as text).
 */
export function fitItems(
  content: TextContent,
  items: readonly Item[],
  layout: 'cards' | 'numbers' | 'rows',
  design: DeckDesign,
  env: PlanEnv,
): PlannedSlide[] | undefined {
  const first = fitSlideTitle(content.title, content.continued, design, env);
  const later = fitSlideTitle(content.title, true, design, env);
  const body: Box = { ...first.body, h: Math.min(first.body.h, later.body.h) };
  const laid = layItems(items, layout, body, design);
  if (!laid) return undefined;
  const notes = notesPerPage(content.notes, laid.pages);
  return laid.shapes.map((shapes, index) => {
    const title = index === 0 ? first : later;
    // The content area may start lower under a continued slide's longer title.
    const shift = title.body.y - body.y;
    return {
      layout,
      title: content.title,
      continued: content.continued || index > 0,
      shapes: [...title.shapes, ...shapes.map((shape) => moved(shape, shift))],
      notes: joinNotes([title.notes ?? '', notes[index] ?? '']),
    };
  });
}

function layItems(
  items: readonly Item[],
  layout: 'cards' | 'numbers' | 'rows',
  body: Box,
  design: DeckDesign,
): Laid | undefined {
  if (layout === 'rows') return fitRows(items, body, design);
  const lay = layout === 'cards' ? layCards : layNumbers;
  const most = layout === 'cards' ? design.deck.maxCards : 3;
  // The fewest pages on which every page's items fit, spread evenly (five cards as three and two).
  for (let count = Math.ceil(items.length / most); count <= items.length; count++) {
    const per = Math.ceil(items.length / count);
    const pages: { source: number }[][] = [];
    for (let start = 0; start < items.length; start += per)
      pages.push(items.slice(start, start + per).map((_, i) => ({ source: start + i })));
    const shapes = pages.map((page) =>
      lay(
        page.map((p) => items[p.source]).filter((item): item is Item => item !== undefined),
        body,
        design,
      ),
    );
    if (shapes.every((s): s is SlideShape[] => s !== undefined)) return { pages, shapes };
  }
  return undefined;
}

function moved(shape: SlideShape, dy: number): SlideShape {
  return dy === 0 ? shape : { ...shape, box: { ...shape.box, y: shape.box.y + dy } };
}
