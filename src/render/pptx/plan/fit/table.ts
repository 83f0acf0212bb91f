import type { StyledRun } from '../../../../text/lineBreak.js';
import { measureText } from '../../../../text/measure.js';
import { fitTable, rowParts, tableShrunk, tableSizes } from '../../../../text/tableFit.js';
import { inlineText } from '../../../../tree/text.js';
import type { Table } from '../../../../tree/types.js';
import { type InlineFlags, PLAIN, toInlineRuns } from '../../../inlineRuns.js';
import { balancedSplit } from '../balance.js';
import { type DeckDesign, SAFETY, textStyle } from '../design.js';
import type { PlanEnv } from '../env.js';
import { breakSlideLines, LINE_PITCH, plainParagraph } from '../measure.js';
import type { Box, PlannedSlide, SlideShape } from '../types.js';
import { fitSlideTitle } from './title.js';

/** Cell margins in inches: short tables get more air between their rows. */
const CELL = { x: 0.12, y: 0.06 } as const;
const SHORT_CELL = { x: 0.12, y: 0.12 } as const;
/** The height of the source line under a table or a chart, in inches. */
export const SOURCE_HEIGHT = 0.4;

type Row = readonly (readonly StyledRun<InlineFlags>[])[];

interface TableRows {
  readonly header: Row;
  readonly rows: readonly Row[];
  readonly align: readonly ('left' | 'center' | 'right')[];
}

/**
 * A table's slides: native, the full content width, its type sized to its rows (short tables larger),
 * shrunk to the floor when the columns' words do not fit; split between rows (balanced, at most
 * `maxTableRows` a slide) with the header on every slide; a table too wide even at the floor split by
 * columns, every part keeping the first column; the source line under it.
 */
export function fitTableSlides(
  draft: { readonly table: Table; readonly title: string; readonly continued: boolean },
  notes: string,
  design: DeckDesign,
  env: PlanEnv,
): PlannedSlide[] {
  const { table, title, continued } = draft;
  const { deck } = design;
  const header: Row = table.header.map((cell) =>
    toInlineRuns(cell.children, { ...PLAIN, bold: true }),
  );
  const rows: Row[] = table.rows.map((row) => row.map((cell) => toInlineRuns(cell.children)));
  const whole: TableRows = { header, rows, align: table.align };
  const first = fitSlideTitle(title, continued, design, env);
  const later = fitSlideTitle(title, true, design, env);
  const body: Box = { ...first.body, h: Math.min(first.body.h, later.body.h) };
  const short = rows.length <= deck.shortTableRows;
  const preferred = short ? deck.tableSize : deck.longTableSize;
  const cell = short ? SHORT_CELL : CELL;
  const fitPart = (part: TableRows) => fitColumns(part, body.w, preferred, design);
  const fitted = fitPart(whole);
  const parts =
    fitted.fits || header.length <= 2
      ? [{ part: whole, fitted }]
      : columnGroups(whole, body.w, design).map((columns) => {
          const part = pickColumns(whole, columns);
          return { part, fitted: fitPart(part) };
        });
  const name = table.caption ?? inlineText(table.header[0]?.children ?? []);
  const smallest = Math.min(...parts.map(({ fitted: f }) => f.size));
  const where = { file: env.file, position: table.position };
  if (smallest < preferred) env.warn(tableShrunk(name, smallest, preferred, 'slide', where));
  if (parts.length > 1) {
    env.warn({
      code: 'TABLE_SPLIT_COLUMNS',
      message: `table "${name}" is too wide for a slide and is split by columns, each part keeping the first`,
      ...where,
      ...table.position,
    });
  }
  const pages = parts.flatMap(({ part, fitted: f }) =>
    splitRows(part, f, body, table.source !== undefined, design, cell),
  );
  return pages.map((page, index): PlannedSlide => {
    const titled = index === 0 ? first : later;
    const shapes: SlideShape[] = [
      ...titled.shapes,
      {
        kind: 'table',
        box: {
          x: body.x,
          y: titled.body.y,
          w: page.widths.reduce((a, b) => a + b, 0),
          h: page.height,
        },
        size: page.size,
        columns: page.widths,
        header: page.header,
        rows: page.rows,
        align: page.align,
        rowHeights: page.rowHeights,
        cell,
        colors: {
          header: design.colors.accent,
          headerText: design.colors.onAccent,
          text: design.colors.text,
          body: design.colors.background,
          zebra: design.colors.accentTint,
          rule: design.colors.rule,
        },
      },
    ];
    if (table.source) {
      shapes.push({
        kind: 'text',
        box: { x: body.x, y: titled.body.y + page.height + 0.08, w: body.w, h: SOURCE_HEIGHT },
        style: textStyle(design, deck.smallSize, { color: design.colors.muted, gap: 0 }),
        paragraphs: [plainParagraph(table.source)],
      });
    }
    return {
      layout: 'table',
      title,
      continued: continued || index > 0,
      shapes,
      notes: index === 0 ? [titled.notes ?? '', notes].filter(Boolean).join('\n\n') : '',
    };
  });
}

