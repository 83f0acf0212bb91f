import type { MarkedToken, Token, Tokens } from 'marked';
import type { Inline } from '../tree/types.js';
import type { ConvertContext } from './context.js';
import { decodeEntities } from './entities.js';
import { plainInline } from './lexer.js';
import { judgeLink } from './links.js';

/** Converts marked inline tokens into DocTree inline nodes, merging adjacent text. */
export function fromInlineTokens(
  tokens: readonly Token[] | undefined,
  ctx: ConvertContext,
): Inline[] {
  const nodes: Inline[] = [];
  let hiddenUntil: string | undefined;
  for (const token of tokens ?? []) {
    if (hiddenUntil) {
      // The content of <script> and <style> is code, not text: it goes with the markup.
      if (token.type === 'html' && token.raw.toLowerCase().startsWith(hiddenUntil))
        hiddenUntil = undefined;
      continue;
    }
    const opening = token.type === 'html' ? /^<(script|style)\b/i.exec(token.raw) : null;
    if (opening?.[1] && !new RegExp(`</${opening[1]}>`, 'i').test(token.raw))
      hiddenUntil = `</${opening[1].toLowerCase()}`;
    for (const node of fromInlineToken(token, ctx)) {
      const last = nodes.at(-1);
      if (node.type === 'text' && last?.type === 'text')
        nodes[nodes.length - 1] = { type: 'text', value: last.value + node.value };
      else nodes.push(node);
    }
  }
  return nodes;
}

function fromInlineToken(token: Token, ctx: ConvertContext): Inline[] {
  if (token.type === 'footnoteRef') return fromFootnoteRef(token as Tokens.Generic, ctx);
  const known = token as MarkedToken;
  switch (known.type) {
    case 'text':
      if (known.tokens) return fromInlineTokens(known.tokens, ctx);
      warnUndefinedFootnotes(known.text, ctx);
      return [text(known.text)];
    case 'escape':
      return [{ type: 'text', value: known.text }];
    case 'strong':
      return [{ type: 'strong', children: fromInlineTokens(known.tokens, ctx) }];
    case 'em':
      return [{ type: 'emphasis', children: fromInlineTokens(known.tokens, ctx) }];
    case 'del':
      return [{ type: 'delete', children: fromInlineTokens(known.tokens, ctx) }];
    case 'codespan':
      // Code spans are literal: `&ouml;` stays `&ouml;`.
      return [{ type: 'inlineCode', value: known.text }];
    case 'br':
      return [{ type: 'break' }];
    case 'link':
      return fromLink(known, ctx);
    case 'image':
      ctx.warn({
        code: 'INLINE_IMAGE',
        message: `image "${known.href}" inside a line of text shows as its alt text; put it on a line of its own`,
        file: ctx.file,
        ...ctx.locate(known.raw),
      });
      return [{ type: 'text', value: plainInline(known.text) }];
    case 'html':
      ctx.warn({
        code: 'RAW_HTML_DROPPED',
        message: `raw HTML ${JSON.stringify(clip(known.raw))} is not rendered`,
        file: ctx.file,
        ...ctx.locate(known.raw),
      });
      return [];
    case 'checkbox':
      return [];
    default:
      return [text(known.raw)];
  }
}

/** A link whose destination is allowed, or its text alone with a warning saying why it is not live. */
function fromLink(token: Tokens.Link, ctx: ConvertContext): Inline[] {
  const children = fromInlineTokens(token.tokens, ctx);
  const verdict = judgeLink(token.href, ctx.linkSchemes);
  if ('target' in verdict) return [{ type: 'link', target: verdict.target, children }];
  ctx.warn({
    code: 'LINK_UNSAFE',
    message: `link to ${JSON.stringify(clip(token.href))} ${verdict.refused}; only ${ctx.linkSchemes.map((s) => `${s}:`).join(', ')} and #heading links are live, so it is shown as plain text`,
    file: ctx.file,
    // A link the template wrote (a source's address) is found by its address in the user's input.
    ...(ctx.locate(token.raw) ?? ctx.locate(token.href)),
  });
  return children;
}

function fromFootnoteRef(token: Tokens.Generic, ctx: ConvertContext): Inline[] {
  const label = String(token.label);
  const number = ctx.footnoteNumber(label);
  if (number === undefined) return [text(token.raw)];
  return [{ type: 'footnoteReference', label, number }];
}

/** A `[^label]` left as text means the footnote has no definition: say so, the reference stays visible. */
function warnUndefinedFootnotes(value: string, ctx: ConvertContext): void {
  for (const match of value.matchAll(/\[\^([^\]\s]+)\]/g)) {
    ctx.warn({
      code: 'FOOTNOTE_MISSING',
      message: `footnote [^${match[1]}] has no definition; add a line "[^${match[1]}]: …"`,
      file: ctx.file,
      ...ctx.locate(match[0]),
    });
  }
}

function text(value: string): Inline {
  return { type: 'text', value: decodeEntities(value) };
}

/** Shortens a snippet for a message. */
export function clip(snippet: string): string {
  const line = snippet.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
