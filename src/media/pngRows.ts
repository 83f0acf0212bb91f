import { Unzlib } from 'fflate';
import { CHANNELS, type PngFile, type PngHeader } from './png.js';

/** One pass over a PNG's pixels: the whole image, or one of Adam7's seven sub-images. */
export interface PngPass {
  /** Where the pass's first pixel lies, and the steps between its pixels. */
  readonly x0: number;
  readonly y0: number;
  readonly dx: number;
  readonly dy: number;
  /** The pass's size in pixels. */
  readonly width: number;
  readonly height: number;
}

const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The passes of an image that hold pixels, in the order its data stores them. */
export function passesOf(header: PngHeader): PngPass[] {
  const { width, height } = header;
  if (!header.interlaced) return [{ x0: 0, y0: 0, dx: 1, dy: 1, width, height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: width > x0 ? Math.ceil((width - x0) / dx) : 0,
    height: height > y0 ? Math.ceil((height - y0) / dy) : 0,
  })).filter((pass) => pass.width > 0 && pass.height > 0);
}

/** Bytes of one row of `width` pixels, without its filter byte. */
export function rowBytes(header: PngHeader, width: number): number {
  return Math.ceil((width * (CHANNELS[header.colorType] ?? 1) * header.bitDepth) / 8);
}

/** Bytes the decompressed pixel data of an image holds: every row of every pass with its filter byte. */
export function rawSize(header: PngHeader): number {
  return passesOf(header).reduce((sum, p) => sum + p.height * (rowBytes(header, p.width) + 1), 0);
}

/** Input is fed to the decompressor this much at a time: its output per step is at most ~1,000 times more. */
const STEP = 16 * 1024;

/**
 * Decompresses a PNG's pixel data as a stream, row by row, holding two rows at a time. With `onRow`,
 * each row is unfiltered and handed on (its bytes are reused after the call); without it, rows are only
 * counted and their filter types checked. Returns why the data is unusable: not a zlib stream, fewer
 * bytes than the image's rows, or a row with an unknown filter; data past the last row is ignored.
 */
export function readPngRows(
  png: PngFile,
  onRow?: (pass: PngPass, y: number, row: Uint8Array) => void,
): string | undefined {
  const { header } = png;
  const passes = passesOf(header);
  const bpp = Math.max(1, Math.ceil(((CHANNELS[header.colorType] ?? 1) * header.bitDepth) / 8));
  let passIndex = 0;
  let pass = passes[0];
  let y = 0;
  let length = pass ? rowBytes(header, pass.width) + 1 : 0;
  let current = new Uint8Array(length);
  let previous = new Uint8Array(length);
  let filled = 0;
  let problem: string | undefined;
  const consume = (chunk: Uint8Array) => {
    let at = 0;
    while (at < chunk.length && pass && !problem) {
      const take = Math.min(length - filled, chunk.length - at);
      current.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled < length) return;
      const filter = current[0] ?? 0;
      if (filter > 4) {
        problem = `has a row with an unknown filter (${filter})`;
        return;
      }
      if (onRow) {
        unfilter(current, previous, bpp, filter);
        onRow(pass, y, current.subarray(1));
      }
      [previous, current] = [current, previous];
      filled = 0;
      if (++y < pass.height) continue;
      y = 0;
      pass = passes[++passIndex];
      if (pass) {
        length = rowBytes(header, pass.width) + 1;
        current = new Uint8Array(length);
        previous = new Uint8Array(length);
      }
    }
  };
  const inflater = new Unzlib((chunk) => consume(chunk));
  try {
    for (const [index, part] of png.idat.entries()) {
      for (let start = 0; start < part.length && pass && !problem; start += STEP) {
        const end = Math.min(part.length, start + STEP);
        inflater.push(
          part.subarray(start, end),
          index === png.idat.length - 1 && end === part.length,
        );
      }
    }
  } catch (cause) {
    if (pass) return `has damaged pixel data (${cause instanceof Error ? cause.message : 'zlib'})`;
  }
  if (problem) return problem;
  if (pass) return 'has less pixel data than its size needs';
  return undefined;
}

/** Undoes a row's filter in place; `previous` is the row above, already unfiltered (zeros for a pass's first row). */
function unfilter(row: Uint8Array, previous: Uint8Array, bpp: number, filter: number): void {
  // Index 0 is the filter byte: pixel bytes run from 1, and the byte `bpp` to the left of i is i - bpp.
  for (let i = 1; i < row.length; i++) {
    const left = i > bpp ? (row[i - bpp] ?? 0) : 0;
    const up = previous[i] ?? 0;
    const upLeft = i > bpp ? (previous[i - bpp] ?? 0) : 0;
    let add = 0;
    if (filter === 1) add = left;
    else if (filter === 2) add = up;
    else if (filter === 3) add = (left + up) >> 1;
    else if (filter === 4) add = paeth(left, up, upLeft);
    row[i] = ((row[i] ?? 0) + add) & 0xff;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}
