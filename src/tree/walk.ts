import type { Block } from './types.js';

/**
 * Every block, in document order, with the blocks inside it after it: those of list items, quotes,
 * callouts, ledes, references and notes.
 */
export function* allBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.children) yield* allBlocks(item.children);
    else if (
      block.type === 'quote' ||
      block.type === 'callout' ||
      block.type === 'lede' ||
      block.type === 'references' ||
      block.type === 'notes'
    )
      yield* allBlocks(block.children);
  }
}
