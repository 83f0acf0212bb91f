import { distributeColumns, measureColumnNeeds } from '../../../text/columnWidths.js';
import type { StyledRun } from '../../../text/lineBreak.js';
import { measureText } from '../../../text/measure.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { Table } from '../../../tree/types.js';
import { type InlineFlags, PLAIN, toInlineRuns } from '../../inlineRuns.js';
import { balancedSplit } from './balance.js';
import { breakSlideLines, LINE_PITCH, measureSlideText } from './measure.js';
import type { Box, PlannedSlide } from './types.js';

/** Cell margins in inches (pptxgenjs' defaults, written explicitly). */
export const CELL = { x: 0.1, y: 0.05 } as const;

type Row = readonly (readonly StyledRun<InlineFlags>[])[];

/**
 * Plans a table as one or more slides: rows measured at the table size (shrunk to the floor when the
 * columns do not fit), split between rows, the header row repeated; at most `maxTableRows` rows a slide.
 * A table too wide even at the floor is split by columns, every part keeping the first column.
 */
export function planTable(
  table: Table,
  title: string,
  body: Box,
  notes: string,
  theme: ResolvedTheme,
): PlannedSlide[] {
  const header: Row = table.header.map((cell) =>
    toInlineRuns(cell.children, { ...PLAIN, bold: true }),
  );
  const rows: Row[] = table.rows.map((row) => row.map((cell) => toInlineRuns(cell.children)));
  const whole = { header, rows, align: table.align };
  const fitted = fitTable(whole, body.w, theme);
  if (fitted.fits || header.length <= 2) {
    return planRows(
      whole,
      fitted,
      { title, continued: false, body, notes, source: table.source },
      theme,
    );
  }
  return columnGroups(whole, body.w, theme).flatMap((columns, index) => {
    const part = pickColumns(whole, columns);
    const context = { title, continued: index > 0, body, notes, source: table.source };
    return planRows(part, fitTable(part, body.w, theme), context, theme);
  });
}

interface TableRows {
  readonly header: Row;
  readonly rows: readonly Row[];
  readonly align: readonly ('left' | 'center' | 'right')[];
}

interface Fitted {
  readonly size: number;
  readonly widths: number[];
  readonly fits: boolean;
}

/** The table size (shrunk one point at a time down to the theme's floor) and column widths. */
function fitTable(table: TableRows, width: number, theme: ResolvedTheme): Fitted {
  let size = theme.deck.tableSize;
  let columns = columnWidths([table.header, ...table.rows], width, size, theme);
  while (size > theme.deck.minTableSize && !columns.fits) {
    size -= 1;
    columns = columnWidths([table.header, ...table.rows], width, size, theme);
  }
  return { size, ...columns };
}

/** Groups of columns that fit at the floor size, each led by the first column. */
function columnGroups(table: TableRows, width: number, theme: ResolvedTheme): number[][] {
  const groups: number[][] = [];
  let group: number[] = [0];
  for (let column = 1; column < table.header.length; column++) {
    const candidate = [...group, column];
    const fits = columnWidths(
      [table.header, ...table.rows].map((row) => candidate.map((i) => row[i] ?? [])),
      width,
      theme.deck.minTableSize,
      theme,
    ).fits;
    if (fits || group.length === 1) {
      group = candidate;
    } else {
      groups.push(group);
      group = [0, column];
    }
  }
  groups.push(group);
  return groups;
}

function pickColumns(table: TableRows, columns: readonly number[]): TableRows {
  const pick = (row: Row) => columns.map((i) => row[i] ?? []);
  return {
    header: pick(table.header),
    rows: table.rows.map(pick),
    align: columns.map((i) => table.align[i] ?? 'left'),
  };
}

/** Where a table's rows go: the slide title (and whether the table already started), the frame, notes, source. */
interface RowContext {
  readonly title: string;
  readonly continued: boolean;
  readonly body: Box;
  readonly notes: string;
  readonly source: string | undefined;
}

