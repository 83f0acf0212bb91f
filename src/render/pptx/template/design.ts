import type { Warning } from '../../../diagnostics/warnings.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { Box } from '../plan/types.js';
import { mapLayouts } from './layouts.js';
import type { DeckTemplate } from './read.js';

/** Fonts measured exactly by the deck's metric font (Arimo has Arial's metrics). */
const ARIAL_METRICS = /^(arial|arimo|helvetica|liberation sans)$/i;

/**
 * The theme as a deck on a template sees it: the template's theme colours (accent 1 as the accent,
 * light 2 as its tint, dark 1 for text, light 1 for the background, accents 1–4 as the chart palette)
 * and its body font for every text. Text is measured with the theme's deck font files; a template font
 * that those do not measure is named in a warning.
 */
export function themeOnTemplate(
  theme: ResolvedTheme,
  template: DeckTemplate,
  warn: (warning: Omit<Warning, 'format'>) => void,
): ResolvedTheme {
  const c = template.colors;
  const palette = ['accent1', 'accent2', 'accent3', 'accent4'].flatMap((k) => (c[k] ? [c[k]] : []));
  const colors = {
    ...theme.colors,
    ...(c.accent1 ? { accent: c.accent1, link: c.accent1 } : {}),
    ...(c.lt2 ? { accentTint: c.lt2, zebra: c.lt2 } : {}),
    ...(c.dk1 ? { text: c.dk1 } : {}),
    ...(c.lt1 ? { background: c.lt1 } : {}),
    ...(palette.length > 0 ? { palette } : {}),
  };
  const font = [template.fonts.minor, template.fonts.major].find((f) => f && !f.startsWith('+'));
  if (!font) return { ...theme, colors };
  const measured = theme.families.deck.name;
  if (
    font.toLowerCase() !== measured.toLowerCase() &&
    !(ARIAL_METRICS.test(font) && ARIAL_METRICS.test(measured))
  )
    warn({
      code: 'TEMPLATE_FONT_UNMEASURED',
      message: `the deck template ${template.file} sets text in ${font}, measured here with the metrics of ${measured}: a wider font may overflow; give ${font}'s files as the theme's deck fonts (fonts.deck) to measure it`,
      file: template.file,
    });
  return {
    ...theme,
    colors,
    families: { ...theme.families, deck: { ...theme.families.deck, name: font } },
  };
}

/**
 * The template's grid: its slide size, the title and content boxes of its content layout (the one
 * text slides take), so that planned frames are the placeholders' boxes.
 */
export function templateGrid(
  template: DeckTemplate,
  explicit: ResolvedTheme['deck']['layouts'],
): { width: number; height: number; title: Box | undefined; body: Box | undefined } {
  const { layout } = mapLayouts(template, explicit, () => undefined).text;
  const box = (types: readonly string[]) =>
    layout.placeholders.find((p) => types.includes(p.type) && p.box !== undefined)?.box;
  return {
    width: template.width,
    height: template.height,
    title: box(['title', 'ctrTitle']),
    body: box(['body', 'obj']),
  };
}
