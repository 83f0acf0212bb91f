/** What one column needs: its longest unbreakable word and its whole content on one line, padding included. */
export interface ColumnNeed {
  readonly min: number;
  readonly max: number;
}

/**
 * Shares a width among columns the way browsers lay out auto tables: every column gets its longest word;
 * what is left goes to columns in proportion to how much more they would like. Columns that all fit on one
 * line are widened in proportion to fill the width. `fits` is false when even the longest words do not fit.
 */
export function distributeColumns(
  needs: readonly ColumnNeed[],
  width: number,
): { widths: number[]; fits: boolean } {
  const minTotal = needs.reduce((sum, n) => sum + n.min, 0);
  const maxTotal = needs.reduce((sum, n) => sum + n.max, 0);
  if (maxTotal <= width && maxTotal > 0)
    return { widths: needs.map((n) => (n.max / maxTotal) * width), fits: true };
  const spare = Math.max(0, width - minTotal);
  const flexTotal = needs.reduce((sum, n) => sum + (n.max - n.min), 0) || 1;
  const widths = needs.map((n) => n.min + (spare * (n.max - n.min)) / flexTotal);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return { widths: widths.map((w) => (w / total) * width), fits: minTotal <= width };
}

/**
 * Measures what each column needs from the text of its cells (row 0 is the header). A longest word is
 * capped at `maxWord`: a longer one is broken between characters rather than squeezing other columns.
 */
export function measureColumnNeeds(
  rows: readonly (readonly string[])[],
  measure: (text: string, row: number) => number,
  padding: number,
  maxWord: number,
): ColumnNeed[] {
  const count = Math.max(0, ...rows.map((row) => row.length));
  const needs = Array.from({ length: count }, () => ({ min: padding, max: padding }));
  rows.forEach((row, r) => {
    row.forEach((text, i) => {
      const need = needs[i];
      if (!need) return;
      const longest = Math.max(0, ...text.split(/\s+/).map((word) => measure(word, r)));
      need.min = Math.max(need.min, Math.min(longest, maxWord) + padding);
      need.max = Math.max(need.max, measure(text, r) + padding);
    });
  });
  return needs;
}
