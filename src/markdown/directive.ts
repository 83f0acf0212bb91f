import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { decodeEntities } from './entities.js';

/** A `:::name {attrs}` container directive as lexed, its inside lexed as blocks. */
export interface DirectiveToken extends Tokens.Generic {
  type: 'directive';
  raw: string;
  name: string;
  attributes: Record<string, string>;
  tokens: Tokens.Generic[];
}

const OPEN = /^ {0,3}:{3,}[ \t]*([A-Za-z][\w-]*)[ \t]*(\{[^}\n]*\})?[ \t]*(:{3,})?[ \t]*$/;
const CLOSE = /^ {0,3}:{3,}[ \t]*$/;

/**
 * The marked block extension for container directives: `::: name {key="value"}` … `:::`, nested to any
 * depth, and one-line directives such as `::: pagebreak :::`.
 */
export const directiveExtension: TokenizerAndRendererExtension = {
  name: 'directive',
  level: 'block',
  start(src: string) {
    return /^ {0,3}:{3}/m.exec(src)?.index;
  },
  tokenizer(src: string) {
    const lines = src.split('\n');
    const open = OPEN.exec(lines[0] ?? '');
    if (!open) return undefined;
    const name = open[1] ?? '';
    const attributes = parseAttributes(open[2] ?? '');
    if (open[3]) {
      const raw = (lines[0] ?? '') + (lines.length > 1 ? '\n' : '');
      return { type: 'directive', raw, name, attributes, tokens: [] } satisfies DirectiveToken;
    }
    let depth = 1;
    let end = -1;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const nested = OPEN.exec(line);
      if (nested && !nested[3]) depth++;
      else if (CLOSE.test(line)) depth--;
      if (depth === 0) {
        end = i;
        break;
      }
    }
    // An unclosed directive runs to the end of the text, as in other Markdown dialects.
    const last = end === -1 ? lines.length : end;
    const inner = lines.slice(1, last).join('\n');
    const raw =
      lines.slice(0, end === -1 ? lines.length : end + 1).join('\n') +
      (end !== -1 && end < lines.length - 1 ? '\n' : '');
    const token: DirectiveToken = { type: 'directive', raw, name, attributes, tokens: [] };
    this.lexer.blockTokens(inner, token.tokens);
    return token;
  },
  renderer() {
    return '';
  },
};

/** Parses `{key="value" key2='v' flag .class #id}` into a record. */
export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const body = text.replace(/^\{|\}$/g, '');
  const pattern = /([#.]?[\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const match of body.matchAll(pattern)) {
    const key = match[1] ?? '';
    const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    if (key.startsWith('.'))
      attributes.class = [attributes.class, key.slice(1)].filter(Boolean).join(' ');
    else if (key.startsWith('#')) attributes.id = key.slice(1);
    else attributes[key] = value;
  }
  return attributes;
}
