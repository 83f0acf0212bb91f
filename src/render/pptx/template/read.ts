import { decodeXML as decode } from 'entities';
import { strFromU8, unzipSync } from 'fflate';
import { BriefwrightError } from '../../../diagnostics/errors.js';

/** EMUs in an inch. */
const EMU = 914400;

/** A box on a slide, in inches. */
export interface TemplateBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A placeholder of a layout: its type (`title`, `body`, `ctrTitle`, `subTitle`, `dt`, `ftr`, `sldNum`, `pic`…), index and box. */
export interface TemplatePlaceholder {
  readonly type: string;
  readonly idx: number | undefined;
  readonly name: string;
  /** Undefined when neither the layout nor its master places it. */
  readonly box: TemplateBox | undefined;
  /** How its first level is aligned (its own list style's, else its master's); undefined when neither says. */
  readonly align: 'left' | 'center' | 'right' | undefined;
  /** Its first level's text size in points: its own, else its master's placeholder's or text style's. */
  readonly size: number | undefined;
}

/** A slide layout of the template, by its name as PowerPoint shows it. */
export interface TemplateLayout {
  readonly name: string;
  /** Its part, such as `ppt/slideLayouts/slideLayout2.xml`. */
  readonly part: string;
  readonly placeholders: readonly TemplatePlaceholder[];
  /**
   * The colour text is set on (#RRGGBB): a rectangle over most of the layout, else its background,
   * else its master's; undefined where none is a plain colour (a picture, a gradient's first stop is taken).
   */
  readonly background: string | undefined;
}

/** What a deck template holds that a deck is built on. */
export interface DeckTemplate {
  readonly file: string;
  /** The slide size in inches. */
  readonly width: number;
  readonly height: number;
  readonly layouts: readonly TemplateLayout[];
  /** The theme's heading and body typefaces (`+mj-lt`, `+mn-lt`). */
  readonly fonts: { readonly major: string; readonly minor: string };
  /** The theme's colours by scheme name (`dk1`, `lt1`, `accent1`…), as #RRGGBB. */
  readonly colors: Readonly<Record<string, string>>;
  /** Every part of the package, to build the deck on. */
  readonly parts: Readonly<Record<string, Uint8Array>>;
}

/** The first bytes of an OLE compound file: an encrypted (password-protected) Office file, or a legacy .ppt/.pot. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads a PowerPoint template (.potx, or a .pptx used as one): its slide size, its layouts with their
 * placeholders (boxes inherited from the master where the layout does not place them), and its theme's
 * fonts and colours. A file that is not such a package, or is encrypted, is `THEME_INVALID` naming it.
 */
