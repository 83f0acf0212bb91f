import { describe, expect, it } from 'vitest';
import { distributeColumns, measureColumnNeeds } from '../../src/text/columnWidths.js';

const measure = (text: string) => text.length;

describe('column widths', () => {
  it('widens columns that fit on one line in proportion to fill the width', () => {
    const needs = measureColumnNeeds([['ab', 'abcd']], measure, 0, 100);
    expect(distributeColumns(needs, 12)).toEqual({ widths: [4, 8], fits: true });
  });

  it('gives every column its longest word and the rest by how much more it wants', () => {
    const needs = measureColumnNeeds([['a', 'word word word word']], measure, 0, 100);
    const { widths, fits } = distributeColumns(needs, 10);
    expect(fits).toBe(true);
    expect(widths[0]).toBeGreaterThanOrEqual(1);
    expect(widths[1]).toBeGreaterThanOrEqual(4);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(10);
  });

  it('says when even the longest words do not fit, and caps a huge word', () => {
    expect(
      distributeColumns(measureColumnNeeds([['abcdefghij', 'abcdefghij']], measure, 0, 100), 10)
        .fits,
    ).toBe(false);
    const capped = measureColumnNeeds([['x'.repeat(500)]], measure, 2, 20);
    expect(capped[0]?.min).toBe(22);
  });
});
