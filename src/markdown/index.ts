import type { Token, Tokens } from 'marked';
import type { Warning } from '../diagnostics/warnings.js';
import type { DocMeta, FootnoteDefinition, Root } from '../tree/types.js';
import { type ConvertContext, createIdAllocator, createSnippetLocator } from './context.js';
import { fromBlockTokens } from './fromBlocks.js';
import { lexMarkdown } from './lexer.js';
import { DEFAULT_LINK_SCHEMES } from './links.js';

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
}

/** Lexes Markdown with marked and converts it into the DocTree. */
export function buildDocTree(markdown: string, options: BuildDocTreeOptions): Root {
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
  };
  const children = fromBlockTokens(tokens, ctx);
  const footnotes: FootnoteDefinition[] = definitions.map((item, index) => ({
    type: 'footnoteDefinition',
    label: String(item.label),
    number: index + 1,
    children: fromBlockTokens((item.content as Token[] | undefined) ?? [], ctx),
  }));
  return { type: 'root', meta: options.meta, children, footnotes };
}

/** The footnote definitions that are referenced, in order of first reference. */
function footnoteItems(tokens: readonly Token[]): Tokens.Generic[] {
  const list = tokens.find((token) => token.type === 'footnotes') as Tokens.Generic | undefined;
  return Array.isArray(list?.items) ? (list.items as Tokens.Generic[]) : [];
}