export function readDeckTemplate(bytes: Uint8Array, file: string): DeckTemplate {
  const invalid = (why: string, hint: string) =>
    new BriefwrightError('THEME_INVALID', `the deck template ${file} ${why}`, { file, hint });
  if (COMPOUND_FILE.every((b, i) => bytes[i] === b))
    throw invalid(
      'is encrypted or is a legacy .ppt/.pot file',
      'save it in PowerPoint without a password, as a .potx or .pptx',
    );
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    throw invalid(
      'is not a PowerPoint template (not a .potx or .pptx package)',
      'give a .potx or .pptx file',
    );
  }
  const text = (name: string) => {
    const data = parts[name];
    return data ? strFromU8(data) : undefined;
  };
  const presentation = text('ppt/presentation.xml');
  if (!presentation)
    throw invalid(
      'has no presentation part (ppt/presentation.xml)',
      'give a .potx or .pptx file saved by PowerPoint, LibreOffice or Keynote',
    );
  const size = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(presentation);
  const width = Number(size?.[1] ?? 12192000) / EMU;
  const height = Number(size?.[2] ?? 6858000) / EMU;
  const layoutNames = Object.keys(parts)
    .filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name))
    .sort((a, b) => layoutNumber(a) - layoutNumber(b));
  if (layoutNames.length === 0)
    throw invalid('has no slide layouts', 'give a template with at least one slide layout');
  const themeName = Object.keys(parts).find((name) => /^ppt\/theme\/theme\d+\.xml$/.test(name));
  const theme = themeName ? (text(themeName) ?? '') : '';
  const colors = schemeColors(theme);
  const layouts = layoutNames.map((part) => {
    const xml = text(part) ?? '';
    const master = masterOf(part, text);
    const own = placeholders(xml);
    const inherited = master ? placeholders(master) : [];
    const styles = master ? textStyleSizes(master) : { title: undefined, body: undefined };
    const color = colorIn(colors, master ?? '');
    return {
      name: decode(/<p:cSld\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? ''),
      part,
      placeholders: own.map((ph) => {
        const slot = inherited.find((m) => sameSlot(m, ph));
        const styled = /title|ctrTitle/.test(ph.type) ? styles.title : styles.body;
        return {
          ...ph,
          box: ph.box ?? slot?.box,
          align: ph.align ?? slot?.align,
          size: ph.size ?? slot?.size ?? styled,
        };
      }),
      background:
        coveringFill(xml, width * EMU * height * EMU, color) ??
        color(/<p:bg>([\s\S]*?)<\/p:bg>/.exec(xml)?.[1]) ??
        (master ? coveringFill(master, width * EMU * height * EMU, color) : undefined) ??
        color(/<p:bg>([\s\S]*?)<\/p:bg>/.exec(master ?? '')?.[1]),
    };
  });
  return {
    file,
    width,
    height,
    layouts,
    fonts: {
      major: decode(/<a:majorFont>\s*<a:latin typeface="([^"]*)"/.exec(theme)?.[1] ?? ''),
      minor: decode(/<a:minorFont>\s*<a:latin typeface="([^"]*)"/.exec(theme)?.[1] ?? ''),
    },
    colors,
    parts,
  };
}

function layoutNumber(part: string): number {
  return Number(/(\d+)\.xml$/.exec(part)?.[1] ?? 0);
}

/** The XML of the master a layout is based on (through the layout's relationships). */
function masterOf(part: string, text: (name: string) => string | undefined): string | undefined {
  const rels = text(part.replace(/([^/]+)$/, '_rels/$1.rels')) ?? '';
  const target =
    /Type="[^"]*\/slideMaster"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/slideMaster"/.exec(
      rels,
    );
  const path = target?.[1] ?? target?.[2];
  return path ? text(`ppt/slideMasters/${path.split('/').pop()}`) : undefined;
}

/** The placeholders of a layout or master, in order. */
function placeholders(xml: string): TemplatePlaceholder[] {
  const found: TemplatePlaceholder[] = [];
  for (const [shape] of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
    const ph = /<p:ph\b([^>]*)\/?>/.exec(shape);
    if (!ph) continue;
    const attributes = ph[1] ?? '';
    // A placeholder without a type holds any content (`obj`), as PowerPoint's content placeholders do.
    const type = /\btype="([^"]+)"/.exec(attributes)?.[1] ?? 'obj';
    const idx = /\bidx="(\d+)"/.exec(attributes)?.[1];
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(shape);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape);
    const algn = /<a:lvl1pPr\b[^>]*\balgn="(\w+)"/.exec(shape)?.[1];
    const size =
      /<a:lvl1pPr\b[^>]*>(?:(?!<\/a:lvl1pPr>)[\s\S])*?<a:defRPr\b[^>]*\bsz="(\d+)"/.exec(
        shape,
      )?.[1] ?? /<a:(?:rPr|endParaRPr)\b[^>]*\bsz="(\d+)"/.exec(shape)?.[1];
    found.push({
      type,
      idx: idx === undefined ? undefined : Number(idx),
      align: algn === 'ctr' ? 'center' : algn === 'r' ? 'right' : algn === 'l' ? 'left' : undefined,
      size: size === undefined ? undefined : Number(size) / 100,
      name: decode(/<p:cNvPr\b[^>]*\bname="([^"]*)"/.exec(shape)?.[1] ?? ''),
      box:
        off && ext
          ? {
              x: Number(off[1]) / EMU,
              y: Number(off[2]) / EMU,
              w: Number(ext[1]) / EMU,
              h: Number(ext[2]) / EMU,
            }
          : undefined,
    });
  }
  return found;
}

