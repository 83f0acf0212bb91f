import type { StyledRun } from '../../../text/lineBreak.js';
import { measureText } from '../../../text/measure.js';
import { fitTable, rowParts, tableShrunk, tableSizes } from '../../../text/tableFit.js';
import { continuedLabel, withContinued } from '../../../theme/labels.js';
import type { Table, TableCell } from '../../../tree/types.js';
import { type InlineFlags, PLAIN, toInlineRuns } from '../../inlineRuns.js';
import type { LayoutEnv, TextBase } from './env.js';
import { keepLastWithNext, shiftItems } from './slices.js';
import { tagItems, tagSlices, untagSlice } from './struct.js';
import { fontKey, layoutText, layoutTextBlock } from './text.js';
import type { PageItem, Slice } from './types.js';

const PAD_X = 6;
const PAD_Y = 4;

/**
 * Lays out a table: caption above, a styled header row repeated on every page the table continues on,
 * body rows that are never cut, hairlines between rows, and a source line below.
 */
export function layoutTable(table: Table, width: number, env: LayoutEnv, parent: number): Slice[] {
  const { colors } = env.theme;
  const element = env.struct.add('Table', parent);
  const { size, columns } = fitColumns(table, width, env);
  const body: TextBase = { role: 'sans', size, leading: size * 1.3, color: colors.text };
  const head: TextBase = { ...body, bold: true };
  const captionBase: TextBase = {
    role: 'sans',
    size: 9,
    leading: 12,
    color: colors.text,
    bold: true,
  };
  const captionOf = (text: string) =>
    keepLastWithNext(layoutText([{ text, style: PLAIN }], width, captionBase, env)).map(
      (s, i, all) => (i === all.length - 1 ? { ...s, height: s.height + 3 } : s),
    );
  const caption = table.caption
    ? tagSlices(captionOf(table.caption), env.struct.add('Caption', element), env.struct)
    : [];
  const header = headerRow(table, columns, head, width, env, element);
  // On every page the table continues on: the caption marked "(continued)", then the header row.
  // Repeats are artifacts: a screen reader reads the caption and the header once.
  const repeated = [
    ...(table.caption
      ? captionOf(withContinued(table.caption, continuedLabel(env.theme, env.language)))
      : []),
    header,
  ].map(untagSlice);
  const rows = table.rows.flatMap((row, index): Slice[] => {
    const isLast = index === table.rows.length - 1;
    const content = rowContent(
      row,
      table,
      columns,
      body,
      env,
      rowTags(env, element, row.length, 'TD'),
    );
    const bands = bandRow(content, body.leading, {
      width,
      fill: index % 2 === 1 ? colors.zebra : undefined,
      rule: { width: isLast ? 0.75 : 0.25, color: isLast ? colors.accent : colors.rule },
    });
    // The first row stays with the second, so a table never starts with a lone row at a page foot.
    const keepLast = index === 0 && table.rows.length > 1;
    return bands.map((band, i) => ({
      ...band,
      header: repeated,
      keepWithNext: i < bands.length - 1 || keepLast,
    }));
  });
  const source = table.source
    ? tagSlices(
        layoutText(
          toInlineRuns([{ type: 'text', value: table.source }]),
          width,
          { role: 'sans', size: 8, leading: 11, color: colors.muted },
          env,
        ),
        env.struct.add('P', parent),
        env.struct,
      )
    : [];
  const sourceSlices = source.map((s, i) => (i === 0 ? { ...s, spaceBefore: 3 } : s));
  if (rows.length === 0)
    return [...caption, { ...header, keepWithNext: sourceSlices.length > 0 }, ...sourceSlices];
  const lastRow = rows.length - 1;
  // The source line stays with the last row.
  if (sourceSlices.length > 0 && rows[lastRow])
    rows[lastRow] = { ...rows[lastRow], keepWithNext: true };
  return [...caption, header, ...rows, ...sourceSlices];
}

function headerRow(
  table: Table,
  columns: readonly number[],
  head: TextBase,
  width: number,
  env: LayoutEnv,
  element: number,
): Slice {
  const { colors } = env.theme;
  const tags = rowTags(env, element, table.header.length, 'TH');
  const content = rowContent(table.header, table, columns, head, env, tags);
  const items: PageItem[] = [
    { type: 'rect', x: 0, y: 0, width, height: content.height, color: colors.accentTint },
    ...content.items,
    {
      type: 'line',
      x1: 0,
      y1: content.height,
      x2: width,
      y2: content.height,
      width: 0.75,
      color: colors.accent,
    },
  ];
  return { height: content.height, items, spaceBefore: 0, keepWithNext: true };
}

