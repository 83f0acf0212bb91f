import { sourceLine } from '../../../../chart/describe.js';
import type { ChartSpec } from '../../../../chart/spec.js';
import { type DeckDesign, textStyle } from '../design.js';
import type { PlanEnv } from '../env.js';
import { plainParagraph } from '../measure.js';
import { joinNotes } from '../notes.js';
import type { Box, PlannedSlide, SlideShape } from '../types.js';
import { SOURCE_HEIGHT } from './table.js';
import { fitSlideTitle } from './title.js';

/**
 * A chart's slide: the chart as large as the content area allows, its title as the slide's title, its
 * source line under it; the notes are the section's, or else the chart's description (its values, to
 * read out).
 */
export function fitChart(
  chart: { readonly spec: ChartSpec; readonly title: string; readonly continued: boolean },
  notes: string,
  design: DeckDesign,
  env: PlanEnv,
): PlannedSlide {
  const { spec, title, continued } = chart;
  const titled = fitSlideTitle(title, continued, design, env);
  const { body } = titled;
  const source = sourceLine(spec);
  const frame = source ? { ...body, h: body.h - SOURCE_HEIGHT - 0.05 } : body;
  return {
    layout: 'chart',
    title,
    continued,
    shapes: [
      ...titled.shapes,
      {
        kind: 'chart',
        box: frame,
        spec,
        labelSize: design.deck.chartLabelSize,
        valueSize: design.deck.chartValueSize,
      },
      ...(source ? [sourceShape(source, frame, design)] : []),
    ],
    notes: joinNotes([titled.notes ?? '', notes.trim() ? notes : spec.alt]),
  };
}

/** An image's slide: the figure as large as the content area allows, centred, its caption as the title. */
export function fitImage(
  image: { readonly src: string; readonly alt: string },
  slide: { readonly title: string; readonly continued: boolean },
  notes: string,
  design: DeckDesign,
  env: PlanEnv,
): PlannedSlide {
  const { title, continued } = slide;
  const titled = fitSlideTitle(title, continued, design, env);
  return {
    layout: 'image',
    title,
    continued,
    shapes: [...titled.shapes, figureShape(image, titled.body, design, env)],
    notes: joinNotes([titled.notes ?? '', notes]),
  };
}

/**
 * An image scaled into a frame, keeping its proportions, centred across and from the top; its alt text in
 * the frame when it could not be read.
 */
export function figureShape(
  image: { readonly src: string; readonly alt: string },
  box: Box,
  design: DeckDesign,
  env: PlanEnv,
): SlideShape {
  const size = env.imageSize?.(image.src);
  if (!size || size.width <= 0 || size.height <= 0) {
    return {
      kind: 'text',
      box,
      style: textStyle(design, design.deck.minBodySize, { color: design.colors.muted }),
      paragraphs: [plainParagraph(`[Image: ${image.alt}]`)],
    };
  }
  const scale = Math.min(box.w / size.width, box.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  return {
    kind: 'image',
    box: { x: box.x + (box.w - w) / 2, y: box.y, w, h },
    src: image.src,
    alt: image.alt,
  };
}

function sourceShape(source: string, above: Box, design: DeckDesign): SlideShape {
  return {
    kind: 'text',
    box: { x: above.x, y: above.y + above.h + 0.05, w: above.w, h: SOURCE_HEIGHT },
    style: textStyle(design, design.deck.smallSize, { color: design.colors.muted, gap: 0 }),
    paragraphs: [plainParagraph(source)],
  };
}
