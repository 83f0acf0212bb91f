import { type DocTree, inlineText, type Renderer } from 'briefwright';

/**
 * A third renderer, written only against briefwright's public API: a plain-text outline of the document
 * (title, numbered headings, the first line of each table) for a quick review in a terminal or a diff.
 */
export const outlineRenderer: Renderer = {
  format: 'outline',
  extension: '.outline.txt',
  mediaType: 'text/plain',
  defaultTemplate: 'policy-brief',
  async render(doc, ctx) {
    const lines = [doc.meta.title, '='.repeat(doc.meta.title.length)];
    if (doc.meta.subtitle) lines.push(doc.meta.subtitle);
    const counters: number[] = [];
    const visit = (blocks: readonly DocTree.Block[]) => {
      for (const block of blocks) {
        if (block.type === 'heading') {
          counters.length = block.depth;
          counters[block.depth - 1] = (counters[block.depth - 1] ?? 0) + 1;
          const number = counters.map((n) => n ?? 1).join('.');
          lines.push(`${'  '.repeat(block.depth - 1)}${number} ${inlineText(block.children)}`);
        } else if (block.type === 'table') {
          const header = block.header.map((cell) => inlineText(cell.children)).join(' | ');
          lines.push(
            `${'  '.repeat(counters.length)}[table: ${header}; ${block.rows.length} rows]`,
          );
        } else if (block.type === 'callout' || block.type === 'references') {
          visit(block.children);
        }
      }
    };
    visit(doc.children);
    if (lines.length <= 3)
      ctx.warn({ code: 'CONTENT_SPLIT', message: 'the document has no headings', file: ctx.file });
    return new TextEncoder().encode(`${lines.join('\n')}\n`);
  },
};
