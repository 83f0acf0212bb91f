import { shownDate } from '../../../tree/dates.js';
import type { Root } from '../../../tree/types.js';
import { PLAIN } from '../../inlineRuns.js';
import { INSET } from './geometry.js';
import type { PlanEnv } from './index.js';
import { breakSlideLines, LINE_PITCH } from './measure.js';
import type { Box, PlannedSlide } from './types.js';

/** Sets a slide title's size so that it fits the title frame: from the theme's size down to 18 pt, then cut. */
export function fitTitle(slide: PlannedSlide, box: Box, env: PlanEnv): PlannedSlide {
  if (slide.kind === 'title' || slide.kind === 'section' || slide.kind === 'closing') return slide;
  const { theme } = env;
  const runs = (text: string) => [{ text, style: { ...PLAIN, bold: true } }];
  const width = box.w - 2 * INSET.x;
  const height = (box.h - 2 * INSET.y) * 72;
  for (let size = theme.deck.titleSize; size >= MIN_TITLE_SIZE; size -= 2) {
    if (
      breakSlideLines(runs(slide.title), width, size, theme).length * size * LINE_PITCH <=
      height
    ) {
      return size === theme.deck.titleSize ? slide : { ...slide, titleSize: size };
    }
  }
  const lines = Math.floor(height / (MIN_TITLE_SIZE * LINE_PITCH));
  const kept = breakSlideLines(runs(slide.title), width - 0.3, MIN_TITLE_SIZE, theme).slice(
    0,
    lines,
  );
  const title = `${kept.map((line) => line.segments.map((s) => s.text).join('')).join(' ')}…`;
  env.warn({
    code: 'CONTENT_SPLIT',
    message: `slide title "${slide.title.slice(0, 40)}…" is too long for a slide; it is cut and given in full in the notes`,
    file: env.file,
  });
  return {
    ...slide,
    title,
    titleSize: MIN_TITLE_SIZE,
    notes: [slide.title, slide.notes].filter(Boolean).join('\n\n'),
  };
}

const MIN_TITLE_SIZE = 18;

/** The title slide from the metadata: title, subtitle, authors, organization and date, classification. */
export function titleSlide(doc: Root): PlannedSlide {
  const { meta } = doc;
  const authors = meta.authors
    .map((a) => (a.affiliation ? `${a.name}, ${a.affiliation}` : a.name))
    .join(' · ');
  const lines = [
    authors,
    [meta.organization, shownDate(meta)].filter(Boolean).join(' · '),
    meta.classification?.toUpperCase() ?? '',
  ].filter(Boolean);
  return { kind: 'title', title: meta.title, subtitle: meta.subtitle, lines, notes: '' };
}
