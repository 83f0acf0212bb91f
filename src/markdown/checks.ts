import type { Warning } from '../diagnostics/warnings.js';
import { inlineText } from '../tree/text.js';
import type { Block, Inline, Root } from '../tree/types.js';

/**
 * What a reviewer would catch in the content itself, whatever the format: headings that skip a level,
 * internal links to nowhere, images without alt text.
 */
export function checkContent(
  doc: Root,
  warn: (warning: Warning) => void,
  file: string | undefined,
): void {
  const ids = new Set<string>();
  const headings: { depth: number; title: string; block: Block }[] = [];
  const links: { id: string; position?: { line: number; column: number } | undefined }[] = [];
  for (const block of doc.children) {
    if (block.type === 'heading')
      headings.push({ depth: block.depth, title: inlineText(block.children), block });
  }
  walk(doc.children, (block) => {
    if (block.type === 'heading') ids.add(block.id);
    if (block.type === 'image' && !block.alt.trim()) {
      warn({
        code: 'IMAGE_NO_ALT',
        message: `image "${block.src}" has no alt text for screen readers`,
        file,
        ...block.position,
      });
    }
    const position = 'position' in block ? block.position : undefined;
    for (const id of anchorsOf(block)) links.push({ id, position });
  });
  for (const link of links) {
    if (!ids.has(link.id)) {
      warn({
        code: 'LINK_BROKEN',
        message: `link to "#${link.id}" points to no heading of the document`,
        file,
        ...link.position,
      });
    }
  }
  headings.forEach((heading, i) => {
    const previous = headings[i - 1];
    const position = 'position' in heading.block ? heading.block.position : undefined;
    if (previous && heading.depth > previous.depth + 1) {
      warn({
        code: 'HEADING_SKIPS_LEVEL',
        message: `heading "${heading.title}" is level ${heading.depth} right after level ${previous.depth}`,
        file,
        ...position,
      });
    }
  });
}

function walk(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.type === 'list') for (const item of block.children) walk(item.children, visit);
    else if ('children' in block && block.type !== 'paragraph' && block.type !== 'heading')
      walk(block.children as Block[], visit);
  }
}

/** The ids of the headings a block's internal links point to. */
function anchorsOf(block: Block): string[] {
  const ids: string[] = [];
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'link' && node.target.kind === 'anchor') ids.push(node.target.id);
      if ('children' in node) visit(node.children);
    }
  };
  if (block.type === 'paragraph' || block.type === 'heading') visit(block.children);
  if (block.type === 'table')
    for (const row of [block.header, ...block.rows]) for (const cell of row) visit(cell.children);
  return ids;
}
