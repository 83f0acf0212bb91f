import { strFromU8, strToU8, unzipSync } from 'fflate';
import { toXmlBytes } from '../../../text/xmlChars.js';
import { dateStamp, isXmlPart, pinDates, sortParts } from '../../ooxml/parts.js';
import { zipParts } from '../../ooxml/zip.js';
import { matchMarkerColors } from './chartXml.js';
import { markEastAsianRuns } from './eastAsian.js';
import { dropStrayParagraphProperties } from './paragraphXml.js';

/** The parts whose XML carries paragraphs. */
const PARAGRAPH_PARTS = /^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\/[^/]+\.xml$/;

/**
 * Makes a deck byte-identical for the same input and compresses it: the document dates set to the
 * document date, every part re-added in sorted order with a fixed timestamp and no folder entries,
 * deflated by Node's zlib (pako, which JSZip uses, and fflate's own deflate spend most of their time
 * setting up each of a long deck's thousand parts); paragraphs repaired (see {@link dropStrayParagraphProperties}) and East
 * Asian runs given an East Asian typeface (see {@link markEastAsianRuns}).
 */
export function normalizeDeck(bytes: Uint8Array, date: Date, eastAsianFont: string): Uint8Array {
  const parts = unzipSync(bytes);
  const stamp = dateStamp(date);
  const renumber = chartNumbering(Object.keys(parts));
  const held = new Set(Object.keys(parts).map(renumber));
  const out: [string, Uint8Array][] = [];
  for (const name of Object.keys(parts)) {
    const data = parts[name];
    if (!data || name.endsWith('/')) continue;
    const fixed = fixPart(name, data, stamp, eastAsianFont, renumber);
    out.push([renumber(name), name === '[Content_Types].xml' ? heldTypes(fixed, held) : fixed]);
  }
  return zipParts(sortParts(out));
}

/**
 * The content types without overrides for parts the deck does not hold (pptxgenjs writes one for each
 * of six slide masters, and writes one master).
 */
function heldTypes(types: Uint8Array, held: ReadonlySet<string>): Uint8Array {
  return strToU8(
    strFromU8(types).replace(/<Override [^>]*PartName="\/([^"]+)"[^>]*\/>/g, (tag, part: string) =>
      held.has(part) ? tag : '',
    ),
  );
}

/** Part names that carry a chart's number: the chart, its relationships and its workbook. */
const CHART_NUMBERED = /(charts\/(?:_rels\/)?chart|Microsoft_Excel_Worksheet)(\d+)(\.xml|\.xlsx)/g;

/**
 * pptxgenjs numbers charts with a counter shared by every deck the process makes: number them 1, 2, …
 * in their order in this deck, so the same input gives the same part names in any process.
 */
function chartNumbering(names: readonly string[]): (text: string) => string {
  const numbers = names
    .map((name) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const map = new Map(numbers.map((n, i) => [n, i + 1]));
  return (text) =>
    text.replace(CHART_NUMBERED, (all, prefix: string, n: string, suffix: string) => {
      const to = map.get(Number(n));
      return to === undefined ? all : `${prefix}${to}${suffix}`;
    });
}

function fixPart(
  name: string,
  written: Uint8Array,
  stamp: string,
  eastAsianFont: string,
  renumber: (text: string) => string,
): Uint8Array {
  // The last guard: whatever text reached a part (a theme's footer, a chart label from a fence), the
  // part holds only characters XML allows; the content's own were reported when it was loaded.
  const data = isXmlPart(name) ? toXmlBytes(written) : written;
  if (name.endsWith('.rels') || name === '[Content_Types].xml') {
    return strToU8(renumber(strFromU8(data)));
  }
  if (name.endsWith('.xlsx')) return normalizeWorkbook(data, stamp);
  if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) return strToU8(matchMarkerColors(strFromU8(data)));
  if (name === 'docProps/core.xml') return pinDates(data, stamp);
  if (PARAGRAPH_PARTS.test(name)) {
    return strToU8(markEastAsianRuns(dropStrayParagraphProperties(strFromU8(data)), eastAsianFont));
  }
  return data;
}

/** A chart's embedded workbook, made byte-identical the same way as the deck around it. */
function normalizeWorkbook(bytes: Uint8Array, stamp: string): Uint8Array {
  const parts = unzipSync(bytes);
  const out: [string, Uint8Array][] = [];
  for (const name of Object.keys(parts)) {
    const data = parts[name];
    if (!data || name.endsWith('/')) continue;
    const clean = isXmlPart(name) ? toXmlBytes(data) : data;
    out.push([name, name === 'docProps/core.xml' ? pinDates(clean, stamp) : clean]);
  }
  return zipParts(sortParts(out));
}
