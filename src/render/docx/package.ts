import { strFromU8, strToU8, unzipSync } from 'fflate';
import { toXmlBytes } from '../../text/xmlChars.js';
import type { ResolvedTheme } from '../../theme/resolve.js';
import { dateStamp, isXmlPart, type Part, pinDates, sortParts } from '../ooxml/parts.js';
import { zipParts } from '../ooxml/zip.js';
import { type DocxFonts, fontTableXml, tableStyleXml } from './styles.js';

/** What normalising a Word file needs. */
export interface DocxNormalizeOptions {
  readonly date: Date;
  readonly theme: ResolvedTheme;
  readonly fonts: DocxFonts;
  readonly language: string;
}

/**
 * Relationship ids the docx library draws at random (hyperlinks): `rId` and 21 characters, where an id
 * is written (the `Id` of a relationship, an `r:id` attribute).
 */
const RANDOM_ID = /\b(?:Id|r:id)="(rId[a-z0-9_-]{21})"/g;

/**
 * Makes a Word file byte-identical for the same input and completes what the docx library does not
 * write: random relationship ids renumbered in order of appearance, the document dates set to the
 * document's date, only characters XML allows, the "Brief Table" table style (and no grid of the
 * library's on the tables), bookmarks numbered, every level of a list restarting, the font table naming each family's fallback; every part re-added in sorted order with a
 * fixed timestamp.
 */
export function normalizeDocx(bytes: Uint8Array, options: DocxNormalizeOptions): Uint8Array {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts)
    .filter((name) => !name.endsWith('/'))
    .sort();
  // The random ids are those of relationships; only where an id is written (`Id="…"` in a .rels part,
  // `r:id="…"` in the XML) is it renamed, never in text or addresses that happen to look like one.
  const ids = new Map<string, string>();
  for (const name of ['word/document.xml', ...names]) {
    const data = parts[name];
    if (!data || !isXmlPart(name)) continue;
    for (const [, id] of strFromU8(data).matchAll(RANDOM_ID))
      if (id && !ids.has(id)) ids.set(id, `rIdLink${ids.size + 1}`);
  }
  const renumber = (text: string) =>
    text.replace(RANDOM_ID, (all, id: string) => {
      const to = ids.get(id);
      return to ? all.replace(id, to) : all;
    });
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
    // The docx library gives every table a full grid; the Brief Table style draws the rules instead.
    return strToU8(numberBookmarks(xml.replace(/<w:tblBorders>.*?<\/w:tblBorders>/g, '')));
  if (name === 'word/numbering.xml')
    // The library restarts an ordered list's first level only; a list nested in another is its own
    // instance at a deeper level, which must restart too.
    return strToU8(
      xml.replace(
        /<w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\d+)"\/><\/w:lvlOverride>/g,
        (_, start: string) =>
          [0, 1, 2, 3, 4]
            .map(
              (level) =>
                `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${start}"/></w:lvlOverride>`,
            )
            .join(''),
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

/**
 * Numbers the bookmarks 1, 2, … in order (the docx library gives every one the same id, and Word keeps
 * only one bookmark of an id). Headings' bookmarks do not nest, so the n-th end closes the n-th start.
 */
function numberBookmarks(xml: string): string {
  let starts = 0;
  let ends = 0;
  return xml
    .replace(
      /(<w:bookmarkStart\b[^>]*\bw:id=")\d+(")/g,
      (_, head: string, tail: string) => `${head}${++starts}${tail}`,
    )
    .replace(
      /(<w:bookmarkEnd\b[^>]*\bw:id=")\d+(")/g,
      (_, head: string, tail: string) => `${head}${++ends}${tail}`,
    );
}
