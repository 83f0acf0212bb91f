import { unzipSync } from 'fflate';

const PAGE = Buffer.from('/Type /Page', 'latin1');

/**
 * The pages of a PDF or the slides of a deck, read from its bytes (0 for other formats). The PDF's bytes
 * are searched in place, not copied into a string, so that counting a long report's pages costs nothing.
 */
export function countPages(format: string, bytes: Uint8Array): number {
  if (format === 'pdf')
    return pdfPages(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (format === 'pptx') {
    const parts = unzipSync(bytes, {
      filter: (file) => /^ppt\/slides\/slide\d+\.xml$/.test(file.name),
    });
    return Object.keys(parts).length;
  }
  return 0;
}

/** Page objects: `/Type /Page` not followed by a letter (which would make it `/Pages`). */
function pdfPages(pdf: Buffer): number {
  let pages = 0;
  for (let at = pdf.indexOf(PAGE); at >= 0; at = pdf.indexOf(PAGE, at + PAGE.length)) {
    const next = pdf[at + PAGE.length] ?? 0;
    if (!/[A-Za-z0-9_]/.test(String.fromCharCode(next))) pages++;
  }
  return pages;
}