/** The table's font size and column widths: the theme's size, shrunk down to a floor when the columns' words do not fit. */
function fitColumns(
  table: Table,
  width: number,
  env: LayoutEnv,
): { size: number; columns: number[] } {
  const preferred = env.theme.pdf.tableSize;
  const floor = Math.min(preferred, MIN_TABLE_SIZE);
  const regular = env.theme.fonts[fontKey('sans', 'regular')];
  const bold = env.theme.fonts[fontKey('sans', 'bold')];
  const name = table.caption ?? cellText(table.header[0]);
  const fit = fitTable({
    rows: [table.header, ...table.rows].map((row) => row.map(cellText)),
    width,
    sizes: tableSizes(preferred, floor, 0.5),
    measure: (text, row, size) => measureText(row === 0 ? bold : regular, text, size),
    padding: 2 * PAD_X,
    // A word longer than 40% of the width (a URL, an identifier) is broken rather than shrinking the table.
    maxWord: width * 0.4,
    spreadMaxWord: width / table.header.length,
  });
  const where = { file: env.file, position: table.position };
  if (fit.fits && fit.size < preferred)
    env.warn(tableShrunk(name, fit.size, preferred, 'page', where));
  if (!fit.fits) {
    env.warn({
      code: 'TABLE_TOO_WIDE',
      message: `table "${name}" is too wide for the page even at ${floor} pt; long words are broken`,
      ...where,
      ...table.position,
    });
  }
  return { size: fit.size, columns: fit.widths };
}

/** The smallest size a table's text is shrunk to before its words are broken instead. */
const MIN_TABLE_SIZE = 7;

/** A `TR` element and one `TH` or `TD` element per cell. */
function rowTags(env: LayoutEnv, table: number, count: number, cell: 'TH' | 'TD'): number[] {
  const row = env.struct.add('TR', table);
  return Array.from({ length: count }, () =>
    env.struct.add(cell, row, cell === 'TH' ? { scope: 'Column' } : {}),
  );
}

/** The cells of a row side by side: their items (relative to the row's top) and the row's height. */
function rowContent(
  cells: readonly TableCell[],
  table: Table,
  columns: readonly number[],
  base: TextBase,
  env: LayoutEnv,
  tags: readonly number[],
): { items: PageItem[]; height: number } {
  const items: PageItem[] = [];
  let x = 0;
  let height = 0;
  for (const [index, width] of columns.entries()) {
    const cell = cells[index];
    const runs: StyledRun<InlineFlags>[] = cell ? toInlineRuns(cell.children) : [];
    const block = layoutTextBlock(runs, width - 2 * PAD_X, base, env, table.align[index] ?? 'left');
    height = Math.max(height, block.height);
    const tag = tags[index];
    items.push(
      ...shiftItems(
        tag === undefined ? block.items : tagItems(block.items, tag, env.struct),
        x + PAD_X,
        PAD_Y,
      ),
    );
    x += width;
  }
  return { items, height: height + 2 * PAD_Y };
}

/**
 * Cuts a row into bands of one line each, which stay together (keep-with-next) unless the row is taller
 * than a page: the one case where a row may break, between lines. Each band paints its share of the
 * row's fill; the last one carries the rule under the row.
 */
function bandRow(
  content: { items: readonly PageItem[]; height: number },
  leading: number,
  style: { width: number; fill: string | undefined; rule: { width: number; color: string } },
): Slice[] {
  const lines = Math.max(1, Math.round((content.height - 2 * PAD_Y) / leading));
  // One band per line: the paginator may then cut the row between any two of its lines.
  const parts = rowParts([lines], 1);
  const bounds = [
    ...parts.map((part) => (part.start === 0 ? 0 : PAD_Y + part.start * leading)),
    content.height,
  ];
  const bandOf = (item: PageItem) => {
    const y =
      item.type === 'line'
        ? item.y1
        : item.type === 'text' || item.type === 'anchor' || item.type === 'path'
          ? item.y
          : item.y + item.height * 0.7;
    return Math.min(lines - 1, Math.max(0, Math.floor((y - PAD_Y) / leading)));
  };
  return bounds.slice(0, -1).map((top, band) => {
    const height = (bounds[band + 1] ?? content.height) - top;
    const items: PageItem[] = [];
    if (style.fill)
      items.push({ type: 'rect', x: 0, y: 0, width: style.width, height, color: style.fill });
    items.push(
      ...shiftItems(
        content.items.filter((item) => bandOf(item) === band),
        0,
        -top,
      ),
    );
    if (band === lines - 1) {
      items.push({ type: 'line', x1: 0, y1: height, x2: style.width, y2: height, ...style.rule });
    }
    return { height, items, spaceBefore: 0, keepWithNext: false };
  });
}

function cellText(cell: TableCell | undefined): string {
  if (!cell) return '';
  return toInlineRuns(cell.children)
    .map((run) => run.text)
    .join('');
}
