import { strFromU8 } from 'fflate';
import { BriefwrightError } from '../../../diagnostics/errors.js';
import { checkPackage, masterParts, related, relatedPart, unpack } from './package.js';
import { colorIn, coveringFill, type TemplateScheme, themeScheme } from './scheme.js';
import { attribute, element, elements, startTag, withoutComments } from './xml.js';

export type { TemplateScheme } from './scheme.js';

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
  /** Its master's theme: colours by scheme name, and heading and body typefaces. */
  readonly scheme: TemplateScheme;
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

/** The most layouts a template may hold, and placeholders a part. */
const MAX_LAYOUTS = 1_000;
const MAX_PLACEHOLDERS = 200;

/**
 * Reads a PowerPoint template (.potx, or a .pptx used as one): its slide size, its layouts with their
 * placeholders (boxes, alignment and sizes inherited from the master where the layout does not set
 * them), and its first master's theme's fonts and colours. A file that is not such a package, is
 * encrypted, inflates beyond 300 MB, or is damaged (a master or layout naming a part it does not
 * hold) is `THEME_INVALID` naming it.
 */
export function readDeckTemplate(bytes: Uint8Array, file: string): DeckTemplate {
  const invalid = (why: string, hint: string) =>
    new BriefwrightError('THEME_INVALID', `the deck template ${file} ${why}`, { file, hint });
  if (COMPOUND_FILE.every((b, i) => bytes[i] === b))
    throw invalid(
      'is encrypted or is a legacy .ppt/.pot file',
      'save it in PowerPoint without a password, as a .potx or .pptx',
    );
  const parts = unpack(bytes, invalid);
  const text = (name: string) => {
    const data = parts[name];
    return data ? withoutComments(strFromU8(data)) : undefined;
  };
  const presentation = text('ppt/presentation.xml');
  if (!presentation)
    throw invalid(
      'has no presentation part (ppt/presentation.xml)',
      'give a .potx or .pptx file saved by PowerPoint, LibreOffice or Keynote',
    );
  checkPackage(parts, text, presentation, invalid);
  const size = startTag(presentation, 'p:sldSz');
  const width = Number(attribute(size, 'cx') ?? 12192000) / EMU;
  const height = Number(attribute(size, 'cy') ?? 6858000) / EMU;
  // PowerPoint's own bounds are 1 to 56 inches; a deck needs room for a title and a few lines.
  if (!(width >= 3 && height >= 3 && width <= 56 && height <= 56))
    throw invalid(
      `has slides of ${width.toFixed(2)} × ${height.toFixed(2)} inches, outside 3 to 56 inches`,
      'give a template with slides of a usual size, such as 13.33 × 7.5 inches (16:9)',
    );
  const layoutNames = Object.keys(parts)
    .filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name))
    .sort((a, b) => layoutNumber(a) - layoutNumber(b));
  if (layoutNames.length === 0)
    throw invalid('has no slide layouts', 'give a template with at least one slide layout');
  if (layoutNames.length > MAX_LAYOUTS)
    throw invalid(
      `has ${layoutNames.length} slide layouts, more than ${MAX_LAYOUTS}`,
      'give a template with the layouts its decks use',
    );
  // The first master's theme: the one the template's own slides are in.
  const firstMaster = masterParts(presentation, text)[0];
  const first = themeScheme((firstMaster && related(firstMaster, 'theme', text)) ?? '');
  const area = width * EMU * height * EMU;
  // Each master read once, however many layouts it has.
  const masters = new Map<string, MasterInfo>();
  const masterInfo = (part: string): MasterInfo => {
    let info = masters.get(part);
    if (!info) {
      const xml = text(part) ?? '';
      // Each master's own theme (a template may hold masters in different themes).
      const own = related(part, 'theme', text);
      const scheme = own ? themeScheme(own) : first;
      const color = colorIn(scheme.colors, xml);
      info = {
        scheme,
        placeholders: placeholders(xml),
        styles: textStyleSizes(xml),
        color,
        background: coveringFill(xml, area, color) ?? color(element(xml, 'p:bg')),
      };
      masters.set(part, info);
    }
    return info;
  };
  const layouts = layoutNames.map((part) => {
    const xml = text(part) ?? '';
    const master = masterInfo(relatedPart(part, 'slideMaster', text) ?? '');
    return {
      name: attribute(startTag(xml, 'p:cSld'), 'name') ?? '',
      part,
      placeholders: placeholders(xml).map((ph) => {
        const slot = master.placeholders.find((m) => sameSlot(m, ph));
        const styled = /title|ctrTitle/.test(ph.type) ? master.styles.title : master.styles.body;
        return {
          ...ph,
          box: ph.box ?? slot?.box,
          align: ph.align ?? slot?.align,
          size: ph.size ?? slot?.size ?? styled,
        };
      }),
      background:
        coveringFill(xml, area, master.color) ??
        master.color(element(xml, 'p:bg')) ??
        master.background,
      scheme: master.scheme,
    };
  });
  return { file, width, height, layouts, fonts: first.fonts, colors: first.colors, parts };
}

