import { sourceLine } from '../../../chart/describe.js';
import type { ChartSpec } from '../../../chart/spec.js';
import type { Box, PlannedSlide } from './types.js';

/** The height of the source line under a chart, in inches (10 pt text with its insets). */
const SOURCE_HEIGHT = 0.35;

/**
 * A chart's slide: the chart fills the content area, its title is the slide's title, and its source
 * line (when it has one) takes the foot of the content area; the notes are the section's, or else the
 * chart's alt text.
 */
export function chartSlide(spec: ChartSpec, title: string, body: Box, notes: string): PlannedSlide {
  const source = sourceLine(spec);
  const frame = source ? { ...body, h: body.h - SOURCE_HEIGHT - 0.05 } : body;
  // Without notes of its own, the presenter gets the chart's description: its values, to read out.
  return {
    kind: 'chart',
    title,
    body: frame,
    spec,
    source,
    notes: notes.trim() ? notes : spec.alt,
  };
}
