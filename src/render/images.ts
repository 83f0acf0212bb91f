import type { Block, Root } from '../tree/types.js';
import type { LoadedImage, RenderContext } from './engine.js';

/** Loads every image the document shows, once each, through the context. */
export async function collectImages(
  doc: Root,
  ctx: RenderContext,
): Promise<Map<string, LoadedImage>> {
  const sources = new Set<string>();
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'image') sources.add(block.src);
      else if (block.type === 'list') for (const item of block.children) visit(item.children);
      else if (
        'children' in block &&
        Array.isArray(block.children) &&
        block.type !== 'paragraph' &&
        block.type !== 'heading'
      ) {
        visit(block.children as Block[]);
      }
    }
  };
  visit(doc.children);
  const images = new Map<string, LoadedImage>();
  for (const src of [...sources].sort()) {
    const image = await ctx.loadImage(src);
    if (image) images.set(src, image);
  }
  return images;
}