interface Fitted {
  readonly size: number;
  readonly widths: number[];
  readonly fits: boolean;
}

/** The shared table fitting with the deck's metrics, in inches. */
function fitColumns(
  table: TableRows,
  width: number,
  preferred: number,
  design: DeckDesign,
): Fitted {
  const regular = design.theme.fonts['deck-regular'];
  const bold = design.theme.fonts['deck-bold'];
  return fitTable({
    rows: [table.header, ...table.rows].map((row) =>
      row.map((runs) => runs.map((run) => run.text).join('')),
    ),
    width,
    sizes: tableSizes(preferred, Math.min(preferred, design.deck.minTableSize), 1),
    measure: (text, row, size) => measureText(row === 0 ? bold : regular, text, size) / 72,
    padding: 2 * CELL.x + 0.05,
    // Words are not capped: a table whose words do not fit is shrunk, then split by columns.
    maxWord: Number.POSITIVE_INFINITY,
  });
}

/** Groups of columns that fit at the floor size, each led by the first column. */
function columnGroups(table: TableRows, width: number, design: DeckDesign): number[][] {
  const floor = design.deck.minTableSize;
  const groups: number[][] = [];
  let group: number[] = [0];
  for (let column = 1; column < table.header.length; column++) {
    const candidate = [...group, column];
    if (
      fitColumns(pickColumns(table, candidate), width, floor, design).fits ||
      group.length === 1
    ) {
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

/** A slide's share of a table: its rows and their measured height. */
interface TablePage extends TableRows {
  readonly size: number;
  readonly widths: number[];
  readonly height: number;
  /** The header's height, then each row's. */
  readonly rowHeights: number[];
}

/** Splits rows into slides, balanced (8, 8, 4 rows become 7, 7, 6) when that costs no extra slide. */
function splitRows(
  table: TableRows,
  fitted: Fitted,
  body: Box,
  sourced: boolean,
  design: DeckDesign,
  cell: { readonly x: number; readonly y: number },
): TablePage[] {
  const { size, widths } = fitted;
  const { theme } = design;
  const cellLines = (row: Row) =>
    row.map((runs, i) => breakSlideLines(runs, (widths[i] ?? 1) - 2 * cell.x, size, theme));
  const pitch = (size * LINE_PITCH) / 72;
  const heightOf = (row: Row) =>
    Math.max(1, ...cellLines(row).map((lines) => lines.length)) * pitch + 2 * cell.y + 0.02;
  const capacity = body.h - (sourced ? SOURCE_HEIGHT + 0.1 : 0) - SAFETY;
  const headerHeight = heightOf(table.header);
  // A row taller than a slide is the one row that is cut: between lines, the rest on the next slide.
  const room = capacity - headerHeight;
  const perPart = Math.floor((room - 2 * cell.y - 0.02) / pitch);
  const rows = table.rows.flatMap((row): Row[] => {
    if (heightOf(row) <= room) return [row];
    const cells = cellLines(row);
    return rowParts(
      cells.map((lines) => lines.length),
      perPart,
    ).map(({ start, end }) =>
      cells.map((lines) =>
        lines
          .slice(start, end)
          .flatMap((line, i) => [
            ...(i > 0 ? [{ text: ' ', style: line.segments[0]?.style ?? PLAIN }] : []),
            ...line.segments.map((segment) => ({ text: segment.text, style: segment.style })),
          ]),
      ),
    );
  });
  const heights = rows.map(heightOf);
  return balancedSplit(rows.length, design.deck.maxTableRows, (max) => {
    const pages: TablePage[] = [];
    let current: Row[] = [];
    let currentHeights: number[] = [];
    let used = headerHeight;
    const flush = () => {
      pages.push({
        ...table,
        rows: current,
        size,
        widths,
        height: used,
        rowHeights: [headerHeight, ...currentHeights],
      });
      current = [];
      currentHeights = [];
      used = headerHeight;
    };
    rows.forEach((row, index) => {
      const height = heights[index] ?? 0;
      if (current.length > 0 && (used + height > capacity || current.length >= max)) flush();
      current.push(row);
      currentHeights.push(height);
      used += height;
    });
    if (current.length > 0 || pages.length === 0) flush();
    return pages;
  });
}
