import { distributeColumns, measureColumnNeeds } from '../../../text/columnWidths.js';
import type { StyledRun } from '../../../text/lineBreak.js';
import { measureText } from '../../../text/measure.js';
import type { Table, TableCell } from '../../../tree/types.js';
import { type InlineFlags, PLAIN, toInlineRuns } from '../../inlineRuns.js';
import type { LayoutEnv, TextBase } from './env.js';
import { keepLastWithNext, ruleSlice } from './slices.js';
import { fontKey, layoutText, layoutTextBlock } from './text.js';
import type { PageItem, Slice } from './types.js';

const PAD_X = 6;
const PAD_Y = 4;

/**
 * Lays out a table: caption above, a styled header row repeated on every page the table continues on,
 * body rows that are never cut, hairlines between rows, and a source line below.
 */
export function layoutTable(table: Table, width: number, env: LayoutEnv): Slice[] {
  const { colors, pdf } = env.theme;
  const size = pdf.tableSize;
  const body: TextBase = { role: 'sans', size, leading: size * 1.3, color: colors.text };
  const head: TextBase = { ...body, bold: true };
  const columns = columnWidths(table, width, body, env);
  const headerSlice: Slice = {
    ...rowSlice(table.header, table, columns, head, env, colors.accentTint),
    keepWithNext: true,
  };
  const headerRule: PageItem = {
    type: 'line',
    x1: 0,
    y1: headerSlice.height,
    x2: width,
    y2: headerSlice.height,
    width: 0.75,
    color: colors.accent,
  };
  const header: Slice = { ...headerSlice, items: [...headerSlice.items, headerRule] };
  const rows = table.rows.map((row, index): Slice => {
    const slice = rowSlice(row, table, columns, body, env);
    const isLast = index === table.rows.length - 1;
    const rule: PageItem = {
      type: 'line',
      x1: 0,
      y1: slice.height,
      x2: width,
      y2: slice.height,
      width: isLast ? 0.75 : 0.25,
      color: isLast ? colors.accent : colors.rule,
    };
    return {
      ...slice,
      items: [...slice.items, rule],
      header: [header],
      keepWithNext: index === 0 && table.rows.length > 1,
    };
  });
  const caption = table.caption
    ? keepLastWithNext(
        layoutText(
          [{ text: table.caption, style: PLAIN }],
          width,
          { role: 'sans', size: 9, leading: 12, color: colors.text, bold: true },
          env,
        ),
      ).map((s, i, all) => (i === all.length - 1 ? { ...s, height: s.height + 3 } : s))
    : [];
  const source = table.source
    ? layoutText(
        toInlineRuns([{ type: 'text', value: table.source }]),
        width,
        { role: 'sans', size: 8, leading: 11, color: colors.muted },
        env,
      )
    : [];
  const sourceSlices = source.map((s, i) => (i === 0 ? { ...s, spaceBefore: 3 } : s));
  // A one-row table must not leave its caption or header alone either.
  if (rows.length === 0)
    return [
      ...caption,
      { ...header, keepWithNext: false },
      ...sourceSlices,
      ruleSlice(width, 0, colors.rule, 0, 0),
    ];
  const lastRow = rows.length - 1;
  if (sourceSlices.length > 0 && rows[lastRow])
    rows[lastRow] = { ...rows[lastRow], keepWithNext: true };
  return [...caption, header, ...rows, ...sourceSlices];
}

function rowSlice(
  cells: readonly TableCell[],
  table: Table,
  columns: readonly number[],
  base: TextBase,
  env: LayoutEnv,
  fill?: string,
): Slice {
  const items: PageItem[] = [];
  let x = 0;
  let height = 0;
  const blocks = columns.map((colWidth, index) => {
    const cell = cells[index];
    const runs: StyledRun<InlineFlags>[] = cell ? toInlineRuns(cell.children) : [];
    const block = layoutTextBlock(
      runs,
      colWidth - 2 * PAD_X,
      base,
      env,
      table.align[index] ?? 'left',
    );
    height = Math.max(height, block.height);
    return block;
  });
  height += 2 * PAD_Y;
  const totalWidth = columns.reduce((a, b) => a + b, 0);
  if (fill) items.push({ type: 'rect', x: 0, y: 0, width: totalWidth, height, color: fill });
  for (const [index, block] of blocks.entries()) {
    for (const item of block.items) {
      items.push(
        item.type === 'line' ? item : { ...item, x: item.x + x + PAD_X, y: item.y + PAD_Y },
      );
    }
    x += columns[index] ?? 0;
  }
  return { height, items, spaceBefore: 0, keepWithNext: false };
}

/** Column widths that fill the width: each column gets its longest word, the rest goes by content length. */
function columnWidths(table: Table, width: number, base: TextBase, env: LayoutEnv): number[] {
  const regular = env.theme.fonts[fontKey('sans', 'regular')];
  const bold = env.theme.fonts[fontKey('sans', 'bold')];
  const texts = [table.header, ...table.rows].map((row) => row.map(cellText));
  const measure = (text: string, row: number) =>
    measureText(row === 0 ? bold : regular, text, base.size);
  const needs = measureColumnNeeds(
    texts,
    measure,
    2 * PAD_X,
    width / Math.max(1, table.header.length),
  );
  return distributeColumns(needs, width).widths;
}

function cellText(cell: TableCell): string {
  return toInlineRuns(cell.children)
    .map((run) => run.text)
    .join('');
}
