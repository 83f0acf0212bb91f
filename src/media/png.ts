import { crc32 } from 'node:zlib';

/** A PNG's header: what every later step relies on. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  /** Bits per sample: 1, 2, 4, 8 or 16. */
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 indexed, 4 grey with alpha, 6 RGB with alpha. */
  readonly colorType: number;
  readonly interlaced: boolean;
}

/** A PNG whose every chunk was checked: its header, palette, transparency and compressed pixels. */
export interface PngFile {
  readonly header: PngHeader;
  /** RGB triples of an indexed image. */
  readonly palette: Uint8Array | undefined;
  /** The tRNS chunk: alpha per palette entry, or the grey or RGB value that is transparent. */
  readonly transparency: Uint8Array | undefined;
  /** The IDAT chunks' data, in order: one zlib stream. */
  readonly idat: readonly Uint8Array[];
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bit depths each colour type allows. */
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Samples per pixel of each colour type (an index counts as one). */
export const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Whether bytes start with the PNG signature. */
export function isPng(data: Uint8Array): boolean {
  return data.length >= 8 && SIGNATURE.every((byte, i) => data[i] === byte);
}

/**
 * Reads a PNG's chunks, checking every length against the file, every CRC, the header's values, and the
 * order the format requires (IHDR first, PLTE before IDAT, IDAT together, IEND last), before a single
 * pixel is decompressed. Returns the checked file, or why it is not a usable PNG.
 */
export function readPngChunks(data: Uint8Array): PngFile | { readonly invalid: string } {
  if (!isPng(data)) return { invalid: 'does not start with the PNG signature' };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let header: PngHeader | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let idatEnded = false;
  let offset = 8;
  for (;;) {
    if (offset + 12 > data.length) return { invalid: 'ends before its IEND chunk' };
    const length = view.getUint32(offset);
    if (length > data.length - offset - 12)
      return { invalid: `has a chunk of ${length} bytes that runs past the end of the file` };
    const typeBytes = data.subarray(offset + 4, offset + 8);
    const type = String.fromCharCode(...typeBytes);
    if (!/^[A-Za-z]{4}$/.test(type)) return { invalid: 'has a chunk with an unreadable type' };
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (
      crc32(data.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)
    )
      return { invalid: `has a damaged ${type} chunk (its checksum does not match)` };
    offset += 12 + length;
    if (!header) {
      if (type !== 'IHDR') return { invalid: `has a ${type} chunk before its IHDR header` };
      const parsed = readHeader(body);
      if ('invalid' in parsed) return parsed;
      header = parsed;
      continue;
    }
    if (type === 'IDAT') {
      if (idatEnded) return { invalid: 'has its pixel data split by other chunks' };
      idat.push(body);
      continue;
    }
    if (idat.length > 0) idatEnded = true;
    if (type === 'IEND') break;
    if (type === 'IHDR') return { invalid: 'has a second IHDR header' };
    if (type === 'PLTE') {
      if (idat.length > 0 || length % 3 !== 0 || length === 0 || length > 768)
        return { invalid: 'has a malformed palette' };
      palette = body;
    } else if (type === 'tRNS') {
      transparency = body;
    } else if (type.charCodeAt(0) < 0x61) {
      // An unknown chunk whose type starts with a capital is critical: it cannot be skipped.
      return { invalid: `has a ${type} chunk that PNG readers must understand` };
    }
  }
  if (!header) return { invalid: 'has no IHDR header' };
  if (idat.length === 0) return { invalid: 'has no pixel data' };
  if (header.colorType === 3 && !palette) return { invalid: 'is indexed but has no palette' };
  return { header, palette, transparency, idat };
}

function readHeader(body: Uint8Array): PngHeader | { readonly invalid: string } {
  if (body.length !== 13) return { invalid: 'has a malformed IHDR header' };
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [bitDepth = 0, colorType = 0, compression, filter, interlace] = body.subarray(8);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff)
    return { invalid: `has an impossible size (${width} × ${height})` };
  if (!DEPTHS[colorType]?.includes(bitDepth))
    return { invalid: `has an impossible colour type and bit depth (${colorType}, ${bitDepth})` };
  if (compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1))
    return { invalid: 'has an unknown compression, filter or interlace method' };
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}