/** What a master gives its layouts: placeholders, text sizes, colours by scheme name, background. */
interface MasterInfo {
  readonly scheme: TemplateScheme;
  readonly placeholders: readonly TemplatePlaceholder[];
  readonly styles: { title: number | undefined; body: number | undefined };
  readonly color: (xml: string | undefined) => string | undefined;
  readonly background: string | undefined;
}

function layoutNumber(part: string): number {
  return Number(/(\d+)\.xml$/.exec(part)?.[1] ?? 0);
}

/** The placeholders of a layout or master, in order. */
function placeholders(xml: string): TemplatePlaceholder[] {
  const found: TemplatePlaceholder[] = [];
  for (const shape of elements(xml, 'p:sp')) {
    // A layout holds a handful; a crafted one may hold hundreds of thousands.
    if (found.length >= MAX_PLACEHOLDERS) break;
    const ph = startTag(shape, 'p:ph');
    if (!ph) continue;
    // A placeholder without a type holds any content (`obj`), as PowerPoint's content placeholders do.
    const type = attribute(ph, 'type') ?? 'obj';
    const idx = attribute(ph, 'idx');
    const xfrm = element(shape, 'a:xfrm') ?? '';
    const off = startTag(xfrm, 'a:off');
    const ext = startTag(xfrm, 'a:ext');
    const first = element(element(shape, 'a:lstStyle') ?? '', 'a:lvl1pPr') ?? '';
    const algn = attribute(startTag(first, 'a:lvl1pPr'), 'algn');
    // Its list style's first level, else its prompt text's run (as pptxgenjs writes templates); not
    // an empty paragraph's end mark, which LibreOffice writes at its default size.
    const size =
      attribute(startTag(first, 'a:defRPr'), 'sz') ?? attribute(startTag(shape, 'a:rPr'), 'sz');
    const number = (value: string | undefined) =>
      value && /^-?\d+$/.test(value) ? Number(value) : undefined;
    const [x, y, w, h] = [
      number(attribute(off, 'x')),
      number(attribute(off, 'y')),
      number(attribute(ext, 'cx')),
      number(attribute(ext, 'cy')),
    ];
    found.push({
      type,
      idx: number(idx),
      align: algn === 'ctr' ? 'center' : algn === 'r' ? 'right' : algn === 'l' ? 'left' : undefined,
      size: number(size) === undefined ? undefined : Number(size) / 100,
      name: attribute(startTag(shape, 'p:cNvPr'), 'name') ?? '',
      box:
        x !== undefined && y !== undefined && w !== undefined && h !== undefined && w > 0 && h > 0
          ? { x: x / EMU, y: y / EMU, w: w / EMU, h: h / EMU }
          : undefined,
    });
  }
  return found;
}

/** The first-level text sizes (points) of a master's title and body text styles. */
function textStyleSizes(master: string): { title: number | undefined; body: number | undefined } {
  const size = (style: string) => {
    const first = element(element(master, style) ?? '', 'a:lvl1pPr') ?? '';
    const found = attribute(startTag(first, 'a:defRPr'), 'sz');
    return found && /^\d+$/.test(found) ? Number(found) / 100 : undefined;
  };
  return { title: size('p:titleStyle'), body: size('p:bodyStyle') };
}

/** Whether a master's placeholder is the one a layout's inherits from: by type. */
function sameSlot(master: TemplatePlaceholder, layout: TemplatePlaceholder): boolean {
  const kind = (type: string) =>
    type === 'ctrTitle' ? 'title' : type === 'subTitle' || type === 'obj' ? 'body' : type;
  return kind(master.type) === kind(layout.type);
}
