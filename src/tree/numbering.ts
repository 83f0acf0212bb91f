import type { Block } from './types.js';

/**
 * Numbers the document's headings "1.", "1.1", "1.1.1" by id, as the theme's `numberHeadings` asks; the
 * headings and the table of contents read the same labels.
 */
export function numberHeadings(blocks: readonly Block[]): Map<string, string> {
  const labels = new Map<string, string>();
  const counters: number[] = [];
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    counters.length = block.depth;
    counters[block.depth - 1] = (counters[block.depth - 1] ?? 0) + 1;
    const label = Array.from(counters, (n) => n ?? 1).join('.');
    labels.set(block.id, block.depth === 1 ? `${label}.` : label);
  }
  return labels;
}
