import { Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { inlineText } from '../../tree/text.js';
import type { Inline, Table as TableNode } from '../../tree/types.js';
import { type DocxContext, direction } from './context.js';
import { inlineDocx } from './inline.js';
import { STYLE } from './styles.js';

/**
 * A table: its caption above (kept with it), a header row Word repeats on every page the table runs
 * on, rows that never break across pages, numbers aligned as the Markdown says, in the "Brief Table"
 * style; its source line below.
 */
export function tableDocx(table: TableNode, ctx: DocxContext): (Paragraph | Table)[] {
  const alignment = (i: number) => {
    const a = table.align[i];
    return a === 'right' ? 'right' : a === 'center' ? 'center' : undefined;
  };
  const cell = (children: readonly Inline[], i: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          style: header ? STYLE.tableHeading : STYLE.tableText,
          children: inlineDocx(children, ctx, {}),
          ...(alignment(i) ? { alignment: alignment(i) } : {}),
          ...direction(inlineText(children), ctx),
        }),
      ],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: table.header.map((c, i) => cell(c.children, i, true)),
    }),
    ...table.rows.map(
      (row) =>
        new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c.children, i, false)) }),
    ),
  ];
  const caption = table.caption
    ? [new Paragraph({ style: STYLE.caption, children: [new TextRun(table.caption)] })]
    : [];
  const source = table.source
    ? [new Paragraph({ style: STYLE.source, children: [new TextRun(table.source)] })]
    : [];
  return [
    ...caption,
    new Table({
      style: STYLE.table,
      columnWidths: columnWidths(table, ctx.contentWidth * 15),
      tableLook: {
        firstRow: true,
        lastRow: false,
        firstColumn: false,
        lastColumn: false,
        noVBand: true,
      },
      width: { size: 100, type: 'pct' },
      rows,
    }),
    ...source,
  ];
}

/**
 * Column widths in twips, sharing the text width by how much each column holds (its longest cell,
 * between 4 and 40 characters), so that a label column does not take half the table.
 */
function columnWidths(table: TableNode, width: number): number[] {
  const rows = [table.header, ...table.rows];
  const weights = table.header.map((_, i) =>
    Math.min(40, Math.max(4, ...rows.map((row) => inlineText(row[i]?.children ?? []).length))),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((width * w) / total));
}

/** A table where only paragraphs may go (a footnote): its rows as lines, cells apart, the header bold. */
export function tableAsText(table: TableNode, ctx: DocxContext, style: string): Paragraph[] {
  return [table.header, ...table.rows].map(
    (row, i) =>
      new Paragraph({
        style,
        children: row.flatMap((cell, k) => [
          ...(k > 0 ? [new TextRun(' · ')] : []),
          ...inlineDocx(cell.children, ctx, i === 0 ? { bold: true } : {}),
        ]),
      }),
  );
}
