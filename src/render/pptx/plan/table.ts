import { distributeColumns, measureColumnNeeds } from '../../../text/columnWidths.js';
import type { StyledRun } from '../../../text/lineBreak.js';
import { measureText } from '../../../text/measure.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { Table } from '../../../tree/types.js';
import { type InlineFlags, PLAIN, toInlineRuns } from '../../inlineRuns.js';
import { LINE_PITCH, measureSlideText } from './measure.js';
import type { Box, PlannedSlide } from './types.js';

/** Cell margins in inches (pptxgenjs' defaults, written explicitly). */
export const CELL = { x: 0.1, y: 0.05 } as const;

type Row = readonly (readonly StyledRun<InlineFlags>[])[];

/**
 * Plans a table as one or more slides: rows measured at the table size (shrunk to the floor when the
 * columns do not fit), split between rows, the header row repeated; at most `maxTableRows` rows a slide.
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
  const sourceHeight = table.source ? 0.4 : 0;
  let size = theme.deck.tableSize;
  let columns = columnWidths([header, ...rows], body.w, size, theme);
  while (size > theme.deck.minTableSize && !columns.fits) {
    size -= 1;
    columns = columnWidths([header, ...rows], body.w, size, theme);
  }
  const rowHeight = (row: Row) =>
    Math.max(
      (size * LINE_PITCH) / 72,
      ...row.map((runs, i) =>
        measureSlideText(runs, (columns.widths[i] ?? 1) - 2 * CELL.x, size, theme),
      ),
    ) +
    2 * CELL.y +
    0.02;
  const capacity = body.h - sourceHeight - 0.1;
  const headerHeight = rowHeight(header);
  const slides: PlannedSlide[] = [];
  let current: Row[] = [];
  let used = headerHeight;
  const flush = () => {
    slides.push({
      kind: 'table',
      title: slides.length === 0 ? title : `${title} (cont.)`,
      body,
      size,
      columns: columns.widths,
      header,
      rows: current,
      align: table.align,
      source: table.source,
      tableHeight: used,
      notes,
    });
    current = [];
    used = headerHeight;
  };
  for (const row of rows) {
    const height = rowHeight(row);
    if (
      current.length > 0 &&
      (used + height > capacity || current.length >= theme.deck.maxTableRows)
    )
      flush();
    current.push(row);
    used += height;
  }
  if (current.length > 0 || slides.length === 0) flush();
  return slides;
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
