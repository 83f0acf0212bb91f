import type { Warning } from '../../../diagnostics/warnings.js';
import { type LoadedFont, loadFont, resolveFontPath } from '../../../text/fonts.js';
import { contrast, isDark, mix } from '../../../theme/colorMath.js';
import { METRIC_TWINS } from '../../../theme/defaults.js';
import type { FontVariant, ResolvedTheme } from '../../../theme/resolve.js';
import type { FontFamily } from '../../../theme/schema.js';
import type { Box } from '../plan/types.js';
import { bodies, mapLayouts } from './layouts.js';
import type { DeckTemplate, TemplatePlaceholder, TemplateScheme } from './read.js';

/**
 * The theme as a deck on a template sees it: the template's theme colours (accent 1 as the accent,
 * light 2 as its tint, dark 1 for text, light 1 for the background, accents 1–4 as the chart palette)
 * its sizes, and its body font for text (its heading font for slide titles, where that is another font
 * and can be measured). Text is measured with the theme's deck font files when they are that font's
 * (`fonts.deck` naming it), else with its metric twin (Carlito for Calibri…); a body font neither
 * measures is named in a warning, and measured with the theme's deck fonts.
 */
export function themeOnTemplate(
  theme: ResolvedTheme,
  template: DeckTemplate,
  warn: (warning: Omit<Warning, 'format'>) => void,
): ResolvedTheme {
  const colors = templateColors(theme, template);
  const deck = { ...theme.deck, ...templateSizes(theme, template) };
  // The theme of the master the content layout is on (a template may hold several).
  const { fonts: typefaces } = contentScheme(theme, template);
  const font = [typefaces.minor, typefaces.major].find((f) => f && !f.startsWith('+'));
  if (!font) return { ...theme, colors, deck };
  const families = { ...theme.families, deck: { ...theme.families.deck, name: font } };
  const measured = theme.families.deck.name;
  const body = measuring(font, theme);
  // Titles in the heading font where it is another and can be measured; else in the body font.
  const major = typefaces.major;
  const headingFaces =
    major && !major.startsWith('+') && major.toLowerCase() !== font.toLowerCase()
      ? measuring(major, theme)
      : undefined;
  const deckHeading = major && headingFaces ? { name: major, fonts: headingFaces } : undefined;
  const on = { ...theme, colors, deck, families, ...(deckHeading ? { deckHeading } : {}) };
  if (body)
    return {
      ...on,
      fonts: {
        ...theme.fonts,
        'deck-regular': body.regular,
        'deck-bold': body.bold,
        'deck-italic': body.italic,
        'deck-boldItalic': body.boldItalic,
      },
    };
  warn({
    code: 'TEMPLATE_FONT_UNMEASURED',
    message: `the deck template ${template.file} sets text in ${font}, measured here with the metrics of ${measured}: a wider font may overflow; give ${font}'s files as the theme's deck fonts (fonts.deck, named "${font}") to measure it`,
    file: template.file,
  });
  return on;
}

/**
 * The files that measure a font: the theme's deck files when they are that font's (the default's are
 * Arimo, named Arial), else its metric twin's; undefined when neither.
 */
function measuring(
  font: string,
  theme: ResolvedTheme,
): Record<FontVariant, LoadedFont> | undefined {
  if (font.toLowerCase() === theme.families.deck.name.toLowerCase())
    return {
      regular: theme.fonts['deck-regular'],
      bold: theme.fonts['deck-bold'],
      italic: theme.fonts['deck-italic'],
      boldItalic: theme.fonts['deck-boldItalic'],
    };
  const twin = METRIC_TWINS.find((t) => t.names.test(font));
  return twin ? twinFonts(twin.family) : undefined;
}

/**
 * The text sizes the template's layouts give, as the deck's largest sizes (the plan still sets text
 * smaller until it fits): the content layout's title and body, the title layout's title and subtitle,
 * the section layout's title. A size the theme sets itself stays; bodies step down by the theme's scale.
 */
