import type { Token, Tokens } from 'marked';
import { checkTableCells, type Limits, limitError } from '../load/limits.js';
import type { ConvertContext } from './context.js';

/** Token types that hold blocks: each is a level of nesting (a list's items count with the list). */
const BLOCK_CONTAINERS: ReadonlySet<string> = new Set(['list', 'blockquote', 'directive']);

/** Inline token types that hold inline content: each is a level of inline nesting. */
const INLINE_CONTAINERS: ReadonlySet<string> = new Set(['strong', 'em', 'del', 'link']);

/**
 * Checks lexed Markdown against the limits before it is converted, however it was written: the depth of
 * lists, quotes and directives, the depth of emphasis and links, and the cells of every pipe table.
 * Walks with its own stack; a fault is placed at the line of the top-level block that holds it.
 */
export function checkTokenLimits(
  tokens: readonly Token[],
  limits: Limits,
  ctx: ConvertContext,
): void {
  const stack = tokens.map((token) => ({ token, top: token, blocks: 0, inlines: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, top } = next;
    const blocks = next.blocks + (BLOCK_CONTAINERS.has(token.type) ? 1 : 0);
    const inlines = next.inlines + (INLINE_CONTAINERS.has(token.type) ? 1 : 0);
    const where = () => ({ file: ctx.file, ...ctx.locate(top.raw) });
    if (blocks > limits.maxNesting || inlines > limits.maxNesting) {
      const what = blocks > limits.maxNesting ? 'Markdown nested' : 'emphasis or links nested';
      throw limitError(
        'maxNesting',
        `${what} ${Math.max(blocks, inlines)} levels deep`,
        `${limits.maxNesting}`,
        where(),
      );
    }
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      let width = table.header.length;
      for (const row of table.rows) width = Math.max(width, row.length);
      checkTableCells(width * (table.rows.length + 1), limits, where());
    }
    for (const child of childrenOf(token)) stack.push({ token: child, top, blocks, inlines });
  }
}

function childrenOf(token: Token): Token[] {
  const children: Token[] = [];
  if ('tokens' in token && Array.isArray(token.tokens))
    for (const child of token.tokens as Token[]) children.push(child);
  if (token.type === 'list') for (const item of (token as Tokens.List).items) children.push(item);
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const row of [table.header, ...table.rows])
      for (const cell of row) for (const child of cell.tokens) children.push(child);
  }
  return children;
}
