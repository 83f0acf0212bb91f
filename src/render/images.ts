import type { Root } from '../tree/types.js';
import { allBlocks } from '../tree/walk.js';
import type { LoadedImage, RenderContext } from './engine.js';

/** Loads every image the document shows, once each, through the context. */
export async function collectImages(
  doc: Root,
  ctx: RenderContext,
): Promise<Map<string, LoadedImage>> {
  const sources = new Set<string>();
  for (const block of allBlocks(doc.children)) if (block.type === 'image') sources.add(block.src);
  const images = new Map<string, LoadedImage>();
  for (const src of [...sources].sort()) {
    const image = await ctx.loadImage(src);
    if (image) images.set(src, image);
  }
  return images;
}
