import type { Warning } from '../diagnostics/warnings.js';
import type { Position } from '../tree/types.js';
import { distributeColumns, measureColumnNeeds } from './columnWidths.js';

/**
 * One table fitting for every renderer, in the renderer's own unit (points on a page, inches on a slide):
 * the largest of the candidate sizes at which every column gets its longest word, and column widths
 * that fill the width.
 */
export interface TableFitInput {
  /** The cells' text, row 0 being the header. */
  readonly rows: readonly (readonly string[])[];
  readonly width: number;
  /** Sizes to try, the preferred one first, the floor last. */
  readonly sizes: readonly number[];
  /** The width of a text at a size, in the unit of `width`; row 0 is the header (often bold). */
  readonly measure: (text: string, row: number, size: number) => number;
  /** Padding of a cell, left and right together. */
  readonly padding: number;
  /** A word wider than this is broken between characters rather than shrinking the table. */
  readonly maxWord: number;
  /** The cap on a word when the widths are shared out, once the size is chosen (default `maxWord`). */
  readonly spreadMaxWord?: number;
}

/** The size a table is set at, its column widths, and whether its words fit at that size. */
export interface TableFit {
  readonly size: number;
  readonly widths: number[];
  readonly fits: boolean;
}

/** Fits a table (see {@link TableFitInput}); at the floor without fitting, `fits` is false. */
export function fitTable(input: TableFitInput): TableFit {
  const columns = (size: number, maxWord: number) =>
    distributeColumns(
      measureColumnNeeds(
        input.rows,
        (text, row) => input.measure(text, row, size),
        input.padding,
        maxWord,
      ),
      input.width,
    );
  const sizes = input.sizes.length > 0 ? input.sizes : [1];
  const size =
    sizes.find((candidate) => columns(candidate, input.maxWord).fits) ??
    sizes[sizes.length - 1] ??
    1;
  const fits = columns(size, input.maxWord).fits;
  return { size, widths: columns(size, input.spreadMaxWord ?? input.maxWord).widths, fits };
}

/** Sizes from `from` down to `to` in steps of `step`, both ends included. */
export function tableSizes(from: number, to: number, step: number): number[] {
  const sizes: number[] = [];
  for (let size = from; size > to + 1e-9; size -= step) sizes.push(Math.round(size * 100) / 100);
  sizes.push(Math.min(from, to));
  return sizes;
}

/** The one warning both renderers give when a table is set smaller than the theme asks. */
export function tableShrunk(
  name: string,
  size: number,
  preferred: number,
  medium: 'page' | 'slide',
  where: { file: string | undefined; position?: Position | undefined },
): Omit<Warning, 'format'> {
  return {
    code: 'TABLE_SHRUNK',
    message: `table "${name}" is set at ${size} pt to fit the ${medium} (theme: ${preferred} pt)`,
    file: where.file,
    ...where.position,
  };
}

/**
 * Where a row taller than the room for it is cut: between lines, into parts of at most `perPart` lines
 * (at least one) of its tallest cell; each part is a range of line indexes that every cell keeps in its
 * own column.
 */
export function rowParts(
  lineCounts: readonly number[],
  perPart: number,
): { start: number; end: number }[] {
  const step = Math.max(1, Math.floor(perPart));
  const count = Math.max(1, ...lineCounts);
  const parts: { start: number; end: number }[] = [];
  for (let start = 0; start < count; start += step)
    parts.push({ start, end: Math.min(count, start + step) });
  return parts;
}
