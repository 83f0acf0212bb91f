import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  InternalHyperlink,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { assertNever } from '../../diagnostics/assertNever.js';
import type { Inline } from '../../tree/types.js';
import type { DocxContext } from './context.js';

/** A run's look, as inline nodes nest. */
export interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  /** In a link: Word's Hyperlink character style. */
  readonly link?: boolean;
}

/** Inline content as runs: bold, italics and strike as they nest, code in the mono font, links live. */
export function inlineDocx(
  nodes: readonly Inline[],
  ctx: DocxContext,
  style: RunStyle,
): ParagraphChild[] {
  return nodes.flatMap((node) => inlineNode(node, ctx, style));
}

function inlineNode(node: Inline, ctx: DocxContext, style: RunStyle): ParagraphChild[] {
  switch (node.type) {
    case 'text':
      return [run(node.value, style, ctx)];
    case 'strong':
      return inlineDocx(node.children, ctx, { ...style, bold: true });
    case 'emphasis':
      return inlineDocx(node.children, ctx, { ...style, italics: true });
    case 'delete':
      return inlineDocx(node.children, ctx, { ...style, strike: true });
    case 'inlineCode':
      return [run(node.value, { ...style, code: true }, ctx)];
    case 'break':
      return [new TextRun({ text: '', break: 1 })];
    case 'link': {
      const children = inlineDocx(node.children, ctx, { ...style, link: true });
      if (node.target.kind === 'url')
        return [new ExternalHyperlink({ link: node.target.url, children })];
      const anchor = ctx.bookmarks.get(node.target.id);
      return anchor ? [new InternalHyperlink({ anchor, children })] : children;
    }
    case 'footnoteReference':
      // Word has no reference to a footnote from a footnote, nor two references to one: those are the
      // note's number, set as Word sets references.
      if (ctx.inNote || ctx.state.cited.has(node.number))
        return [new TextRun({ text: String(node.number), style: 'FootnoteReference' })];
      ctx.state.cited.add(node.number);
      return [new FootnoteReferenceRun(node.number)];
    default:
      return assertNever(node);
  }
}

function run(text: string, style: RunStyle, ctx: DocxContext): TextRun {
  const mono = ctx.fonts.mono;
  return new TextRun({
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.strike ? { strike: true } : {}),
    ...(style.code ? { font: { ascii: mono, hAnsi: mono, cs: mono } } : {}),
    ...(style.link ? { style: 'Hyperlink' } : {}),
  });
}
