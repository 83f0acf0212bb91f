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

/** The inline Markdown of each top-level paragraph of a body (not of its lists, quotes, tables or code). */
export function paragraphsOf(markdown: string): string[] {
  return topLevelBlocks(markdown)
    .filter((token) => token.type === 'paragraph' && isProse(token))
    .map((token) => ('text' in token && typeof token.text === 'string' ? token.text : ''));
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
  return tokens.map(blockSource).filter(Boolean).join('\n\n');
}

/**
 * A block's Markdown, to be set somewhere else: blank lines around it go, its indentation stays (`    #
 * foo` is code, `# foo` a heading), and indented code is fenced, since after a list item it would
 * otherwise become part of the item.
 */
function blockSource(token: Token): string {
  const raw = token.raw.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (token.type !== 'code' || /^ {0,3}(`{3,}|~{3,})/.test(raw)) return raw;
  const text = 'text' in token && typeof token.text === 'string' ? token.text : raw;
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}
