import { Marked, type Token } from 'marked';
import markedFootnote from 'marked-footnote';
import { directiveExtension } from './directive.js';

/**
 * Lexes Markdown into marked tokens with GFM, footnotes and directives. A fresh Marked instance per call,
 * because marked-footnote keeps per-document state in its closure.
 */
export function lexMarkdown(markdown: string): Token[] {
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use(markedFootnote(), { extensions: [directiveExtension] });
  return marked.lexer(markdown);
}
