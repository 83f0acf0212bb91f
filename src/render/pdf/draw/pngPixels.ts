import type { PngFile } from '../../../media/png.js';

/** A row of 8-bit colour samples (grey or RGB) and, for images with transparency, 8-bit alpha. */
export interface PixelRow {
  readonly color: Uint8Array;
  readonly alpha: Uint8Array | undefined;
}

/** How a PNG's pixels become 8-bit grey or RGB plus alpha: the channels out, and a row converter. */
export interface PixelConverter {
  /** 1 (grey) or 3 (RGB). */
  readonly colors: 1 | 3;
  readonly hasAlpha: boolean;
  /** Converts an unfiltered row of `width` pixels into `out`, starting at pixel `start`, every `step`. */
  convert(row: Uint8Array, width: number, out: PixelRow, start: number, step: number): void;
}

/**
 * The converter of a PNG's pixels to 8-bit samples: 16-bit samples keep their high byte, grey of 1–4
 * bits is scaled up, palettes are looked up, and tRNS (a transparent grey or RGB value, or alpha per
 * palette entry) becomes an alpha channel.
 */
export function pixelConverter(png: PngFile): PixelConverter {
  const { colorType, bitDepth } = png.header;
  const key = png.transparency;
  const palette = png.palette ?? new Uint8Array(0);
  const colors = colorType === 0 || colorType === 4 ? 1 : 3;
  const hasAlpha = colorType === 4 || colorType === 6 || key !== undefined;
  const channels = colorType === 2 ? 3 : colorType === 6 ? 4 : colorType === 4 ? 2 : 1;
  const wide = bitDepth === 16;
  /** Sample `k` of pixel `i` at its own depth (16-bit samples whole, for transparent-key checks). */
  const sample = (row: Uint8Array, i: number, k: number): number => {
    if (wide) {
      const at = (i * channels + k) * 2;
      return ((row[at] ?? 0) << 8) | (row[at + 1] ?? 0);
    }
    if (bitDepth === 8) return row[i * channels + k] ?? 0;
    const bit = i * bitDepth;
    return ((row[bit >> 3] ?? 0) >> (8 - bitDepth - (bit & 7))) & ((1 << bitDepth) - 1);
  };
  const to8 = (value: number) =>
    wide ? value >> 8 : bitDepth === 8 ? value : Math.round((value * 255) / ((1 << bitDepth) - 1));
  const keyAt = (k: number) => key && ((key[k * 2] ?? 0) << 8) | (key[k * 2 + 1] ?? 0);
  return {
    colors,
    hasAlpha,
    convert(row, width, out, start, step) {
      for (let i = 0, p = start; i < width; i++, p += step) {
        if (colorType === 3) {
          const index = sample(row, i, 0);
          out.color[p * 3] = palette[index * 3] ?? 0;
          out.color[p * 3 + 1] = palette[index * 3 + 1] ?? 0;
          out.color[p * 3 + 2] = palette[index * 3 + 2] ?? 0;
          if (out.alpha) out.alpha[p] = key?.[index] ?? 255;
          continue;
        }
        const first = sample(row, i, 0);
        if (colors === 1) {
          out.color[p] = to8(first);
        } else {
          out.color[p * 3] = to8(first);
          out.color[p * 3 + 1] = to8(sample(row, i, 1));
          out.color[p * 3 + 2] = to8(sample(row, i, 2));
        }
        if (!out.alpha) continue;
        if (colorType === 4 || colorType === 6) {
          out.alpha[p] = to8(sample(row, i, channels - 1));
        } else if (colorType === 0) {
          out.alpha[p] = first === keyAt(0) ? 0 : 255;
        } else {
          const transparent =
            first === keyAt(0) && sample(row, i, 1) === keyAt(1) && sample(row, i, 2) === keyAt(2);
          out.alpha[p] = transparent ? 0 : 255;
        }
      }
    },
  };
}
