import { strFromU8, strToU8 } from 'fflate';
import { escapeXml } from '../../../text/xmlChars.js';
import { keptSlides } from './keptSlides.js';
import { bodies } from './layouts.js';
import type { DeckTemplate, TemplateLayout } from './read.js';
import {
  attribute,
  elements,
  folderOf,
  relationships,
  relsOf,
  resolvePart,
  withoutComments,
} from './xml.js';

/** A package's parts by name. */
type Parts = Record<string, Uint8Array>;

/** What the date, footer and slide-number placeholders of a slide's layout show. */
export interface SlideChrome {
  readonly date: string;
  readonly footer: string;
  /** The language of their text (`en-GB`). */
  readonly language: string;
}

/** A slide's layout, and what its date, footer and slide number show (none on a title slide). */
export interface SlideOnTemplate {
  readonly layout: TemplateLayout;
  readonly chrome: SlideChrome | undefined;
}

const SLIDE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';
const NOTES_MASTER_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster';
const THEME_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const PRESENTATION_MAIN =
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';

/** The template's own slides, their notes and charts, left out (or kept by keptSlides). */
const TEMPLATE_SLIDES = /^ppt\/(slides|notesSlides|charts)\//;

/** What the template's slides own besides: their SmartArt, comments and tags, left out with them. */
const SLIDE_OWNED = /^ppt\/(diagrams|comments|tags)\//;

/** A template's macros (.potm, .pptm), never carried into a deck. */
const MACROS = /^ppt\/(vbaProject\.bin|vbaData\.xml)$|^ppt\/_rels\/vbaProject\.bin\.rels$/;

/**
 * The deck's workbooks and media: renamed with a prefix, so that none replaces the template's (its
 * layouts may show pictures and embedded objects).
 */
const DECK_RENAMED = /^ppt\/(embeddings|media)\/([^/]+)$/;

/** What the deck's package carries over: its properties and root relationships. */
const PACKAGE_OWNED = /^(docProps\/|_rels\/\.rels$)/;

/**
 * Builds a deck on a template: the template's masters, layouts, theme, media and presentation settings,
 * without its example slides, and the written deck's slides (with their notes, charts, workbooks and
 * media) each on the template layout chosen for it. A slide's title and body become the layout's
 * placeholders, so they restyle with the template. The result is a presentation (.pptx), not a template.
 */
