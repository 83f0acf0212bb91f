import type { Token } from 'marked';
import { lexBlocks } from '../markdown/lexer.js';

/** Top-level blocks of Markdown, each with its source text (code fences and directives respected). */
function topLevelBlocks(markdown: string): Token[] {
  return lexBlocks(markdown);
}

/** Whether a block is prose (paragraphs and quotes) rather than structure a slide can show; a paragraph that is only an image is a figure. */
function isProse(token: Token): boolean {
  if (token.type === 'paragraph') return !/^!\[[^\]]*\]\([^)]*\)$/.test(token.raw.trim());
  return token.type === 'blockquote' || token.type === 'text';
}

/** The prose of a body (paragraphs and quotes), for speaker notes. */
export function proseOf(markdown: unknown): string {
  if (typeof markdown !== 'string') return '';
  return joinBlocks(topLevelBlocks(markdown).filter(isProse));
}

/** The structure of a body (lists, tables, directives, code, headings) in order, for slides. */
export function structureOf(markdown: unknown): string {
  if (typeof markdown !== 'string') return '';
  return joinBlocks(
    topLevelBlocks(markdown).filter((token) => !isProse(token) && token.type !== 'space'),
  );
}

/** Whether a body has a list of its own. */
export function hasList(markdown: unknown): boolean {
  return (
    typeof markdown === 'string' && topLevelBlocks(markdown).some((token) => token.type === 'list')
  );
}

function joinBlocks(tokens: readonly Token[]): string {
  return tokens
    .map((token) => token.raw.trim())
    .filter(Boolean)
    .join('\n\n');
}
