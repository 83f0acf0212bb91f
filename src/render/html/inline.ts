import { assertNever } from '../../diagnostics/assertNever.js';
import { escapeXml } from '../../text/xmlChars.js';
import type { Inline } from '../../tree/types.js';

/**
 * Escapes text for HTML content and attributes, dropping what no markup may hold: what XML cannot (C0
 * controls, lone surrogates) and what HTML forbids besides (C1 controls, noncharacters).
 */
export function esc(text: string): string {
  return escapeXml(text.replace(HTML_FORBIDDEN, ''));
}

/** C1 controls, U+FDD0–U+FDEF and the last two code points of every plane: parse errors in HTML. */
const HTML_FORBIDDEN =
  /[\u0080-\u009f\ufdd0-\ufdef]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu;

/**
 * What links need while a page is written: each footnote's references counted, so that every reference
 * has its own id to come back to, and the headings internal links may go to.
 */
export class FootnoteRefs {
  readonly #seen = new Map<number, number>();
  /** The ids of the document's headings: the only places a `#` link may go. */
  readonly headings: ReadonlySet<string>;

  constructor(headings: ReadonlySet<string>) {
    this.headings = headings;
  }

  /** The id of the next reference to footnote `number`: `fnref_3`, then `fnref_3_2` (heading ids, slugs, never hold an underscore), … */
  next(number: number): string {
    const count = (this.#seen.get(number) ?? 0) + 1;
    this.#seen.set(number, count);
    return count === 1 ? `fnref_${number}` : `fnref_${number}_${count}`;
  }

  /** The ids of every reference to footnote `number`, in order. */
  all(number: number): string[] {
    const count = this.#seen.get(number) ?? 0;
    return Array.from({ length: count }, (_, i) =>
      i === 0 ? `fnref_${number}` : `fnref_${number}_${i + 1}`,
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
      // A link to a heading the document does not have is its text.
      if (node.target.kind === 'anchor' && !refs.headings.has(node.target.id))
        return inlineHtml(node.children, refs);
      const href = node.target.kind === 'url' ? node.target.url : `#${node.target.id}`;
      const external = node.target.kind === 'url' ? ' rel="noopener noreferrer"' : '';
      return `<a href="${esc(href)}"${external}>${inlineHtml(node.children, refs)}</a>`;
    }
    case 'footnoteReference': {
      const id = refs.next(node.number);
      return `<sup class="fnref"><a href="#fn_${node.number}" id="${id}" role="doc-noteref" aria-label="Note ${node.number}">${node.number}</a></sup>`;
    }
    default:
      return assertNever(node);
  }
}