function templateSizes(
  theme: ResolvedTheme,
  template: DeckTemplate,
): Partial<ResolvedTheme['deck']> {
  const choices = mapLayouts(template, theme.deck.layouts, () => undefined);
  const size = (kind: 'text' | 'title' | 'section', types: readonly string[]) => {
    const { layout, fallback } = choices[kind];
    const found = fallback
      ? undefined
      : layout.placeholders.find((p) => types.includes(p.type) && p.size !== undefined)?.size;
    return found === undefined ? undefined : Math.min(60, Math.max(12, found));
  };
  const given = theme.given.deck;
  const sizes: Partial<ResolvedTheme['deck']> = {};
  const title = size('text', ['title']);
  if (title !== undefined && given.titleSize === undefined) {
    sizes.titleSize = title;
    sizes.minTitleSize = Math.min(theme.deck.minTitleSize, title);
  }
  const body = size('text', ['body', 'obj']);
  if (body !== undefined && given.bodySize === undefined) {
    const scale = body / theme.deck.bodySize;
    const least = Math.min(theme.deck.minBodySize, body);
    sizes.bodySize = body;
    sizes.minBodySize = least;
    sizes.bodyScale = theme.deck.bodyScale.map((step) => ({
      items: step.items,
      size: Math.max(least, Math.round(step.size * scale)),
    }));
  }
  const cover = size('title', ['ctrTitle', 'title']);
  if (cover !== undefined && given.coverTitleSize === undefined) sizes.coverTitleSize = cover;
  const subtitle = size('title', ['subTitle', 'body', 'obj']);
  if (subtitle !== undefined && given.coverSubtitleSize === undefined)
    sizes.coverSubtitleSize = subtitle;
  const section = size('section', ['title']);
  if (section !== undefined && given.sectionTitleSize === undefined)
    sizes.sectionTitleSize = section;
  return sizes;
}

/**
 * The deck's colours from the template's scheme: accent 1 as the accent, light 2 as its tint, dark 1
 * for text on light 1, accents 1–4 as the chart palette. Where the content layout is dark, text is set
 * light on it, with tints, rules and muted text mixed from the two.
 */
function templateColors(theme: ResolvedTheme, template: DeckTemplate): ResolvedTheme['colors'] {
  const c = contentScheme(theme, template).colors;
  const palette = ['accent1', 'accent2', 'accent3', 'accent4'].flatMap((k) => (c[k] ? [c[k]] : []));
  const light = {
    ...theme.colors,
    ...(c.accent1 ? { accent: c.accent1, link: c.accent1 } : {}),
    ...(c.lt2 ? { accentTint: c.lt2, zebra: c.lt2 } : {}),
    ...(c.dk1 ? { text: c.dk1 } : {}),
    ...(c.lt1 ? { background: c.lt1 } : {}),
    ...(palette.length > 0 ? { palette } : {}),
  };
  const background = mapLayouts(template, theme.deck.layouts, () => undefined).text.layout
    .background;
  if (!background || !isDark(background)) return light;
  const text = c.lt1 ?? '#FFFFFF';
  // An accent that stands out on the dark layout (contrast 3:1, as large text needs): the scheme's
  // first such, else the text's colour.
  const accents = ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'].flatMap((k) =>
    c[k] ? [c[k]] : [],
  );
  const stands = (a: string) => contrast(a, background) >= 3;
  const accent = accents.find(stands) ?? text;
  return {
    ...light,
    text,
    background,
    accent,
    onAccent: c.dk1 ?? '#000000',
    // Charts and section numbers in the accents that stand out first.
    palette: [...accents.filter(stands), ...accents.filter((a) => !stands(a))].slice(0, 4),
    muted: mix(background, text, 0.7),
    rule: mix(background, text, 0.35),
    zebra: mix(background, text, 0.08),
    accentTint: mix(background, accent, 0.25),
    link: c.hlink && stands(c.hlink) ? c.hlink : text,
  };
}

