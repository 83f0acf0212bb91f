import { strFromU8, strToU8, unzipSync } from 'fflate';
import { toXmlBytes } from '../../text/xmlChars.js';
import type { ResolvedTheme } from '../../theme/resolve.js';
import { dateStamp, isXmlPart, type Part, pinDates, sortParts } from '../ooxml/parts.js';
import { zipParts } from '../ooxml/zip.js';
import { type DocxFonts, fontTableXml, STYLE, tableStyleXml } from './styles.js';

/** What normalising a Word file needs. */
export interface DocxNormalizeOptions {
  readonly date: Date;
  readonly theme: ResolvedTheme;
  readonly fonts: DocxFonts;
  readonly language: string;
}

/** Relationship ids the docx library draws at random (hyperlinks): `rId` and 21 characters. */
const RANDOM_ID = /rId[a-z0-9_-]{21}\b/g;

/**
 * Makes a Word file byte-identical for the same input and completes what the docx library does not
 * write: random relationship ids renumbered in order of appearance, the document dates set to the
 * document's date, only characters XML allows, the "Brief Table" table style and its look on every
 * table, the font table naming each family's fallback; every part re-added in sorted order with a
 * fixed timestamp.
 */
export function normalizeDocx(bytes: Uint8Array, options: DocxNormalizeOptions): Uint8Array {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts)
    .filter((name) => !name.endsWith('/'))
    .sort();
  const ids = new Map<string, string>();
  const renumber = (text: string) =>
    text.replace(RANDOM_ID, (id) => {
      let to = ids.get(id);
      if (!to) {
        to = `rIdLink${ids.size + 1}`;
        ids.set(id, to);
      }
      return to;
    });
  // Renumbered in the order the body uses them, so that the ids follow the text.
  for (const name of ['word/document.xml', ...names]) {
    const data = parts[name];
    if (data && isXmlPart(name)) renumber(strFromU8(data));
  }
  const stamp = dateStamp(options.date);
  const out: Part[] = [];
  for (const name of names) {
    const data = parts[name];
    if (!data) continue;
    if (!isXmlPart(name)) {
      out.push([name, data]);
      continue;
    }
    const xml = renumber(strFromU8(toXmlBytes(data)));
    out.push([name, fixPart(name, xml, stamp, options)]);
  }
  return zipParts(sortParts(out));
}

function fixPart(
  name: string,
  xml: string,
  stamp: string,
  options: DocxNormalizeOptions,
): Uint8Array {
  if (name === 'docProps/core.xml')
    return pinDates(strToU8(withLanguage(xml, options.language)), stamp);
  if (name === 'word/styles.xml')
    return strToU8(xml.replace('</w:styles>', `${tableStyleXml(options.theme)}</w:styles>`));
  if (name === 'word/document.xml')
    return strToU8(
      // The docx library gives every table a full grid; the Brief Table style draws the rules instead.
      xml
        .replace(/<w:tblBorders>.*?<\/w:tblBorders>/g, '')
        .replace(
          new RegExp(`<w:tblStyle w:val="${STYLE.table}"/>`, 'g'),
          `<w:tblStyle w:val="${STYLE.table}"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`,
        ),
    );
  if (name === 'word/fontTable.xml') {
    const entries = fontTableXml(options.fonts);
    return strToU8(
      /<w:fonts([^>]*)\/>/.test(xml)
        ? xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`)
        : xml.replace('</w:fonts>', `${entries}</w:fonts>`),
    );
  }
  return strToU8(xml);
}

/** The document's language in its core properties (`dc:language`), which the docx library does not write. */
function withLanguage(xml: string, language: string): string {
  if (xml.includes('<dc:language>')) return xml;
  const escaped = language.replace(/[^A-Za-z0-9-]/g, '');
  return xml.replace(
    '</cp:coreProperties>',
    `<dc:language>${escaped}</dc:language></cp:coreProperties>`,
  );
}
