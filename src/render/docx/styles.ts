import type {
  ILevelsOptions,
  INumberingOptions,
  IParagraphStyleOptions,
  IStylesOptions,
} from 'docx';
import { escapeXml } from '../../text/xmlChars.js';
import type { ResolvedTheme } from '../../theme/resolve.js';

/** The family names Word is given for each role, with what to use where they are not installed. */
export interface DocxFonts {
  readonly serif: string;
  readonly sans: string;
  readonly mono: string;
}

/** Word's own fallbacks for a role: the `altName` and font family class written into the font table. */
export const FONT_FALLBACKS: Readonly<Record<keyof DocxFonts, { alt: string; family: string }>> = {
  serif: { alt: 'Georgia', family: 'roman' },
  sans: { alt: 'Arial', family: 'swiss' },
  mono: { alt: 'Consolas', family: 'modern' },
};

/** The style ids paragraphs use (Word's built-in names where Word has one, so that Word maps them). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  series: 'Series',
  byline: 'Byline',
  body: 'BodyText',
  lede: 'Lede',
  caption: 'Caption',
  source: 'Source',
  quote: 'Quote',
  code: 'Code',
  references: 'Bibliography',
  callout: 'Callout',
  calloutTitle: 'CalloutTitle',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  footer: 'Footer',
  table: 'BriefTable',
} as const;

/** The list styles: "List Bullet", "List Bullet 2"… and "List Number"… as Word names them (up to 5). */
export function listStyle(ordered: boolean, depth: number): string {
  const level = Math.min(5, Math.max(1, depth));
  return `${ordered ? 'ListNumber' : 'ListBullet'}${level === 1 ? '' : level}`;
}

/** The bullets' numbering, and each ordered list's: bullets by level, numbers "1." then "a." then "i.". */
export const BULLETS = 'bullets';
const BULLET_MARKS = ['•', '◦', '▪', '•', '◦'];
const NUMBER_FORMATS = ['decimal', 'lowerLetter', 'lowerRoman', 'decimal', 'lowerLetter'] as const;

