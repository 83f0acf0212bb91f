import { PLAIN } from '../../../inlineRuns.js';
import type { LayoutEnv, TextBase } from '../env.js';
import { shiftItems } from '../slices.js';
import { breakStyledLines, layoutTextBlock, type TextAlign } from '../text.js';
import type { PageItem } from '../types.js';

/** Chart text: the theme's sans at chart sizes. */
export interface LabelStyle {
  readonly size: number;
  readonly color: string;
  readonly bold?: boolean;
}

/** A label laid out: its items relative to its top-left corner, and its size. */
export interface Label {
  readonly items: PageItem[];
  readonly width: number;
  readonly height: number;
  readonly lines: number;
}

/** A rectangle that labels must not overlap. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Lays out and measures chart labels with the document's fonts (and their fallbacks). */
export class Labels {
  readonly #env: LayoutEnv;

  constructor(env: LayoutEnv) {
    this.#env = env;
  }

  /** The line height of a style. */
  leading(style: LabelStyle): number {
    return style.size * 1.2;
  }

  /** The width of text on one line. */
  width(text: string, style: LabelStyle): number {
    const lines = breakStyledLines(
      [{ text, style: PLAIN }],
      Number.POSITIVE_INFINITY,
      base(style),
      this.#env,
    );
    return Math.max(0, ...lines.map((line) => line.width));
  }

  /** Text wrapped to `width` and aligned in it, at (`x`, `y`) (its top-left corner). */
  block(
    text: string,
    style: LabelStyle,
    width: number,
    align: TextAlign,
    x: number,
    y: number,
  ): Label {
    const runs = [{ text, style: PLAIN }];
    const lines = breakStyledLines(runs, width, base(style), this.#env);
    const laid = layoutTextBlock(runs, width, base(style), this.#env, align);
    return {
      items: shiftItems(laid.items, x, y),
      width: Math.max(0, ...lines.map((line) => line.width)),
      height: laid.height,
      lines: lines.length,
    };
  }

  /** One line of text placed by an anchor: `x` is its left edge, centre or right edge as `align` says. */
  line(text: string, style: LabelStyle, x: number, y: number, align: TextAlign): Label {
    const width = this.width(text, style);
    const left = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
    // A little slack so that rounding never wraps a measured line.
    return this.block(text, style, width + 1, 'left', left, y);
  }
}

function base(style: LabelStyle): TextBase {
  return {
    role: 'sans',
    size: style.size,
    leading: style.size * 1.2,
    color: style.color,
    ...(style.bold ? { bold: true } : {}),
  };
}

/** Whether two boxes overlap (touching is fine). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