/** Splits rows into slides, balanced across them (8, 8, 4 rows become 7, 7, 6) when that costs no extra slide. */
function planRows(
  table: TableRows,
  fitted: Fitted,
  context: RowContext,
  theme: ResolvedTheme,
): PlannedSlide[] {
  const split = (max: number) => fillRows(table, fitted, context, theme, max);
  return balancedSplit(table.rows.length, theme.deck.maxTableRows, split);
}

function fillRows(
  table: TableRows,
  fitted: Fitted,
  context: RowContext,
  theme: ResolvedTheme,
  maxRows: number,
): PlannedSlide[] {
  const { size, widths } = fitted;
  const { body } = context;
  const rowHeight = (row: Row) =>
    Math.max(
      (size * LINE_PITCH) / 72,
      ...row.map((runs, i) => measureSlideText(runs, (widths[i] ?? 1) - 2 * CELL.x, size, theme)),
    ) +
    2 * CELL.y +
    0.02;
  const capacity = body.h - (context.source ? 0.4 : 0) - 0.1;
  const headerHeight = rowHeight(table.header);
  const slides: PlannedSlide[] = [];
  let current: Row[] = [];
  let used = headerHeight;
  const flush = () => {
    slides.push({
      kind: 'table',
      title: slides.length === 0 && !context.continued ? context.title : `${context.title} (cont.)`,
      body,
      size,
      columns: widths,
      header: table.header,
      rows: current,
      align: table.align,
      source: context.source,
      tableHeight: used,
      notes: context.notes,
    });
    current = [];
    used = headerHeight;
  };
  // A row taller than a slide is the one row that is cut: between lines, the rest on the next slide.
  const room = capacity - headerHeight;
  const rows = table.rows.flatMap((row) =>
    rowHeight(row) > room ? cutRow(row, widths, size, room, theme) : [row],
  );
  for (const row of rows) {
    const height = rowHeight(row);
    if (current.length > 0 && (used + height > capacity || current.length >= maxRows)) flush();
    current.push(row);
    used += height;
  }
  if (current.length > 0 || slides.length === 0) flush();
  return slides;
}

/** Cuts a row into rows of at most `room` inches, each cell's lines carried on in the same column. */
function cutRow(
  row: Row,
  widths: readonly number[],
  size: number,
  room: number,
  theme: ResolvedTheme,
): Row[] {
  const pitch = (size * LINE_PITCH) / 72;
  const perRow = Math.max(1, Math.floor((room - 2 * CELL.y - 0.02) / pitch));
  const cells = row.map((runs, i) =>
    breakSlideLines(runs, (widths[i] ?? 1) - 2 * CELL.x, size, theme),
  );
  const count = Math.max(...cells.map((lines) => lines.length));
  const rows: Row[] = [];
  for (let start = 0; start < count; start += perRow) {
    rows.push(
      cells.map((lines) =>
        lines
          .slice(start, start + perRow)
          .flatMap((line, i) => [
            ...(i > 0 ? [{ text: ' ', style: line.segments[0]?.style ?? PLAIN }] : []),
            ...line.segments.map((segment) => ({ text: segment.text, style: segment.style })),
          ]),
      ),
    );
  }
  return rows;
}

function columnWidths(rows: readonly Row[], width: number, size: number, theme: ResolvedTheme) {
  const regular = theme.fonts['deck-regular'];
  const bold = theme.fonts['deck-bold'];
  const texts = rows.map((row) => row.map((runs) => runs.map((run) => run.text).join('')));
  const measure = (text: string, row: number) =>
    measureText(row === 0 ? bold : regular, text, size) / 72;
  // Words are not capped: a table whose words do not fit is shrunk first.
  return distributeColumns(
    measureColumnNeeds(texts, measure, 2 * CELL.x + 0.05, Number.POSITIVE_INFINITY),
    width,
  );
}
