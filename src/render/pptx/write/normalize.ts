import JSZip from 'jszip';
import { dropStrayParagraphProperties } from './paragraphXml.js';

/**
 * Makes a deck byte-identical for the same input: the document dates set to the document date, every zip
 * entry re-added in sorted order with a fixed timestamp, no folder entries, DEFLATE; and paragraphs repaired
 * (see {@link dropStrayParagraphProperties}).
 */
export async function normalizeDeck(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const names = Object.keys(zip.files)
    .filter((name) => !zip.files[name]?.dir)
    .sort();
  // JSZip writes DOS times from the UTC fields, so a UTC date gives the same bytes in every time zone.
  const fixed = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
  for (const name of names) {
    const entry = zip.file(name);
    if (!entry) continue;
    if (name === 'docProps/core.xml') {
      const xml = (await entry.async('string')).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${stamp}$2`,
      );
      out.file(name, xml, { date: fixed, createFolders: false });
    } else if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) {
      out.file(name, dropStrayParagraphProperties(await entry.async('string')), {
        date: fixed,
        createFolders: false,
      });
    } else {
      out.file(name, await entry.async('uint8array'), { date: fixed, createFolders: false });
    }
  }
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}
