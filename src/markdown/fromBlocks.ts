import type { MarkedToken, Token, Tokens } from 'marked';
import type { TableText } from '../chart/resolve.js';
import { chartPointsError } from '../load/limits.js';
import { inlineText } from '../tree/text.js';
import type { Align, Block, CalloutKind, Heading, ListItem, TableCell } from '../tree/types.js';
import { append } from '../util/append.js';
import { parseChartSpec } from './chart.js';
import type { ConvertContext } from './context.js';
import type { DirectiveToken } from './directive.js';
import { clip, fromInlineTokens } from './fromInline.js';
import { plainInline } from './lexer.js';

const CALLOUT_KINDS: readonly CalloutKind[] = [
  'note',
  'info',
  'warning',
  'keypoints',
  'takeaways',
  'recommendations',
];

/** Converts marked block tokens into DocTree blocks. */
export function fromBlockTokens(tokens: readonly Token[], ctx: ConvertContext): Block[] {
  const out: Block[] = [];
  for (const token of tokens) append(out, fromBlockToken(token, ctx, out));
  return out;
}

/** `before` holds the blocks already converted at this level, where a chart looks for its table. */
function fromBlockToken(token: Token, ctx: ConvertContext, before: readonly Block[]): Block[] {
  if (token.type === 'directive') return fromDirective(token as DirectiveToken, ctx);
  if (token.type === 'footnote' || token.type === 'footnotes') return [];
  const known = token as MarkedToken;
  const position = ctx.locate(known.raw);
  switch (known.type) {
    case 'space':
    case 'def':
      return [];
    case 'heading':
      return [fromHeading(known, ctx)];
    case 'paragraph':
      return fromParagraph(known, ctx);
    case 'text':
      return [
        { type: 'paragraph', children: fromInlineTokens(known.tokens ?? [known], ctx), position },
      ];
    case 'list':
      return [
        {
          type: 'list',
          ordered: known.ordered,
          start: typeof known.start === 'number' ? known.start : 1,
          children: known.items.map((item) => fromListItem(item, ctx)),
          position,
        },
      ];
    case 'table':
      return [
        {
          type: 'table',
          align: known.align.map((a): Align => a ?? 'left'),
          header: known.header.map((cell) => fromCell(cell, ctx)),
          rows: known.rows.map((row) => row.map((cell) => fromCell(cell, ctx))),
          position,
        },
      ];
    case 'code':
      return fromCode(known, ctx, before);
    case 'blockquote':
      return [{ type: 'quote', children: fromBlockTokens(known.tokens, ctx), position }];
    case 'hr':
      return [{ type: 'thematicBreak' }];
    case 'html':
      ctx.warn({
        code: 'RAW_HTML_DROPPED',
        message: `raw HTML ${JSON.stringify(clip(known.raw))} is not rendered`,
        file: ctx.file,
        ...position,
      });
      return [];
    default:
      return fromInlineOnly(known, ctx);
  }
}

function fromHeading(token: Tokens.Heading, ctx: ConvertContext): Heading {
  const children = fromInlineTokens(token.tokens, ctx);
  const depth = Math.min(6, Math.max(1, token.depth)) as Heading['depth'];
  return {
    type: 'heading',
    depth,
    id: ctx.uniqueId(inlineText(children)),
    children,
    position: ctx.locate(token.raw),
  };
}

function fromParagraph(token: Tokens.Paragraph, ctx: ConvertContext): Block[] {
  const only = token.tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
  const image =
    only.length === 1 && only[0]?.type === 'image' ? (only[0] as Tokens.Image) : undefined;
  if (image) {
    return [
      {
        type: 'image',
        src: image.href,
        // The alt text is the description's plain text, as CommonMark renders it.
        alt: plainInline(image.text),
        caption: image.title ?? undefined,
        position: ctx.locate(token.raw),
      },
    ];
  }
  return [
    {
      type: 'paragraph',
      children: fromInlineTokens(token.tokens, ctx),
      position: ctx.locate(token.raw),
    },
  ];
}

