import type { ChartSpec } from '../../chart/spec.js';
import { escapeXml } from '../../text/xmlChars.js';
import type { AnyFontKey, ResolvedTheme } from '../../theme/resolve.js';
import { drawChart } from '../pdf/layout/chart/index.js';
import { fix } from '../pdf/layout/chart/plot.js';
import type { LayoutEnv } from '../pdf/layout/env.js';
import { StructTree } from '../pdf/layout/struct.js';
import type { PageItem, TextItem } from '../pdf/layout/types.js';

/** How a font key is named in the SVG: a family list, a weight and a style. */
export interface SvgFont {
  readonly family: string;
  readonly weight: number;
  readonly italic: boolean;
}

/** Options of {@link chartSvg}. */
export interface ChartSvgOptions {
  readonly theme: ResolvedTheme;
  /** The document's language (BCP 47), for the fonts that set the labels. */
  readonly language: string;
  /** The drawing's width in points (the height follows from the chart). */
  readonly width: number;
  /** Names a font key for the SVG: the page's own font faces in HTML, installed families elsewhere. */
  readonly font: (key: AnyFontKey) => SvgFont;
  /** Makes the ids of the title and description unique in a page holding several charts. */
  readonly idPrefix: string;
  readonly warn?: LayoutEnv['warn'];
}

/** A chart as an SVG document, and what drew it. */
export interface ChartSvg {
  readonly svg: string;
  /** Its size in points. */
  readonly width: number;
  readonly height: number;
  /** The font keys its text is set in (an HTML page embeds them; a rasteriser loads them). */
  readonly fonts: ReadonlySet<AnyFontKey>;
}

/**
 * Draws a chart as SVG: the very drawing the brief places (the same scales, ticks, labels, palette and
 * measured text), serialised shape by shape, titled by the chart's title and described by its alt text,
 * with `role="img"` so that assistive technology reads it as one image.
 */
export function chartSvg(spec: ChartSpec, options: ChartSvgOptions): ChartSvg {
  const env: LayoutEnv = {
    theme: options.theme,
    images: new Map(),
    warn: options.warn ?? (() => undefined),
    file: undefined,
    struct: new StructTree(),
    language: options.language,
    hyphenate: undefined,
  };
  const { items, height } = drawChart(spec, options.width, env);
  const fonts = new Set<AnyFontKey>();
  const body = items
    .map((item) => {
      if (item.type === 'text') fonts.add(item.font);
      return shape(item, options.font);
    })
    .join('');
  const title = `${options.idPrefix}-title`;
  const desc = `${options.idPrefix}-desc`;
  const w = fix(options.width);
  const h = fix(height + 2);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}pt" height="${h}pt" role="img" aria-labelledby="${title} ${desc}">` +
    `<title id="${title}">${escapeXml(spec.title ?? 'Chart')}</title>` +
    `<desc id="${desc}">${escapeXml(spec.alt)}</desc>` +
    `<rect width="100%" height="100%" fill="${escapeXml(options.theme.colors.background)}"/>` +
    `${body}</svg>`;
  return { svg, width: options.width, height: height + 2, fonts };
}

/** One drawn item as an SVG element (links, anchors and images do not occur in charts). */
function shape(item: PageItem, font: (key: AnyFontKey) => SvgFont): string {
  switch (item.type) {
    case 'rect':
      return `<rect x="${fix(item.x)}" y="${fix(item.y)}" width="${fix(item.width)}" height="${fix(item.height)}" fill="${escapeXml(item.color)}"/>`;
    case 'line':
      return `<line x1="${fix(item.x1)}" y1="${fix(item.y1)}" x2="${fix(item.x2)}" y2="${fix(item.y2)}" stroke="${escapeXml(item.color)}" stroke-width="${fix(item.width)}"/>`;
    case 'path': {
      const fill = item.fill ? escapeXml(item.fill) : 'none';
      const opacity =
        item.fill && item.fillOpacity !== undefined
          ? ` fill-opacity="${fix(item.fillOpacity)}"`
          : '';
      const stroke = item.stroke
        ? ` stroke="${escapeXml(item.stroke)}" stroke-width="${fix(item.lineWidth ?? 1)}" stroke-linejoin="round"`
        : '';
      return `<path transform="translate(${fix(item.x)} ${fix(item.y)})" d="${escapeXml(item.d)}" fill="${fill}"${opacity}${stroke}/>`;
    }
    case 'text':
      return text(item, font(item.font));
    default:
      return '';
  }
}

/** A label: at its baseline, turned counter-clockwise about its start when the item is turned. */
function text(item: TextItem, font: SvgFont): string {
  const turn = item.rotate
    ? ` transform="rotate(${fix(-item.rotate)} ${fix(item.x)} ${fix(item.y)})"`
    : '';
  const style = `${font.italic ? ' font-style="italic"' : ''}${font.weight !== 400 ? ` font-weight="${font.weight}"` : ''}`;
  return `<text x="${fix(item.x)}" y="${fix(item.y)}" font-family="${escapeXml(font.family)}" font-size="${fix(item.size)}"${style} fill="${escapeXml(item.color)}"${turn} xml:space="preserve">${escapeXml(item.text)}</text>`;
}
