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
    // Only a directive before the paragraph's end can interrupt it: look no further than a blank line,
    // so that lexing stays linear in the length of the document.
    const blank = src.indexOf('\n\n');
    return /^ {0,3}:{3}/m.exec(blank < 0 ? src : src.slice(0, blank + 1))?.index;
  },
  tokenizer(src: string) {
    const first = lineAt(src, 0);
    const open = OPEN.exec(first.text);
    if (!open) return undefined;
    const name = open[1] ?? '';
    const attributes = parseAttributes(open[2] ?? '');
    if (open[3]) {
      return {
        type: 'directive',
        raw: src.slice(0, first.next),
        name,
        attributes,
        tokens: [],
      } satisfies DirectiveToken;
    }
    // Scan line by line to the matching close; an unclosed directive runs to the end of the text.
    let depth = 1;
    let line = lineAt(src, first.next);
    const innerStart = first.next;
    let innerEnd = src.length;
    let rawEnd = src.length;
    while (line.start < src.length) {
      const nested = OPEN.exec(line.text);
      if (nested && !nested[3]) depth++;
      else if (CLOSE.test(line.text)) depth--;
      if (depth === 0) {
        innerEnd = line.start;
        rawEnd = line.next;
        break;
      }
      line = lineAt(src, line.next);
    }
    const inner = src.slice(innerStart, innerEnd).replace(/\n$/, '');
    const token: DirectiveToken = {
      type: 'directive',
      raw: src.slice(0, rawEnd),
      name,
      attributes,
      tokens: [],
    };
    this.lexer.blockTokens(inner, token.tokens);
    return token;
  },
  renderer() {
    return '';
  },
};

/** The line of `src` that starts at `start`: its text and where the next line starts. */
function lineAt(src: string, start: number): { start: number; text: string; next: number } {
  const end = src.indexOf('\n', start);
  return end < 0
    ? { start, text: src.slice(start), next: src.length }
    : { start, text: src.slice(start, end), next: end + 1 };
}

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
