import { assertNever } from '../../diagnostics/assertNever.js';
import { escapeXml } from '../../text/xmlChars.js';
import type { Inline } from '../../tree/types.js';

/** Escapes text for HTML content and attributes (dropping what no markup may hold). */
export const esc = escapeXml;

/** Counts references to each footnote, so that every reference has its own id to come back to. */
export class FootnoteRefs {
  readonly #seen = new Map<number, number>();

  /** The id of the next reference to footnote `number`: `fnref-3`, then `fnref-3-2`, … */
  next(number: number): string {
    const count = (this.#seen.get(number) ?? 0) + 1;
    this.#seen.set(number, count);
    return count === 1 ? `fnref-${number}` : `fnref-${number}-${count}`;
  }

  /** The ids of every reference to footnote `number`, in order. */
  all(number: number): string[] {
    const count = this.#seen.get(number) ?? 0;
    return Array.from({ length: count }, (_, i) =>
      i === 0 ? `fnref-${number}` : `fnref-${number}-${i + 1}`,
    );
  }
}

/**
 * Phrasing content as HTML: every string escaped, links only to the addresses the tree allows (it keeps
 * nothing else as a link), footnote references as numbered note references.
 */
export function inlineHtml(nodes: readonly Inline[], refs: FootnoteRefs): string {
  return nodes.map((node) => inlineNode(node, refs)).join('');
}

function inlineNode(node: Inline, refs: FootnoteRefs): string {
  switch (node.type) {
    case 'text':
      return esc(node.value);
    case 'strong':
      return `<strong>${inlineHtml(node.children, refs)}</strong>`;
    case 'emphasis':
      return `<em>${inlineHtml(node.children, refs)}</em>`;
    case 'delete':
      return `<del>${inlineHtml(node.children, refs)}</del>`;
    case 'inlineCode':
      return `<code>${esc(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'link': {
      const href = node.target.kind === 'url' ? node.target.url : `#${node.target.id}`;
      const external = node.target.kind === 'url' ? ' rel="noopener noreferrer"' : '';
      return `<a href="${esc(href)}"${external}>${inlineHtml(node.children, refs)}</a>`;
    }
    case 'footnoteReference': {
      const id = refs.next(node.number);
      return `<sup class="fnref"><a href="#fn-${node.number}" id="${id}" role="doc-noteref" aria-label="Note ${node.number}">${node.number}</a></sup>`;
    }
    default:
      return assertNever(node);
  }
}