/** Half-points from points. */
const hp = (pt: number) => Math.round(pt * 2);
/** Twips from points. */
const tw = (pt: number) => Math.round(pt * 20);
/** A theme colour as Word writes it. */
const hex = (color: string) => color.replace(/^#/, '').toUpperCase();

/** The indent of a list level: 18 pt a level, the marker hanging in it. */
function listIndent(level: number): { left: number; hanging: number } {
  return { left: tw(18 * (level + 1)), hanging: tw(12) };
}

/**
 * The numbering definitions: one bullet list for every bulleted list (bullets need no restarting), and
 * one numbered definition per ordered list start value; each ordered list is its own instance of it, so
 * every list starts at its own number and a list's items continue across what it holds.
 */
export function numberingOptions(starts: readonly number[]): INumberingOptions {
  const bulletLevels: ILevelsOptions[] = BULLET_MARKS.map((mark, level) => ({
    level,
    format: 'bullet',
    text: mark,
    alignment: 'left',
    style: { paragraph: { indent: listIndent(level) } },
  }));
  const numbered = (start: number): ILevelsOptions[] =>
    NUMBER_FORMATS.map((format, level) => ({
      level,
      format,
      text: `%${level + 1}.`,
      alignment: 'left',
      start: level === 0 ? start : 1,
      style: { paragraph: { indent: listIndent(level) } },
    }));
  return {
    config: [
      { reference: BULLETS, levels: bulletLevels },
      ...[...new Set([1, ...starts])].map((start) => ({
        reference: numberedReference(start),
        levels: numbered(start),
      })),
    ],
  };
}

/** The numbering definition of ordered lists starting at `start`. */
export function numberedReference(start: number): string {
  return `numbers-${start}`;
}

/**
 * The document's styles, named after their role and carrying the theme's fonts, sizes and colours, so
 * that a reviewer restyles every heading, list, caption or callout in one place in Word.
 */
export function documentStyles(
  theme: ResolvedTheme,
  fonts: DocxFonts,
  language: string,
): IStylesOptions {
  const c = theme.colors;
  const p = theme.pdf;
  const sans = { ascii: fonts.sans, hAnsi: fonts.sans, cs: fonts.sans };
  const heading = (size: number, level: number) => ({
    run: { font: sans, size: hp(size), bold: true, color: hex(c.text) },
    paragraph: {
      spacing: { before: tw(level === 0 ? 18 : 12), after: tw(6) },
      keepNext: true,
      keepLines: true,
      outlineLevel: level,
    },
  });
  const named = (
    id: string,
    name: string,
    rest: Omit<IParagraphStyleOptions, 'id' | 'name'>,
  ): IParagraphStyleOptions => ({ id, name, quickFormat: true, ...rest });
  const lists = [false, true].flatMap((ordered) =>
    [1, 2, 3, 4, 5].map((depth) =>
      named(
        listStyle(ordered, depth),
        `${ordered ? 'List Number' : 'List Bullet'}${depth === 1 ? '' : ` ${depth}`}`,
        {
          basedOn: 'Normal',
          paragraph: {
            spacing: { after: tw(3) },
            indent: listIndent(depth - 1),
            ...(ordered ? {} : { numbering: { reference: BULLETS, level: depth - 1 } }),
          },
        },
      ),
    ),
  );
  return {
    default: {
      document: {
        run: {
          font: { ascii: fonts.serif, hAnsi: fonts.serif, cs: fonts.serif },
          size: hp(p.bodySize),
          color: hex(c.text),
          language: { value: language },
        },
        paragraph: {
          spacing: {
            after: tw(6),
            line: Math.round((p.leading / p.bodySize) * 240),
            lineRule: 'auto',
          },
        },
      },
      title: {
        run: { font: sans, size: hp(24), bold: true, color: hex(c.text) },
        paragraph: { spacing: { before: tw(6), after: tw(6) }, keepNext: true },
      },
      heading1: heading(p.h1Size, 0),
      heading2: heading(p.h2Size, 1),
      heading3: heading(p.h3Size, 2),
      heading4: heading(p.h3Size, 3),
      heading5: heading(p.h3Size, 4),
      heading6: heading(p.h3Size, 5),
      hyperlink: { run: { color: hex(c.link), underline: { type: 'single', color: hex(c.link) } } },
      footnoteText: {
        run: { size: hp(8.5) },
        paragraph: { spacing: { after: tw(2), line: 240, lineRule: 'auto' } },
      },
    },
    paragraphStyles: [
      named(STYLE.subtitle, 'Subtitle', {
        basedOn: 'Normal',
        next: STYLE.body,
        run: { font: sans, size: hp(13), color: hex(c.muted) },
        paragraph: { spacing: { after: tw(10) }, keepNext: true },
      }),
      named(STYLE.series, 'Series', {
        basedOn: 'Normal',
        next: STYLE.title,
        run: { font: sans, size: hp(8.5), bold: true, allCaps: true, color: hex(c.accent) },
        paragraph: {
          spacing: { after: 0 },
          keepNext: true,
          border: { top: { style: 'single', size: 24, color: hex(c.accent), space: 12 } },
        },
      }),
      named(STYLE.byline, 'Byline', {
        basedOn: 'Normal',
        run: { font: sans, size: hp(9) },
        paragraph: { spacing: { after: 0 }, keepNext: true },
      }),
      named(STYLE.body, 'Body Text', { basedOn: 'Normal', next: STYLE.body }),
      named(STYLE.lede, 'Lede', {
        basedOn: STYLE.body,
        run: { size: hp(p.bodySize * 1.15) },
        paragraph: { spacing: { after: tw(8) } },
      }),
      ...lists,
      named(STYLE.caption, 'Caption', {
        basedOn: 'Normal',
        next: STYLE.body,
        run: { font: sans, size: hp(9), bold: true, color: hex(c.text) },
        paragraph: { spacing: { before: tw(10), after: tw(4) }, keepNext: true },
      }),
      named(STYLE.source, 'Source', {
        basedOn: 'Normal',
        next: STYLE.body,
        run: { font: sans, size: hp(8), color: hex(c.muted) },
        paragraph: { spacing: { before: tw(4), after: tw(10) } },
      }),
      named(STYLE.quote, 'Quote', {
        basedOn: 'Normal',
        next: STYLE.body,
        run: { italics: true },
        paragraph: {
          indent: { left: tw(18) },
          border: { left: { style: 'single', size: 12, color: hex(c.rule), space: 8 } },
        },
      }),
      named(STYLE.code, 'Code', {
        basedOn: 'Normal',
        run: { font: { ascii: fonts.mono, hAnsi: fonts.mono, cs: fonts.mono }, size: hp(8.5) },
        paragraph: {
          spacing: { after: 0, line: 240, lineRule: 'auto' },
          shading: { type: 'clear', fill: hex(c.zebra), color: 'auto' },
        },
      }),
      named(STYLE.references, 'Bibliography', {
        basedOn: 'Normal',
        run: { size: hp(8.5) },
        paragraph: { spacing: { after: tw(3), line: 240, lineRule: 'auto' } },
      }),
      named(STYLE.callout, 'Callout', {
        basedOn: 'Normal',
        run: { font: sans, size: hp(10) },
        paragraph: {
          spacing: { after: tw(3), line: 264, lineRule: 'auto' },
          indent: { left: tw(10), right: tw(10) },
          shading: { type: 'clear', fill: hex(c.accentTint), color: 'auto' },
          border: { left: { style: 'single', size: 24, color: hex(c.accent), space: 8 } },
        },
      }),
      named(STYLE.calloutTitle, 'Callout Title', {
        basedOn: STYLE.callout,
        next: STYLE.callout,
        run: { bold: true, color: hex(c.accent) },
        paragraph: { keepNext: true, spacing: { before: tw(6), after: tw(4) } },
      }),
      named(STYLE.tableText, 'Table Text', {
        basedOn: 'Normal',
        run: { font: sans, size: hp(p.tableSize) },
        paragraph: { spacing: { before: tw(2), after: tw(2), line: 240, lineRule: 'auto' } },
      }),
      named(STYLE.tableHeading, 'Table Heading', {
        basedOn: STYLE.tableText,
        run: { bold: true },
      }),
      named(STYLE.footer, 'Footer', {
        basedOn: 'Normal',
        run: { font: sans, size: hp(7.5), color: hex(c.muted) },
        paragraph: { spacing: { after: 0 } },
      }),
    ],
  };
}

/**
 * The table style, "Brief Table" (Word's Table Grid with the theme's look: a tinted header row with an
 * accent rule, hairlines between rows, no vertical rules), written into `styles.xml` by hand: the docx
 * library writes paragraph and character styles only.
 */
export function tableStyleXml(theme: ResolvedTheme): string {
  const c = theme.colors;
  const rule = hex(c.rule);
  return (
    `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="${rule}"/><w:right w:val="nil"/><w:insideH w:val="single" w:sz="2" w:space="0" w:color="${rule}"/><w:insideV w:val="nil"/></w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="80" w:type="dxa"/><w:left w:w="120" w:type="dxa"/><w:bottom w:w="80" w:type="dxa"/><w:right w:w="120" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="${hex(c.accent)}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="${hex(c.accentTint)}"/></w:tcPr></w:tblStylePr>` +
    `<w:tblStylePr w:type="band2Horz"><w:tblPr/><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${hex(c.zebra)}"/></w:tcPr></w:tblStylePr>` +
    '</w:style>'
  );
}

/** The font table's entries: each family named with the font Word uses where it is not installed. */
export function fontTableXml(fonts: DocxFonts): string {
  return (Object.keys(FONT_FALLBACKS) as (keyof DocxFonts)[])
    .map((role) => {
      const { alt, family } = FONT_FALLBACKS[role];
      const pitch = role === 'mono' ? 'fixed' : 'variable';
      return `<w:font w:name="${escapeXml(fonts[role])}"><w:altName w:val="${alt}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
    })
    .join('');
}
