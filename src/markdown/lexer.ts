import { Lexer, Marked, type Token } from 'marked';
import markedFootnote from 'marked-footnote';
import { BriefwrightError } from '../diagnostics/errors.js';
import { directiveExtension } from './directive.js';
import { decodeEntities } from './entities.js';

/**
 * The one Markdown syntax of briefwright. The loader (splitting sections), the templates (splitting prose
 * from structure) and the Markdown stage all lex with it, so a directive means the same everywhere.
 *
 * Lexes Markdown into marked tokens with GFM, footnotes and directives. A fresh Marked instance per call,
 * because marked-footnote keeps per-document state in its closure.
 */
export function lexMarkdown(markdown: string): Token[] {
  const marked = new Marked({ gfm: true, breaks: false });
  // marked tries the extensions used last first. marked-footnote must see the document's first block
  // before anything else (it puts its list of notes first then, and looks for it there); a directive
  // with nothing inside (`::: lede` then `:::`) would otherwise come first.
  marked.use({ extensions: [directiveExtension] });
  marked.use(markedFootnote());
  return guardNesting(() => marked.lexer(markdown));
}

/**
 * Runs a recursive step over Markdown (lexing, converting): structure nested deeper than the stack can
 * take (ten thousand `*` or `- ` in a row) is a LIMIT_EXCEEDED error, not a crash.
 */
export function guardNesting<T>(step: () => T): T {
  try {
    return step();
  } catch (cause) {
    if (!(cause instanceof RangeError)) throw cause;
    throw new BriefwrightError(
      'LIMIT_EXCEEDED',
      'Markdown is nested too deeply to read (lists, quotes, directives or emphasis inside one another)',
      { cause, hint: 'flatten the nesting; the maxNesting limit allows 16 levels by default' },
    );
  }
}

/**
 * Lexes Markdown into top-level block tokens only, each with its source text: the same syntax (GFM,
 * directives) as {@link lexMarkdown}, for the stages that split Markdown without converting it.
 */
export function lexBlocks(markdown: string): Token[] {
  const marked = new Marked({ gfm: true });
  marked.use({ extensions: [directiveExtension] });
  return guardNesting(() => new Lexer(marked.defaults).blockTokens(markdown, []));
}

/** The plain text of a line of inline Markdown: emphasis, code and link marks removed, entities decoded, HTML dropped. */
export function plainInline(markdown: string): string {
  const flatten = (tokens: readonly Token[]): string =>
    tokens
      .map((token) => {
        if (token.type === 'html') return '';
        if (token.type === 'br') return ' ';
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0)
          return flatten(token.tokens);
        return 'text' in token && typeof token.text === 'string' ? token.text : '';
      })
      .join('');
  return decodeEntities(
    guardNesting(() => flatten(new Lexer({ gfm: true }).inlineTokens(markdown))),
  )
    .replace(/\s+/g, ' ')
    .trim();
}
