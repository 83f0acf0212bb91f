/** What a JPEG's frame header says, once its segments up to it were checked. */
export interface JpegHeader {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 3 YCbCr/RGB, 4 CMYK. */
  readonly components: number;
}

/** Whether bytes start with a JPEG's start-of-image marker. */
export function isJpeg(data: Uint8Array): boolean {
  return data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
}

/** Start-of-frame markers of the codings PDF readers decode: baseline, extended and progressive Huffman. */
const READABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2]);

/** Start-of-frame markers of every other coding (lossless, hierarchical, arithmetic). */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Reads a JPEG's segments up to its first scan, checking every length against the file, the frame
 * header's size against its components, and that a scan starts and the image ends (an end-of-image
 * marker after it): the size and components a PDF's DCTDecode image needs. A file cut short, or with
 * no scan, is refused (readers such as qpdf report its stream as damaged); the compressed data itself
 * is left to the reader.
 */
export function readJpegHeader(data: Uint8Array): JpegHeader | { readonly invalid: string } {
  if (!isJpeg(data)) return { invalid: 'does not start with a JPEG marker' };
  let offset = 2;
  let header: JpegHeader | undefined;
  while (offset < data.length) {
    if (data[offset] !== 0xff) return { invalid: 'has a damaged segment before its frame header' };
    // Fill bytes: a marker may be preceded by any number of 0xFF.
    while (data[offset + 1] === 0xff) offset++;
    const marker = data[offset + 1] ?? 0;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      // Markers that stand alone, without a length.
      offset += 2;
      continue;
    }
    if (offset + 4 > data.length) break;
    const length = ((data[offset + 2] ?? 0) << 8) | (data[offset + 3] ?? 0);
    if (marker === 0xd9) break;
    if (length < 2 || offset + 2 + length > data.length)
      return { invalid: 'has a segment that runs past the end of the file' };
    if (marker === 0xda) {
      if (!header) return { invalid: 'has a scan before its frame header' };
      return hasEnd(data, offset + 2 + length)
        ? header
        : { invalid: 'is cut short (it never ends)' };
    }
    if (OTHER_FRAMES.has(marker))
      return { invalid: 'uses a JPEG coding that PDF readers do not decode' };
    if (READABLE_FRAMES.has(marker)) {
      if (length < 8) return { invalid: 'has a malformed frame header' };
      const precision = data[offset + 4];
      const height = ((data[offset + 5] ?? 0) << 8) | (data[offset + 6] ?? 0);
      const width = ((data[offset + 7] ?? 0) << 8) | (data[offset + 8] ?? 0);
      const components = data[offset + 9] ?? 0;
      if (precision !== 8) return { invalid: `has ${precision}-bit samples (PDF takes 8)` };
      if (width === 0 || height === 0) return { invalid: 'has no size in its frame header' };
      if (components !== 1 && components !== 3 && components !== 4)
        return { invalid: `has ${components} colour components` };
      if (length !== 8 + 3 * components) return { invalid: 'has a malformed frame header' };
      header = { width, height, components };
    }
    offset += 2 + length;
  }
  return { invalid: header ? 'has no image data (no scan)' : 'has no frame header' };
}

/** Whether an end-of-image marker follows the compressed data (0xFF 0xD9 occurs nowhere else in it). */
function hasEnd(data: Uint8Array, from: number): boolean {
  for (
    let i = data.indexOf(0xff, from);
    i !== -1 && i + 1 < data.length;
    i = data.indexOf(0xff, i + 1)
  )
    if (data[i + 1] === 0xd9) return true;
  return false;
}
