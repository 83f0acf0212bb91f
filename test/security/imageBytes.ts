import { crc32 } from 'node:zlib';
import { encode as encodePng, type ImageData } from 'fast-png';
import { encode as encodeJpeg } from 'jpeg-js';

/** One PNG chunk with its length and CRC. */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG's chunks as written: type and where each starts and ends in the file. */
export function chunksOf(png: Uint8Array): { type: string; start: number; end: number }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; start: number; end: number }[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    out.push({
      type: Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1'),
      start: at,
      end,
    });
    at = end;
  }
  return out;
}

/** A PNG with a chunk inserted before the first chunk of type `before`. */
export function insertChunk(png: Uint8Array, before: string, added: Uint8Array): Uint8Array {
  const at = chunksOf(png).find((c) => c.type === before)?.start ?? 8;
  return Buffer.concat([png.subarray(0, at), added, png.subarray(at)]);
}

/** A PNG of `width` × `height` from RGBA pixels, in the colour type, depth and interlacing asked for. */
export function pngOf(
  rgba: readonly number[],
  width: number,
  height: number,
  kind: { channels: 1 | 2 | 3 | 4; depth: 8 | 16; interlace?: boolean },
): Uint8Array {
  const { channels, depth } = kind;
  const data =
    depth === 16
      ? new Uint16Array(width * height * channels)
      : new Uint8Array(width * height * channels);
  for (let p = 0; p < width * height; p++) {
    const [r = 0, g = 0, b = 0, a = 255] = rgba.slice(p * 4, p * 4 + 4);
    const samples =
      channels === 1 ? [r] : channels === 2 ? [r, a] : channels === 3 ? [r, g, b] : [r, g, b, a];
    samples.forEach((v, k) => {
      data[p * channels + k] = depth === 16 ? v * 257 : v;
    });
  }
  const image: ImageData = { width, height, data, channels, depth };
  return encodePng(image, kind.interlace ? { interlace: 'Adam7' } : {});
}

/**
 * An indexed PNG: one palette entry per pixel colour, with alpha where it is not 255. Transparent
 * entries come first, as the encoder writes tRNS only for those (correct only in that order).
 */
export function indexedPng(rgba: readonly number[], width: number, height: number): Uint8Array {
  const colors: number[][] = [];
  for (let p = 0; p < width * height; p++) {
    const color = rgba.slice(p * 4, p * 4 + 4);
    if (!colors.some((c) => c.join() === color.join())) colors.push(color);
  }
  const palette = [...colors.filter((c) => c[3] !== 255), ...colors.filter((c) => c[3] === 255)];
  const indices = new Uint8Array(width * height);
  for (let p = 0; p < width * height; p++) {
    const color = rgba.slice(p * 4, p * 4 + 4).join();
    indices[p] = palette.findIndex((c) => c.join() === color);
  }
  return encodePng({ width, height, data: indices, channels: 1, depth: 8, palette });
}

/** A large 16-bit RGBA PNG (a decoder that widens every sample takes gigabytes for it). */
export function deepPng(width: number, height: number): Uint8Array {
  const data = new Uint16Array(width * height * 4);
  for (let p = 0; p < width * height; p++) data.set([(p % 251) * 257, 40000, 1000, 65535], p * 4);
  return encodePng({ width, height, data, channels: 4, depth: 16 });
}

/** A baseline JPEG of a gradient. */
export function jpegOf(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) data.set([(p * 7) % 256, 80, 200, 255], p * 4);
  return new Uint8Array(encodeJpeg({ width, height, data }, 85).data);
}

/** A data URI of image bytes. */
export function dataUri(bytes: Uint8Array, type = 'png'): string {
  return `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
