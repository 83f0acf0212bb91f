import { sourceLine } from '../../chart/describe.js';
import { assertNever } from '../../diagnostics/assertNever.js';
import type { LoadedImage } from '../../media/imageInfo.js';
import { inlineText } from '../../tree/text.js';
import type { Block, CalloutKind, Chart, Heading, List, Table } from '../../tree/types.js';
import type { ChartSvg } from '../svg/chart.js';
import { esc, type FootnoteRefs, inlineHtml } from './inline.js';

/** What writing blocks needs besides the blocks. */
export interface BlockContext {
  readonly refs: FootnoteRefs;
  readonly images: ReadonlyMap<string, LoadedImage>;
  /** Heading labels ("1.", "1.2") when the theme numbers headings. */
  readonly numbers: ReadonlyMap<string, string>;
  /** Draws the n-th chart of the document as SVG. */
  readonly chart: (chart: Chart, index: number) => ChartSvg;
  /** Charts drawn so far, for unique ids. */
  charts: number;
}

/** The label a callout is read by when it has no title of its own. */
const CALLOUT_NAMES: Readonly<Record<CalloutKind, string>> = {
  note: 'Note',
  info: 'Information',
  warning: 'Warning',
  keypoints: 'Key points',
  takeaways: 'Takeaways',
  recommendations: 'Recommendations',
};

/**
 * The body's blocks as HTML, each depth-1 heading opening a `section` that holds what follows it (and
 * deeper headings their own sections inside), so the page's outline is the document's.
 */
export function sectionsHtml(blocks: readonly Block[], ctx: BlockContext): string {
  const out: string[] = [];
  const open: number[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') {
      while ((open.at(-1) ?? 0) >= block.depth) {
        open.pop();
        out.push('</section>');
      }
      open.push(block.depth);
      out.push(`<section aria-labelledby="${esc(block.id)}">`);
    }
    out.push(blockHtml(block, ctx));
  }
  for (let i = 0; i < open.length; i++) out.push('</section>');
  return out.join('\n');
}

/** Blocks inside a container (a list item, a quote, a callout): no sections. */
export function blocksHtml(blocks: readonly Block[], ctx: BlockContext): string {
  return blocks.map((block) => blockHtml(block, ctx)).join('\n');
}

function blockHtml(block: Block, ctx: BlockContext): string {
  switch (block.type) {
    case 'heading':
      return headingHtml(block, ctx);
    case 'paragraph':
      return `<p>${inlineHtml(block.children, ctx.refs)}</p>`;
    case 'list':
      return listHtml(block, ctx);
    case 'table':
      return tableHtml(block, ctx);
    case 'code': {
      const lang = block.lang ? ` class="language-${esc(block.lang.replace(/\s+/g, '-'))}"` : '';
      return `<pre><code${lang}>${esc(block.value)}</code></pre>`;
    }
    case 'quote':
      return `<blockquote>\n${blocksHtml(block.children, ctx)}\n</blockquote>`;
    case 'callout': {
      const label = block.title ?? CALLOUT_NAMES[block.kind];
      const title = block.title ? `<p class="callout-title">${esc(block.title)}</p>\n` : '';
      return `<aside class="callout callout-${block.kind}" aria-label="${esc(label)}">\n${title}${blocksHtml(block.children, ctx)}\n</aside>`;
    }
    case 'lede':
      return `<div class="lede">\n${blocksHtml(block.children, ctx)}\n</div>`;
    case 'references':
      return `<div class="references">\n${blocksHtml(block.children, ctx)}\n</div>`;
    case 'notes':
    case 'slideBreak':
      // Speaker notes and slide breaks belong to decks.
      return '';
    case 'chart':
      return chartHtml(block, ctx);
    case 'image': {
      // The caption above, as the brief sets it; an image that could not be loaded shows its alt text.
      const caption = block.caption ? `<figcaption>${esc(block.caption)}</figcaption>\n` : '';
      const image = ctx.images.get(block.src);
      if (!image)
        return `<figure class="image">\n${caption}<p class="image-missing">[Image: ${esc(block.alt)}]</p>\n</figure>`;
      const data = `data:${image.mediaType};base64,${Buffer.from(image.data).toString('base64')}`;
      return `<figure class="image">\n${caption}<img src="${data}" alt="${esc(block.alt)}" width="${image.width}" height="${image.height}">\n</figure>`;
    }
    case 'pageBreak':
      return '<div class="page-break"></div>';
    case 'thematicBreak':
      return '<hr>';
    default:
      return assertNever(block);
  }
}

function headingHtml(block: Heading, ctx: BlockContext): string {
  // The document's title is the page's h1: a section heading is one level below it.
  const level = Math.min(6, block.depth + 1);
  const number = ctx.numbers.get(block.id);
  const label = number ? `<span class="number">${esc(number)}</span> ` : '';
  return `<h${level} id="${esc(block.id)}">${label}${inlineHtml(block.children, ctx.refs)}</h${level}>`;
}

function listHtml(list: List, ctx: BlockContext): string {
  const items = list.children.map((item) => {
    const check =
      item.checked === null
        ? ''
        : `<span class="task" role="img" aria-label="${item.checked ? 'done' : 'to do'}">${item.checked ? '☑' : '☐'}</span> `;
    // A tight item's single paragraph reads as the item itself.
    const only = item.children.length === 1 ? item.children[0] : undefined;
    const body =
      only?.type === 'paragraph'
        ? inlineHtml(only.children, ctx.refs)
        : blocksHtml(item.children, ctx);
    return `<li>${check}${body}</li>`;
  });
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  return `<${tag}${start}>\n${items.join('\n')}\n</${tag}>`;
}

function tableHtml(table: Table, ctx: BlockContext): string {
  const align = (i: number) => {
    const a = table.align[i];
    return a && a !== 'left' ? ` class="align-${a}"` : '';
  };
  const head = table.header
    .map((cell, i) => `<th scope="col"${align(i)}>${inlineHtml(cell.children, ctx.refs)}</th>`)
    .join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${align(i)}>${inlineHtml(cell.children, ctx.refs)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const caption = table.caption ? `<caption>${esc(table.caption)}</caption>` : '';
  const name = table.caption ?? inlineText(table.header.flatMap((cell) => cell.children));
  const source = table.source ? `\n<p class="source">${esc(table.source)}</p>` : '';
  // A wide table scrolls inside its own region on a phone; the region takes focus so keyboards can scroll it.
  return `<section class="table-wrap" tabindex="0" aria-label="${esc(name || 'Table')}">\n<table>${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n</section>${source}`;
}

function chartHtml(block: Chart, ctx: BlockContext): string {
  ctx.charts += 1;
  const drawn = ctx.chart(block, ctx.charts);
  const caption = block.spec.title ? `<figcaption>${esc(block.spec.title)}</figcaption>\n` : '';
  const source = sourceLine(block.spec);
  const line = source ? `\n<p class="source">${esc(source)}</p>` : '';
  return `<figure class="chart">\n${caption}${drawn.svg}${line}\n</figure>`;
}