/** The first-level text sizes (points) of a master's title and body text styles. */
function textStyleSizes(master: string): { title: number | undefined; body: number | undefined } {
  const size = (style: string) => {
    const found = new RegExp(
      `<p:${style}>[\\s\\S]*?<a:lvl1pPr\\b[^>]*>(?:(?!</a:lvl1pPr>)[\\s\\S])*?<a:defRPr\\b[^>]*\\bsz="(\\d+)"`,
    ).exec(master)?.[1];
    return found === undefined ? undefined : Number(found) / 100;
  };
  return { title: size('titleStyle'), body: size('bodyStyle') };
}

/** Whether a master's placeholder is the one a layout's inherits from: by index, else by type. */
function sameSlot(master: TemplatePlaceholder, layout: TemplatePlaceholder): boolean {
  const kind = (type: string) =>
    type === 'ctrTitle' ? 'title' : type === 'subTitle' || type === 'obj' ? 'body' : type;
  return kind(master.type) === kind(layout.type);
}

/**
 * Reads the first colour in a piece of DrawingML: an RGB value, or a scheme colour (`bg1`, `tx2`,
 * `accent1`…) through the master's colour map to the theme's.
 */
function colorIn(
  colors: Readonly<Record<string, string>>,
  master: string,
): (xml: string | undefined) => string | undefined {
  const map = /<p:clrMap\b([^>]*)\/>/.exec(master)?.[1] ?? '';
  return (xml) => {
    if (!xml) return undefined;
    const found =
      /<a:(srgbClr|schemeClr|sysClr) (?:val="(\w+)"[^>]*?(?:lastClr="([0-9A-Fa-f]{6})")?)/.exec(
        xml,
      );
    if (!found) return undefined;
    const [, kind, value = '', last] = found;
    if (kind === 'srgbClr') return `#${value.toUpperCase()}`;
    if (kind === 'sysClr') return last ? `#${last.toUpperCase()}` : undefined;
    const mapped = new RegExp(`\\b${value}="(\\w+)"`).exec(map)?.[1] ?? value;
    return colors[mapped];
  };
}

/** The fill of a shape (not a placeholder) that covers most of a slide of an area (in EMU²), if any. */
function coveringFill(
  xml: string,
  area: number,
  color: (xml: string | undefined) => string | undefined,
): string | undefined {
  for (const [shape] of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
    if (shape.includes('<p:ph')) continue;
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape);
    if (!ext || Number(ext[1]) * Number(ext[2]) < 0.6 * area) continue;
    const fill = /<p:spPr>[\s\S]*?<a:solidFill>([\s\S]*?)<\/a:solidFill>/.exec(shape)?.[1];
    const found = color(fill);
    if (found) return found;
  }
  return undefined;
}

/** The theme's colour scheme: `srgbClr` values, and `sysClr` by their last colour. */
function schemeColors(theme: string): Record<string, string> {
  const scheme = /<a:clrScheme\b[^>]*>([\s\S]*?)<\/a:clrScheme>/.exec(theme)?.[1] ?? '';
  const colors: Record<string, string> = {};
  for (const [, name, body] of scheme.matchAll(/<a:(\w+)>([\s\S]*?)<\/a:\1>/g)) {
    const value =
      /<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(body ?? '')?.[1] ??
      /lastClr="([0-9A-Fa-f]{6})"/.exec(body ?? '')?.[1];
    if (name && value) colors[name] = `#${value.toUpperCase()}`;
  }
  return colors;
}