export function onTemplate(
  deck: Parts,
  template: DeckTemplate,
  slideOn: (slide: number) => SlideOnTemplate,
  keepTemplateSlides = false,
): Parts {
  const text = (parts: Parts, name: string) => {
    const data = parts[name];
    return data ? strFromU8(data) : '';
  };
  const out: Parts = {};
  // The package's properties (and the root relationships naming them) are the deck's: a template's
  // custom properties or thumbnail would be named with nothing there.
  // The template's embedded objects stay where a master or layout shows one: the rest were its
  // slides' (their charts' data), left out with them.
  const shown = shownEmbeddings(template);
  for (const [name, data] of Object.entries(template.parts))
    if (
      !TEMPLATE_SLIDES.test(name) &&
      !SLIDE_OWNED.test(name) &&
      !(name.startsWith('ppt/embeddings/') && !shown.has(name)) &&
      !name.endsWith('/') &&
      !PACKAGE_OWNED.test(name) &&
      !MACROS.test(name)
    )
      out[name] = data;
  for (const [name, data] of Object.entries(deck)) if (PACKAGE_OWNED.test(name)) out[name] = data;
  // The deck's workbooks and media take a prefix, and every relationship to one (relative or from
  // the package's root, as pptxgenjs writes some) is renamed with it, once (an image's was once
  // renamed twice, and the deck named a picture it did not hold).
  const renamed = (name: string) => name.replace(DECK_RENAMED, 'ppt/$1/bw-$2');
  const targets = (xml: string) =>
    xml.replace(/Target="(\.\.\/|\/ppt\/)(embeddings|media)\/([^"/]+)"/g, 'Target="$1$2/bw-$3"');
  for (const [name, data] of Object.entries(deck)) {
    if (name.endsWith('/')) continue;
    if (/^ppt\/charts\/_rels\//.test(name)) out[name] = strToU8(targets(text(deck, name)));
    else if (TEMPLATE_SLIDES.test(name)) out[name] = data;
    else if (DECK_RENAMED.test(name)) out[renamed(name)] = data;
  }
  // Notes slides keep a notes master: the template's if it has one, else the deck's, carried in
  // under names of its own with its theme.
  const templateNotesMaster = Object.keys(template.parts).find((n) =>
    /^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(n),
  );
  const notesMaster = templateNotesMaster ?? 'ppt/notesMasters/notesMasterBw.xml';
  const addedNotesMaster = !templateNotesMaster && deck['ppt/notesMasters/notesMaster1.xml'];
  if (addedNotesMaster) {
    out[notesMaster] = deck['ppt/notesMasters/notesMaster1.xml'] ?? new Uint8Array();
    const deckTheme = /Target="\.\.\/theme\/([^"]+)"/.exec(
      text(deck, 'ppt/notesMasters/_rels/notesMaster1.xml.rels'),
    )?.[1];
    out['ppt/theme/themeBw.xml'] =
      deck[`ppt/theme/${deckTheme ?? 'theme1.xml'}`] ?? new Uint8Array();
    out['ppt/notesMasters/_rels/notesMasterBw.xml.rels'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${THEME_TYPE}" Target="../theme/themeBw.xml"/></Relationships>`,
    );
  }
  const slides = Object.keys(deck)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => number(a) - number(b));
  for (const [index, slide] of slides.entries()) {
    const { layout, chrome } = slideOn(index);
    const rels = slide.replace('slides/', 'slides/_rels/').concat('.rels');
    out[rels] = strToU8(
      targets(
        text(deck, rels).replace(
          /Target="\.\.\/slideLayouts\/[^"]+"/,
          `Target="../slideLayouts/${layout.part.split('/').pop()}"`,
        ),
      ),
    );
    // The number pptxgenjs placed gives way to the layout's.
    const filled = asPlaceholders(text(deck, slide), layout).replace(OWN_SLIDE_NUMBER, '');
    out[slide] = strToU8(chrome ? withChrome(filled, layout, chrome, index + 1) : filled);
  }
  for (const name of Object.keys(out).filter((n) => /^ppt\/notesSlides\/_rels\/.+\.rels$/.test(n)))
    out[name] = strToU8(
      text(out, name).replace(
        /Target="\.\.\/notesMasters\/[^"]+"/,
        `Target="../notesMasters/${notesMaster.split('/').pop()}"`,
      ),
    );
  // The template's own slides, when asked for, after the deck's.
  const kept = keepTemplateSlides ? keptSlides(template.parts, slides.length) : undefined;
  Object.assign(out, kept?.parts);
  presentation(
    out,
    [...slides, ...(kept?.slides ?? [])],
    addedNotesMaster ? notesMaster : undefined,
  );
  out['[Content_Types].xml'] = strToU8(
    contentTypes(
      text(template.parts, '[Content_Types].xml'),
      text(deck, '[Content_Types].xml'),
      (name) => out[name] !== undefined,
      [
        ...(addedNotesMaster
          ? [
              `<Override PartName="/${notesMaster}" ContentType="application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"/>`,
              '<Override PartName="/ppt/theme/themeBw.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>',
            ]
          : []),
        ...(kept?.overrides ?? []),
      ],
    ),
  );
  return out;
}

