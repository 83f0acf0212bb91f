import { assertNever } from '../diagnostics/assertNever.js';
import type { Block, Inline } from './types.js';

/** The plain text of inline content, as a reader would copy it. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map(inlineNodeText).join('');
}

function inlineNodeText(node: Inline): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'strong':
    case 'emphasis':
    case 'delete':
    case 'link':
      return inlineText(node.children);
    case 'break':
      return '\n';
    case 'footnoteReference':
      return `[${node.number}]`;
    default:
      return assertNever(node);
  }
}

/** The plain text of blocks, paragraphs separated by blank lines. */
export function blockText(blocks: readonly Block[]): string {
  return blocks.map(blockNodeText).filter(Boolean).join('\n\n');
}

function blockNodeText(node: Block): string {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(node.children);
    case 'list':
      return node.children.map((item) => blockText(item.children)).join('\n');
    case 'table':
      return [node.header, ...node.rows]
        .map((row) => row.map((c) => inlineText(c.children)).join('\t'))
        .join('\n');
    case 'code':
      return node.value;
    case 'quote':
    case 'callout':
    case 'lede':
    case 'references':
    case 'notes':
      return blockText(node.children);
    case 'chart':
      return node.spec.title ?? '';
    case 'image':
      return node.alt;
    case 'pageBreak':
    case 'slideBreak':
    case 'thematicBreak':
      return '';
    default:
      return assertNever(node);
  }
}

/** A URL-safe slug of a heading's text. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}