function fromListItem(item: Tokens.ListItem, ctx: ConvertContext): ListItem {
  const children = fromBlockTokens(item.tokens, ctx);
  return { type: 'listItem', checked: item.task ? (item.checked ?? false) : null, children };
}

/** The text of the last table before a chart in its section (no heading in between), for `from: table`. */
function tableBefore(before: readonly Block[]): TableText | undefined {
  for (let index = before.length - 1; index >= 0; index--) {
    const block = before[index];
    if (!block || block.type === 'heading') return undefined;
    if (block.type === 'table') {
      return {
        columns: block.header.map((cell) => inlineText(cell.children)),
        rows: block.rows.map((row) => row.map((cell) => inlineText(cell.children))),
      };
    }
  }
  return undefined;
}

function fromCell(cell: Tokens.TableCell, ctx: ConvertContext): TableCell {
  return { type: 'tableCell', children: fromInlineTokens(cell.tokens, ctx) };
}

function fromCode(token: Tokens.Code, ctx: ConvertContext, before: readonly Block[]): Block[] {
  const lang = token.lang?.trim().split(/\s+/)[0] || undefined;
  const position = ctx.locate(token.raw);
  if (lang !== 'chart') return [{ type: 'code', lang, value: token.text, position }];
  const parsed = parseChartSpec(token.text, tableBefore(before), ctx.limits);
  if ('spec' in parsed) return [{ type: 'chart', spec: parsed.spec, position }];
  if ('points' in parsed)
    throw chartPointsError(parsed.points, ctx.limits, { file: ctx.file, ...position });
  ctx.warn({
    code: 'CHART_INVALID',
    message: `${parsed.error}; the chart is shown as code`,
    file: ctx.file,
    ...position,
  });
  return [{ type: 'code', lang, value: token.text, position }];
}

function fromDirective(token: DirectiveToken, ctx: ConvertContext): Block[] {
  const position = ctx.locate(token.raw);
  const children = () => fromBlockTokens(token.tokens, ctx);
  const { attributes } = token;
  switch (token.name) {
    case 'pagebreak':
      return [{ type: 'pageBreak' }];
    case 'slidebreak':
      return [{ type: 'slideBreak' }];
    case 'notes':
      return [{ type: 'notes', children: children(), position }];
    case 'lede':
      return [{ type: 'lede', children: children(), position }];
    case 'references':
      return [{ type: 'references', children: children(), position }];
    case 'table':
      return children().map((block) =>
        block.type === 'table'
          ? { ...block, caption: nonEmpty(attributes.caption), source: nonEmpty(attributes.source) }
          : block,
      );
    case 'callout':
    case 'keypoints':
    case 'takeaways':
    case 'recommendations': {
      const requested = (token.name === 'callout' ? attributes.kind : token.name) ?? 'note';
      const kind = CALLOUT_KINDS.find((k) => k === requested) ?? 'note';
      if (kind !== requested) {
        ctx.warn({
          code: 'UNKNOWN_DIRECTIVE',
          message: `callout kind "${requested}" is unknown; shown as a note`,
          file: ctx.file,
          ...position,
        });
      }
      return [
        {
          type: 'callout',
          kind,
          title: nonEmpty(attributes.title),
          children: children(),
          position,
        },
      ];
    }
    default:
      ctx.warn({
        code: 'UNKNOWN_DIRECTIVE',
        message: `unknown directive "::: ${token.name}"; its content is kept as plain blocks`,
        file: ctx.file,
        ...position,
      });
      return children();
  }
}

function fromInlineOnly(token: MarkedToken, ctx: ConvertContext): Block[] {
  const children = fromInlineTokens([token], ctx);
  return children.length > 0 ? [{ type: 'paragraph', children }] : [];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}