function number(name: string): number {
  return Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

/**
 * The slide's title and body text as the layout's placeholders, where it has them: the shape named
 * "Title" as its title, "Subtitle" as its subtitle (or its only body), "Body" (or "Body 1", "Body 2")
 * as its body placeholders from left to right. The
 * frames and text stay as planned; the placeholders make them the layout's, so they restyle with it.
 */
function asPlaceholders(xml: string, layout: TemplateLayout): string {
  const title = layout.placeholders.find((p) => p.type === 'title' || p.type === 'ctrTitle');
  const columns = bodies(layout);
  const subtitle =
    layout.placeholders.find((p) => p.type === 'subTitle') ??
    (columns.length === 1 ? columns[0] : undefined);
  const picture = layout.placeholders.find((p) => p.type === 'pic');
  // The slide's picture as the layout's picture placeholder (the first picture, if several).
  const withPicture = picture
    ? xml.replace(
        /(<p:cNvPr [^>]*name="Picture"[^>]*>(?:\s*<\/p:cNvPr>)?\s*<p:cNvPicPr>[\s\S]*?<\/p:cNvPicPr>\s*)<p:nvPr(?:\/>|>\s*<\/p:nvPr>)/,
        `$1<p:nvPr><p:ph type="pic"${picture.idx === undefined ? '' : ` idx="${picture.idx}"`}/></p:nvPr>`,
      )
    : xml;
  return withPicture.replace(
    /(<p:cNvPr [^>]*name="(Title|Subtitle|Body(?: (\d))?)"[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr)[^>]*?(?:\/>|>[\s\S]*?<\/p:cNvSpPr>)<p:nvPr(?:\/>|>\s*<\/p:nvPr>)/g,
    (all, head: string, name: string, column: string | undefined) => {
      if (name === 'Title')
        return title ? `${head}/><p:nvPr><p:ph type="${title.type}"/></p:nvPr>` : all;
      const body = name === 'Subtitle' ? subtitle : columns[column ? Number(column) - 1 : 0];
      if (!body) return all;
      const type =
        body.type === 'obj' ? '' : ` type="${body.type === 'subTitle' ? 'subTitle' : 'body'}"`;
      const idx = body.idx === undefined ? '' : ` idx="${body.idx}"`;
      return `${head}/><p:nvPr><p:ph${type}${idx}/></p:nvPr>`;
    },
  );
}

/** A slide-number shape (of pptxgenjs's masters), one shape at a time. */
const OWN_SLIDE_NUMBER =
  /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="sldNum"(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g;

/** The field PowerPoint writes for a slide number; one id serves every slide's. */
const SLIDE_NUMBER_FIELD = '{8F3A1D2C-5B6E-4C7D-9A0B-1C2D3E4F5A6B}';

/**
 * The layout's date, footer and slide-number placeholders on the slide, so that they show (a layout's
 * own are only where slides take them): the document's date, the footer text, and the slide's number as
 * a field. Styled and placed by the layout; a placeholder with nothing to show is left out.
 */
function withChrome(
  xml: string,
  layout: TemplateLayout,
  chrome: SlideChrome,
  number: number,
): string {
  let id = Math.max(0, ...[...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1])));
  const lang = escapeXml(chrome.language);
  // One of each (a crafted layout may repeat one by the hundred thousand).
  const once = ['dt', 'ftr', 'sldNum'].flatMap((type) => {
    const found = layout.placeholders.find((p) => p.type === type);
    return found ? [found] : [];
  });
  const shapes = once.flatMap((p) => {
    const run =
      p.type === 'sldNum'
        ? `<a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum"><a:rPr lang="${lang}"/><a:t>${number}</a:t></a:fld>`
        : p.type === 'dt' && chrome.date
          ? `<a:r><a:rPr lang="${lang}"/><a:t>${escapeXml(chrome.date)}</a:t></a:r>`
          : p.type === 'ftr' && chrome.footer
            ? `<a:r><a:rPr lang="${lang}"/><a:t>${escapeXml(chrome.footer)}</a:t></a:r>`
            : undefined;
    if (!run) return [];
    id += 1;
    const idx = p.idx === undefined ? '' : ` idx="${p.idx}"`;
    const name = { sldNum: 'Slide Number', dt: 'Date', ftr: 'Footer' }[p.type] ?? p.type;
    return [
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="${p.type}"${idx}/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>${run}</a:p></p:txBody></p:sp>`,
    ];
  });
  return xml.replace('</p:spTree>', `${shapes.join('')}</p:spTree>`);
}

/** The presentation part and its relationships: the template's, listing the deck's slides. */
function presentation(
  out: Parts,
  slides: readonly string[],
  addedNotesMaster: string | undefined,
): void {
  const relsName = 'ppt/_rels/presentation.xml.rels';
  const rels = strFromU8(out[relsName] ?? new Uint8Array())
    .replace(new RegExp(`<Relationship [^>]*Type="${SLIDE_TYPE}"[^>]*/>`, 'g'), '')
    .replace(/<Relationship [^>]*Type="[^"]*\/vbaProject"[^>]*\/>/g, '')
    .replace(
      '</Relationships>',
      `${slides
        .map(
          (slide, i) =>
            `<Relationship Id="rIdBwSlide${i + 1}" Type="${SLIDE_TYPE}" Target="slides/${slide.split('/').pop()}"/>`,
        )
        .join('')}${
        addedNotesMaster
          ? `<Relationship Id="rIdBwNotes" Type="${NOTES_MASTER_TYPE}" Target="notesMasters/${addedNotesMaster.split('/').pop()}"/>`
          : ''
      }</Relationships>`,
    );
  out[relsName] = strToU8(rels);
  const ids = `<p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rIdBwSlide${i + 1}"/>`).join('')}</p:sldIdLst>`;
  // The template's slide list goes, and with it what names its slides: custom shows and sections.
  let xml = withoutComments(strFromU8(out['ppt/presentation.xml'] ?? new Uint8Array()));
  for (const list of [
    ...elements(xml, 'p:sldIdLst'),
    ...elements(xml, 'p:custShowLst'),
    ...elements(xml, 'p:ext').filter((ext) => ext.includes('sectionLst')),
  ])
    xml = xml.replace(list, '');
  if (addedNotesMaster)
    xml = xml.replace(
      '</p:sldMasterIdLst>',
      '</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rIdBwNotes"/></p:notesMasterIdLst>',
    );
  // The slide list follows the masters' lists (schema order: sldMasterIdLst, notesMasterIdLst,
  // handoutMasterIdLst, sldIdLst, sldSz).
  const after = ['</p:handoutMasterIdLst>', '</p:notesMasterIdLst>', '</p:sldMasterIdLst>'].find(
    (tag) => xml.includes(tag),
  );
  out['ppt/presentation.xml'] = strToU8(after ? xml.replace(after, `${after}${ids}`) : xml);
}

/**
 * The package's content types, rebuilt: the template's extensions and the deck's others; overrides for
 * the template's parts that are kept and the deck's slides, notes, charts, workbooks (renamed as they
 * are) and properties, each only for a part the package holds; the main part as a presentation (not a
 * template, a slideshow or a macro-enabled file).
 */
function contentTypes(
  template: string,
  deck: string,
  has: (name: string) => boolean,
  added: readonly string[],
): string {
  const templateTypes = withoutComments(template);
  const extension = (tag: string) => attribute(tag, 'Extension')?.toLowerCase();
  // No macro project's type: a presentation holds none.
  const defaults = elements(templateTypes, 'Default').filter(
    (tag) => !/vbaProject/.test(attribute(tag, 'ContentType') ?? ''),
  );
  const known = new Set(defaults.map(extension));
  const extra = elements(deck, 'Default').filter((tag) => !known.has(extension(tag)));
  const part = (tag: string) => (attribute(tag, 'PartName') ?? '').replace(/^\//, '');
  const fromTemplate = elements(templateTypes, 'Override').filter((tag) => {
    const name = part(tag);
    return (
      name !== 'ppt/presentation.xml' &&
      !TEMPLATE_SLIDES.test(name) &&
      !PACKAGE_OWNED.test(name) &&
      has(name)
    );
  });
  const fromDeck = elements(deck, 'Override').flatMap((tag) => {
    const name = part(tag);
    if (!/^(ppt\/(slides|notesSlides|charts|embeddings)|docProps)\//.test(name)) return [];
    const moved = name.replace(DECK_RENAMED, 'ppt/$1/bw-$2');
    return has(moved) ? [tag.replace(`PartName="/${name}"`, `PartName="/${moved}"`)] : [];
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${[
    ...defaults,
    ...extra,
    `<Override PartName="/ppt/presentation.xml" ContentType="${PRESENTATION_MAIN}"/>`,
    ...fromTemplate,
    ...fromDeck,
    ...added.filter((tag) => has(part(tag))),
  ].join('')}</Types>`;
}

/** The template's embedded objects a master or layout names. */
function shownEmbeddings(template: DeckTemplate): Set<string> {
  const shown = new Set<string>();
  for (const part of Object.keys(template.parts).filter((n) =>
    /^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(n),
  ))
    for (const rel of relationships(strFromU8(template.parts[relsOf(part)] ?? new Uint8Array())))
      if (!rel.external) shown.add(resolvePart(folderOf(part), rel.target));
  return shown;
}
