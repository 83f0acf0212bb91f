import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { markEastAsianRuns } from './eastAsian.js';
import { dropStrayParagraphProperties } from './paragraphXml.js';

/** fflate writes DOS times from a date's local fields: a date built from local fields is the same everywhere. */
const FIXED = new Date(1980, 0, 1, 0, 0, 0);

/** The parts whose XML carries paragraphs. */
const PARAGRAPH_PARTS = /^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\/[^/]+\.xml$/;

/**
 * Makes a deck byte-identical for the same input and compresses it: the document dates set to the
 * document date, every part re-added in sorted order with a fixed timestamp and no folder entries,
 * DEFLATE with Node-speed fflate (pako, which JSZip uses, spends most of its time setting up each of a
 * long deck's thousand parts); paragraphs repaired (see {@link dropStrayParagraphProperties}) and East
 * Asian runs given an East Asian typeface (see {@link markEastAsianRuns}).
 */
export function normalizeDeck(bytes: Uint8Array, date: Date, eastAsianFont: string): Uint8Array {
  const parts = unzipSync(bytes);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: Zippable = {};
  for (const name of Object.keys(parts).sort()) {
    const data = parts[name];
    if (!data || name.endsWith('/')) continue;
    out[name] = [fixPart(name, data, stamp, eastAsianFont), { mtime: FIXED, level: 6 }];
  }
  return zipSync(out, { mtime: FIXED, level: 6 });
}

function fixPart(name: string, data: Uint8Array, stamp: string, eastAsianFont: string): Uint8Array {
  if (name === 'docProps/core.xml') {
    return strToU8(
      strFromU8(data).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${stamp}$2`,
      ),
    );
  }
  if (PARAGRAPH_PARTS.test(name)) {
    return strToU8(markEastAsianRuns(dropStrayParagraphProperties(strFromU8(data)), eastAsianFont));
  }
  return data;
}