/** The scheme of the content layout's master. */
function contentScheme(theme: ResolvedTheme, template: DeckTemplate): TemplateScheme {
  return mapLayouts(template, theme.deck.layouts, () => undefined).text.layout.scheme;
}

/** A metric twin's four faces; undefined where its package cannot be loaded. */
function twinFonts(family: FontFamily): Record<FontVariant, LoadedFont> | undefined {
  try {
    const load = (reference: string) => loadFont(resolveFontPath(reference, process.cwd()));
    return {
      regular: load(family.regular),
      bold: load(family.bold),
      italic: load(family.italic),
      boldItalic: load(family.boldItalic),
    };
  } catch {
    return undefined;
  }
}

/** A placeholder's box and alignment, for a frame planned into it. */
export interface TemplateSlot {
  readonly box: Box;
  readonly align: 'left' | 'center' | 'right';
}

/** The kinds of slide whose text the plan places by their layout's title and subtitle placeholders. */
export type StandaloneKind = 'title' | 'section' | 'closing';

/** What the plan reads of a template: its grid, and the title, section and closing layouts' slots. */
export interface TemplateGrid {
  readonly width: number;
  readonly height: number;
  readonly title: Box | undefined;
  readonly body: Box | undefined;
  /** The backgrounds of the title, section and closing layouts (not of a fallback). */
  readonly backgrounds: Partial<Record<StandaloneKind, string>>;
  /** Their masters' colour schemes (not of a fallback). */
  readonly schemes: Partial<Record<StandaloneKind, Readonly<Record<string, string>>>>;
  /** Their title and subtitle (or only text) placeholders (not of a fallback). */
  readonly slots: Partial<
    Record<
      StandaloneKind,
      { title?: TemplateSlot | undefined; subtitle?: TemplateSlot | undefined }
    >
  >;
}

/**
 * The template's grid: its slide size, the title and content boxes of its content layout (the one
 * text slides take), so that planned frames are the placeholders' boxes; and the backgrounds and the
 * title and subtitle placeholders of its title, section and closing layouts, where their text goes.
 */
export function templateGrid(
  template: DeckTemplate,
  explicit: ResolvedTheme['deck']['layouts'],
): TemplateGrid {
  const choices = mapLayouts(template, explicit, () => undefined);
  const { layout } = choices.text;
  const backgrounds: TemplateGrid['backgrounds'] = {};
  const schemes: TemplateGrid['schemes'] = {};
  const slots: TemplateGrid['slots'] = {};
  for (const kind of ['title', 'section', 'closing'] as const) {
    const { layout: own, fallback } = choices[kind];
    if (fallback) continue;
    if (own.background) backgrounds[kind] = own.background;
    schemes[kind] = own.scheme.colors;
    // A placeholder's box as far as it lies on the slide (none where too little does).
    const slot = (p: TemplatePlaceholder | undefined): TemplateSlot | undefined => {
      if (!p?.box) return undefined;
      const x = Math.max(0, p.box.x);
      const y = Math.max(0, p.box.y);
      const w = Math.min(template.width, p.box.x + p.box.w) - x;
      const h = Math.min(template.height, p.box.y + p.box.h) - y;
      return w >= 1 && h >= 0.3 ? { box: { x, y, w, h }, align: p.align ?? 'left' } : undefined;
    };
    const texts = bodies(own);
    slots[kind] = {
      title: slot(own.placeholders.find((p) => p.type === 'title' || p.type === 'ctrTitle')),
      subtitle: slot(
        own.placeholders.find((p) => p.type === 'subTitle') ??
          (texts.length === 1 ? texts[0] : undefined),
      ),
    };
  }
  const box = (types: readonly string[]) =>
    layout.placeholders.find((p) => types.includes(p.type) && p.box !== undefined)?.box;
  return {
    width: template.width,
    height: template.height,
    title: box(['title', 'ctrTitle']),
    body: box(['body', 'obj']),
    backgrounds,
    schemes,
    slots,
  };
}
