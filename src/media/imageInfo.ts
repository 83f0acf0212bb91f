import { isJpeg, readJpegHeader } from './jpeg.js';
import { isPng, readPngChunks } from './png.js';
import { readPngRows } from './pngRows.js';

/** An image read from the input's folder (or an allowed root), a data URI, or the theme. */
export interface LoadedImage {
  readonly data: Uint8Array;
  readonly mediaType: 'image/png' | 'image/jpeg';
  /** Pixel width and height. */
  readonly width: number;
  readonly height: number;
}

/** What {@link checkImage} found: a usable image, why it is not one, or its size when it is over the pixel limit. */
export type ImageCheck =
  | { readonly image: LoadedImage }
  | { readonly invalid: string }
  | { readonly tooLarge: { readonly width: number; readonly height: number } };

/**
 * Checks image bytes before anything decodes them: a PNG's every chunk and its pixel count, then its
 * pixel data decompressed as a stream (bounded memory) to prove it is whole; a JPEG's segments up to its
 * frame header. Only an image that passes reaches a renderer.
 */
export function checkImage(data: Uint8Array, maxPixels: number): ImageCheck {
  if (isPng(data)) {
    const png = readPngChunks(data);
    if ('invalid' in png) return png;
    const { width, height } = png.header;
    if (width * height > maxPixels) return { tooLarge: { width, height } };
    const problem = readPngRows(png);
    if (problem) return { invalid: problem };
    return { image: { data, mediaType: 'image/png', width, height } };
  }
  if (isJpeg(data)) {
    const header = readJpegHeader(data);
    if ('invalid' in header) return header;
    const { width, height } = header;
    if (width * height > maxPixels) return { tooLarge: { width, height } };
    return { image: { data, mediaType: 'image/jpeg', width, height } };
  }
  return { invalid: 'is not a PNG or JPEG image' };
}
