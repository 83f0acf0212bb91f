import { attribute, element, elements, startTag } from './xml.js';

/* A template's colours: its themes' schemes, and colours as masters and layouts name them. */

/** A theme's colours by scheme name (`dk1`, `lt1`, `accent1`…, as #RRGGBB) and its two typefaces. */
export interface TemplateScheme {
  readonly colors: Readonly<Record<string, string>>;
  readonly fonts: { readonly major: string; readonly minor: string };
}

/** A theme part's colour scheme and fonts. */
export function themeScheme(theme: string): TemplateScheme {
  const font = (scheme: string) =>
    attribute(startTag(element(theme, scheme) ?? '', 'a:latin'), 'typeface') ?? '';
  return {
    colors: schemeColors(theme),
    fonts: { major: font('a:majorFont'), minor: font('a:minorFont') },
  };
}

/**
 * Reads the first colour in a piece of DrawingML: an RGB value, or a scheme colour (`bg1`, `tx2`,
 * `accent1`…) through the master's colour map to the theme's.
 */
export function colorIn(
  colors: Readonly<Record<string, string>>,
  master: string,
): (xml: string | undefined) => string | undefined {
  const map = startTag(master, 'p:clrMap');
  const scheme = (name: string) => (Object.hasOwn(colors, name) ? colors[name] : undefined);
  return (xml) => {
    if (!xml) return undefined;
    const rgb = attribute(startTag(xml, 'a:srgbClr'), 'val');
    const named = attribute(startTag(xml, 'a:schemeClr'), 'val');
    const system = attribute(startTag(xml, 'a:sysClr'), 'lastClr');
    // The first of the three in the piece.
    const first = ['<a:srgbClr', '<a:schemeClr', '<a:sysClr']
      .map((tag) => ({ tag, at: xml.indexOf(tag) }))
      .filter((c) => c.at >= 0)
      .sort((a, b) => a.at - b.at)[0]?.tag;
    if (first === '<a:srgbClr') return hex(rgb);
    if (first === '<a:sysClr') return hex(system);
    if (first !== '<a:schemeClr' || !named) return undefined;
    return scheme(attribute(map, named) ?? named);
  };
}

/** #RRGGBB of a six-digit hex value, else undefined. */
function hex(value: string | undefined): string | undefined {
  return value && /^[0-9A-Fa-f]{6}$/.test(value) ? `#${value.toUpperCase()}` : undefined;
}

/** The fill of a shape (not a placeholder) that covers most of a slide of an area (in EMU²), if any. */
export function coveringFill(
  xml: string,
  area: number,
  color: (xml: string | undefined) => string | undefined,
): string | undefined {
  for (const shape of elements(xml, 'p:sp')) {
    if (shape.includes('<p:ph')) continue;
    const ext = startTag(element(shape, 'a:xfrm') ?? '', 'a:ext');
    const w = Number(attribute(ext, 'cx') ?? 0);
    const h = Number(attribute(ext, 'cy') ?? 0);
    if (!(w * h >= 0.6 * area)) continue;
    const found = color(element(element(shape, 'p:spPr') ?? '', 'a:solidFill'));
    if (found) return found;
  }
  return undefined;
}

/** The theme's colour scheme: `srgbClr` values, and `sysClr` by their last colour. */
function schemeColors(theme: string): Record<string, string> {
  const scheme = element(theme, 'a:clrScheme') ?? '';
  const colors: Record<string, string> = {};
  for (const name of [
    'dk1',
    'lt1',
    'dk2',
    'lt2',
    'accent1',
    'accent2',
    'accent3',
    'accent4',
    'accent5',
    'accent6',
    'hlink',
    'folHlink',
  ]) {
    const entry = element(scheme, `a:${name}`);
    if (!entry) continue;
    const value =
      hex(attribute(startTag(entry, 'a:srgbClr'), 'val')) ??
      hex(attribute(startTag(entry, 'a:sysClr'), 'lastClr'));
    if (value) colors[name] = value;
  }
  return colors;
}
