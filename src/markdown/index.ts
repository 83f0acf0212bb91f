import type { Token, Tokens } from 'marked';
import type { Warning } from '../diagnostics/warnings.js';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.js';
import type { DocMeta, FootnoteDefinition, Root } from '../tree/types.js';
import { type ConvertContext, createIdAllocator, createSnippetLocator } from './context.js';
import { fromBlockTokens } from './fromBlocks.js';
import { guardNesting, lexMarkdown } from './lexer.js';
import { DEFAULT_LINK_SCHEMES } from './links.js';
import { checkTokenLimits } from './measure.js';

/** Options of {@link buildDocTree}. */
export interface BuildDocTreeOptions {
  /** Metadata for the root. */
  meta: DocMeta;
  /** Receives content warnings (raw HTML, unknown directives…). */
  warn: (warning: Warning) => void;
  /** The user's input file, for warnings. */
  file?: string | undefined;
  /** The user's input text, so that warnings name the user's line rather than the template's. */
  source?: string | undefined;
  /**
   * The schemes whose links stay live; any other link is drawn as its text with a LINK_UNSAFE warning.
   * @default ["http", "https", "mailto"]
   */
  linkSchemes?: readonly string[] | undefined;
  /** Limits on nesting, table cells and chart points, however the Markdown writes them. @default DEFAULT_LIMITS */
  limits?: Limits | undefined;
}

/** Lexes Markdown with marked and converts it into the DocTree. */
export function buildDocTree(markdown: string, options: BuildDocTreeOptions): Root {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const tokens = lexMarkdown(markdown);
  const definitions = footnoteItems(tokens);
  const numbers = new Map(definitions.map((item, index) => [String(item.label), index + 1]));
  const ctx: ConvertContext = {
    warn: options.warn,
    file: options.file,
    locate: createSnippetLocator(options.source),
    uniqueId: createIdAllocator(),
    footnoteNumber: (label) => numbers.get(label),
    linkSchemes: options.linkSchemes ?? DEFAULT_LINK_SCHEMES,
    limits,
  };
  checkTokenLimits(tokens, limits, ctx);
  warnUnusedFootnotes(tokens, ctx);
  for (const item of definitions) checkTokenLimits(footnoteContent(item), limits, ctx);
  // Within the limits the conversion's own recursion is shallow; the guard is for a stack made small.
  return guardNesting(() => {
    const children = fromBlockTokens(tokens, ctx);
    const footnotes: FootnoteDefinition[] = definitions.map((item, index) => ({
      type: 'footnoteDefinition',
      label: String(item.label),
      number: index + 1,
      children: fromBlockTokens(footnoteContent(item), ctx),
    }));
    return { type: 'root', meta: options.meta, children, footnotes };
  });
}

function footnoteContent(item: Tokens.Generic): Token[] {
  return (item.content as Token[] | undefined) ?? [];
}

/** A footnote defined but never referenced is not shown anywhere: the author hears of it. */
function warnUnusedFootnotes(tokens: readonly Token[], ctx: ConvertContext): void {
  const list = tokens.find((token) => token.type === 'footnotes') as Tokens.Generic | undefined;
  const all = Array.isArray(list?.rawItems) ? (list.rawItems as Tokens.Generic[]) : [];
  for (const item of all) {
    if (ctx.footnoteNumber(String(item.label)) !== undefined) continue;
    ctx.warn({
      code: 'FOOTNOTE_UNUSED',
      message: `footnote [^${String(item.label)}] is never referenced, so its text is left out; cite it with [^${String(item.label)}]`,
      file: ctx.file,
      ...ctx.locate(String(item.raw)),
    });
  }
}

/** The footnote definitions that are referenced, in order of first reference. */
function footnoteItems(tokens: readonly Token[]): Tokens.Generic[] {
  const list = tokens.find((token) => token.type === 'footnotes') as Tokens.Generic | undefined;
  return Array.isArray(list?.items) ? (list.items as Tokens.Generic[]) : [];
}
