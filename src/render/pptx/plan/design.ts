import { isDark } from '../../../theme/colorMath.js';
import { continuedLabel } from '../../../theme/labels.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import { type StandaloneKind, type TemplateGrid, templateGrid } from '../template/design.js';
import type { Box, TextStyle } from './types.js';

/** The slide grid of LOOK.md, in inches: margins, the title area, the content area, the footer line. */
export interface Grid {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  /** The title area of a one-line title; a two- or three-line title takes `tallTitle` instead. */
  readonly title: Box;
  readonly tallTitle: number;
  /** Space between the title area and the content area. */
  readonly titleGap: number;
  /** The top of the footer line: content ends above it. */
  readonly footerY: number;
}

/** Text frame insets pptxgenjs writes by default, in inches: left and right 0.1, top and bottom 0.05. */
export const INSET = { x: 0.1, y: 0.05 } as const;

/** Room kept free at the foot of every frame, in inches, so that nothing touches its edge. */
export const SAFETY = 0.1;

/** Everything planning reads, resolved once from the theme: the grid, the sizes, the colours, the label. */
export interface DeckDesign {
  readonly grid: Grid;
  readonly deck: ResolvedTheme['deck'];
  readonly colors: ResolvedTheme['colors'];
  /** The theme, for measuring text with its deck fonts. */
  readonly theme: ResolvedTheme;
  /** What a continued slide's title ends with. */
  readonly continued: string;
  /** The colours of text on the title, section and closing slides, for their backgrounds. */
  readonly ink: Readonly<Record<StandaloneKind, Ink>>;
  /** On a template: where its title, section and closing layouts put a title and a subtitle. */
  readonly slots: TemplateGrid['slots'];
  /** Slide titles: the theme that measures them, and their typeface when it is not the deck's. */
  readonly heading: { readonly theme: ResolvedTheme; readonly face: string | undefined };
}

/** Text colours for a background: titles in `strong`, the rest in `soft`. */
export interface Ink {
  readonly strong: string;
  readonly soft: string;
}

/** Resolves the deck's design from the theme and the document's language. */
export function deckDesign(theme: ResolvedTheme, language: string): DeckDesign {
  const template = theme.deckTemplate
    ? templateGrid(theme.deckTemplate, theme.deck.layouts)
    : undefined;
  const grid = template
    ? gridOfTemplate(template)
    : defaultGrid(theme.deck.layout === '4x3' ? 10 : 13.333, 7.5);
  const { colors } = theme;
  // Without a template: the title and closing slides on the accent, the section slide on its tint. On
  // a template's layouts: light text on a dark background, the accent and text colour on a light one.
  const own: DeckDesign['ink'] = {
    title: { strong: colors.onAccent, soft: colors.accentTint },
    section: { strong: colors.accent, soft: colors.text },
    closing: { strong: colors.onAccent, soft: colors.accentTint },
  };
  // The template's own light and dark colours (not the content's, which a dark layout turns round).
  const on = (kind: StandaloneKind, fallback: Ink): Ink => {
    const background = template?.backgrounds[kind];
    const scheme = template?.schemes[kind] ?? {};
    return background === undefined
      ? fallback
      : isDark(background)
        ? { strong: scheme.lt1 ?? '#FFFFFF', soft: scheme.lt2 ?? scheme.lt1 ?? '#FFFFFF' }
        : { strong: scheme.accent1 ?? colors.accent, soft: scheme.dk1 ?? colors.text };
  };
  return {
    grid,
    deck: theme.deck,
    colors,
    theme,
    continued: continuedLabel(theme, language),
    slots: template?.slots ?? {},
    heading: headingOf(theme),
    ink: {
      title: on('title', own.title),
      section: on('section', own.section),
      closing: on('closing', own.closing),
    },
  };
}

/** The theme that measures titles: the deck's, with a template's heading font where it has one. */
function headingOf(theme: ResolvedTheme): DeckDesign['heading'] {
  const heading = theme.deckHeading;
  if (!heading) return { theme, face: undefined };
  const { fonts } = heading;
  return {
    theme: {
      ...theme,
      fonts: {
        ...theme.fonts,
        'deck-regular': fonts.regular,
        'deck-bold': fonts.bold,
        'deck-italic': fonts.italic,
        'deck-boldItalic': fonts.boldItalic,
      },
    },
    face: heading.name,
  };
}

/** LOOK.md's grid on a slide of a size: half-inch margins, the title at the top, a footer line. */
function defaultGrid(width: number, height: number): Grid {
  const margin = 0.5;
  return {
    width,
    height,
    margin,
    title: { x: margin, y: 0.35, w: width - 2 * margin, h: 1.0 },
    tallTitle: 1.4,
    titleGap: 0.2,
    footerY: height - 0.45,
  };
}

/**
 * A template's grid: its slide size, its content layout's title box as the title area and its body's
 * left edge and foot as the content area's (LOOK.md's where the layout does not place them).
 */
function gridOfTemplate(template: TemplateGrid): Grid {
  const base = defaultGrid(template.width, template.height);
  // A title in the slide's upper part, and a body below it that ends on the slide; else LOOK.md's
  // (a layout with its body above its title would leave the content no room).
  const onSlide = (b: Box) =>
    b.x >= 0 && b.y >= 0 && b.x + b.w <= template.width + 0.01 && b.w >= 1 && b.h >= 0.3;
  const title =
    template.title &&
    onSlide(template.title) &&
    template.title.y + template.title.h <= template.height * 0.45
      ? template.title
      : base.title;
  const body =
    template.body &&
    onSlide(template.body) &&
    template.body.y >= title.y + title.h / 2 &&
    template.body.y + template.body.h <= template.height + 0.01 &&
    template.body.h >= 1
      ? template.body
      : undefined;
  const margin = Math.max(0.2, Math.min(body?.x ?? title.x, title.x));
  return {
    ...base,
    margin,
    title,
    tallTitle: Math.max(title.h, Math.min(1.4, (body?.y ?? title.y + 1.4) - title.y)),
    titleGap: body ? Math.max(0.05, body.y - (title.y + title.h)) : base.titleGap,
    footerY: body ? Math.min(template.height - 0.1, body.y + body.h + 0.1) : base.footerY,
  };
}

/** The content area under a title area of a height. */
export function contentBox(grid: Grid, titleHeight: number): Box {
  const top = grid.title.y + titleHeight + grid.titleGap;
  return { x: grid.margin, y: top, w: grid.width - 2 * grid.margin, h: grid.footerY - 0.1 - top };
}

/** A text style of the deck: its level step and gap, in a colour, at a size. */
export function textStyle(
  design: DeckDesign,
  size: number,
  overrides: Partial<TextStyle> = {},
): TextStyle {
  return {
    size,
    levelStep: design.deck.levelStep,
    color: design.colors.text,
    markerColor: design.colors.accent,
    bold: false,
    align: 'left',
    valign: 'top',
    gap: design.deck.paragraphGap,
    ...overrides,
  };
}

/**
 * Sizes from `from` down to `to`, both ends included: in steps of `step`, or in about sixteen equal steps
 * when the range is wider (a theme's 400 pt body), so that fitting tries a bounded number of sizes.
 */
export function sizesDown(from: number, to: number, step = 2): number[] {
  const stride = Math.max(step, Math.ceil((from - to) / 16));
  const sizes: number[] = [];
  for (let size = from; size > to; size -= stride) sizes.push(size);
  sizes.push(Math.min(from, to));
  return sizes;
}
