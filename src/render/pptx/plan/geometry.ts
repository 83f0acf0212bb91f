import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { Box } from './types.js';

/** The slide grid of LOOK.md: 0.5 in margins, a 1 in title area, a footer line. */
export interface Grid {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly title: Box;
  readonly body: Box;
  readonly footerY: number;
}

/** The grid for the theme's slide size. */
export function gridFor(theme: ResolvedTheme): Grid {
  const width = theme.deck.layout === '4x3' ? 10 : 13.333;
  const height = 7.5;
  const margin = 0.5;
  const title: Box = { x: margin, y: 0.35, w: width - 2 * margin, h: 1.0 };
  const bodyTop = title.y + title.h + 0.15;
  const footerY = height - 0.45;
  const body: Box = { x: margin, y: bodyTop, w: width - 2 * margin, h: footerY - 0.1 - bodyTop };
  return { width, height, margin, title, body, footerY };
}

/** Text frame insets pptxgenjs writes by default, in inches: left/right 0.1, top/bottom 0.05. */
export const INSET = { x: 0.1, y: 0.05 } as const;
