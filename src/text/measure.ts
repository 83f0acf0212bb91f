import type { LoadedFont } from './fonts.js';

const widths = new WeakMap<LoadedFont, Map<string, number>>();

/** The advance width of a text in a font at a size, in points; cached per font and text. */
export function measureText(font: LoadedFont, text: string, size: number): number {
  let table = widths.get(font);
  if (!table) {
    table = new Map();
    widths.set(font, table);
  }
  let units = table.get(text);
  if (units === undefined) {
    // fontkit fills in the features object it is given, so it gets a fresh copy each time.
    const features = font.features ? { ...font.features } : undefined;
    units = font.font.layout(text, features).advanceWidth / font.font.unitsPerEm;
    // Long texts are rarely measured twice; keep the cache to words and short runs.
    if (text.length <= 64) table.set(text, units);
  }
  return units * size;
}
