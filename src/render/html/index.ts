import { createHash } from 'node:crypto';
import { languageDirection } from '../../text/bidi.js';
import type { FontVariant } from '../../theme/resolve.js';
import { shownDate } from '../../tree/dates.js';
import { mastheadLines } from '../../tree/masthead.js';
import { numberHeadings } from '../../tree/numbering.js';
import { inlineText } from '../../tree/text.js';
import type { Block, DocMeta, FootnoteDefinition, Heading, Root } from '../../tree/types.js';
import { allBlocks } from '../../tree/walk.js';
import type { Renderer } from '../engine.js';
import { collectImages } from '../images.js';
import { chartSvg } from '../svg/chart.js';
import { type BlockContext, blocksHtml, sectionsHtml } from './blocks.js';
import { type PageFonts, type PageRole, pageFonts } from './fonts.js';
import { esc, FootnoteRefs } from './inline.js';
import { pageStyle } from './style.js';

/** A chart's drawing width in points: the brief's column, and a phone's. */
const CHART_WIDE = 468;
const CHART_NARROW = 300;

/**
 * The built-in HTML renderer: one self-contained, accessible page. Semantic elements, the theme's colours
 * and fonts (subset and embedded), charts as inline SVG, a print stylesheet, no script, and a
 * Content-Security-Policy that lets nothing load from outside the file.
 */
export const htmlRenderer: Renderer = {
  format: 'html',
  extension: '.html',
  mediaType: 'text/html',
  defaultTemplate: 'policy-brief',
  async render(doc, ctx) {
    const images = await collectImages(doc, ctx);
    const { theme } = ctx;
    const language = doc.meta.language;
    // Charts are drawn once the fonts are known (their text names the page's faces), so the body is
    // written twice only in what it names: first to learn the page's characters, then for good.
    const write = (fonts: PageFonts | undefined) => {
      const block: BlockContext = {
        refs: new FootnoteRefs(
          new Set(
            [...allBlocks(doc.children)].flatMap((b) => (b.type === 'heading' ? [b.id] : [])),
          ),
        ),
        images,
        numbers: theme.pdf.numberHeadings ? numberHeadings(doc.children) : new Map(),
        charts: 0,
        chart: (chart, index) => {
          const draw = (width: number, variant: string) =>
            chartSvg(chart.spec, {
              theme,
              language,
              width,
              idPrefix: `chart_${index}_${variant}`,
              font: (key) =>
                fonts?.svgFont(key) ?? { family: 'sans-serif', weight: 400, italic: false },
              warn: ctx.warn,
            });
          const wide = draw(CHART_WIDE, 'wide');
          const narrow = draw(CHART_NARROW, 'narrow');
          return {
            ...wide,
            svg: `${wide.svg.replace('<svg ', '<svg class="chart-wide" ')}${narrow.svg.replace('<svg ', '<svg class="chart-narrow" ')}`,
          };
        },
      };
      return bodyHtml(doc, block, theme.pdf.toc ? theme.pdf.tocDepth : 0, ctx.theme.logo);
    };
    const draft = write(undefined);
    const fonts = await pageFonts(theme, visibleText(draft), facesUsed(draft), ctx.warn);
    const body = write(fonts);
    const style = pageStyle(theme, fonts);
    const html = page(doc.meta, body, style, languageDirection(language));
    return new TextEncoder().encode(html);
  },
};

/** The whole page around its body: head, policy, style. */
function page(meta: DocMeta, body: string, style: string, dir: 'ltr' | 'rtl'): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  // Nothing may load from outside the file: styles only the one below, images and fonts only as data.
  const policy = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`;
  const authors = meta.authors.map((a) => a.name).join(', ');
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${esc(meta.title)}</title>`,
    meta.subtitle ? `<meta name="description" content="${esc(meta.subtitle)}">` : '',
    authors ? `<meta name="author" content="${esc(authors)}">` : '',
    meta.keywords.length > 0
      ? `<meta name="keywords" content="${esc(meta.keywords.join(', '))}">`
      : '',
    '<meta name="generator" content="briefwright">',
    `<style>${style}</style>`,
  ].filter(Boolean);
  return `<!DOCTYPE html>\n<html lang="${esc(meta.language)}" dir="${dir}">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** The visible page: the masthead, the contents, the article with its notes, the colophon. */
function bodyHtml(
  doc: Root,
  ctx: BlockContext,
  tocDepth: number,
  logo: { data: Uint8Array; mediaType: string } | undefined,
): string {
  const { meta } = doc;
  const article = sectionsHtml(doc.children, ctx);
  const notes = footnotesHtml(doc.footnotes, ctx);
  const toc = tocDepth > 0 ? tocHtml(doc.children, tocDepth, ctx) : '';
  const colophon = [meta.organization, shownDate(meta)].filter(Boolean).map((s) => esc(s ?? ''));
  const footer =
    colophon.length > 0 ? `<footer class="colophon"><p>${colophon.join(' · ')}</p></footer>` : '';
  return `<div class="page">\n${masthead(meta, logo)}\n${toc}<main>\n<article>\n${article}\n${notes}</article>\n</main>\n${footer}\n</div>`;
}

function masthead(
  meta: DocMeta,
  logo: { data: Uint8Array; mediaType: string } | undefined,
): string {
  const { series, dateline } = mastheadLines(meta);
  const authors = mastheadLines(meta).authors.map(esc);
  const logoAlt = meta.organization ? `${meta.organization} logo` : 'Logo';
  return [
    '<header class="masthead">',
    logo
      ? `<img class="logo" src="data:${logo.mediaType};base64,${Buffer.from(logo.data).toString('base64')}" alt="${esc(logoAlt)}">`
      : '',
    series ? `<p class="series">${esc(series)}</p>` : '',
    `<h1>${esc(meta.title)}</h1>`,
    meta.subtitle ? `<p class="subtitle">${esc(meta.subtitle)}</p>` : '',
    authors.length > 0 ? `<p class="byline">${authors.join('<br>')}</p>` : '',
    dateline ? `<p class="dateline">${esc(dateline)}</p>` : '',
    meta.classification ? `<p class="classification">${esc(meta.classification)}</p>` : '',
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The contents: the headings down to `depth`, nested, each a link to its section. */
function tocHtml(blocks: readonly Block[], depth: number, ctx: BlockContext): string {
  const headings = blocks.filter((b): b is Heading => b.type === 'heading' && b.depth <= depth);
  if (headings.length === 0) return '';
  const out: string[] = [];
  let level = 0;
  for (const heading of headings) {
    while (level < heading.depth) {
      out.push('<ol>');
      level++;
    }
    while (level > heading.depth) {
      out.push('</li></ol>');
      level--;
    }
    if (out.at(-1)?.startsWith('<li')) out.push('</li>');
    const number = ctx.numbers.get(heading.id);
    const label = `${number ? `${number} ` : ''}${inlineText(heading.children)}`;
    out.push(`<li><a href="#${esc(heading.id)}">${esc(label)}</a>`);
  }
  while (level > 0) {
    out.push('</li></ol>');
    level--;
  }
  return `<nav class="toc" aria-labelledby="toc_title">\n<h2 id="toc_title">Contents</h2>\n${out.join('')}\n</nav>\n`;
}

/** The notes: an ordered list after the text, each note with a way back to every place that cites it. */
function footnotesHtml(notes: readonly FootnoteDefinition[], ctx: BlockContext): string {
  if (notes.length === 0) return '';
  const items = notes.map((note) => {
    const body = blocksHtml(note.children, ctx);
    const back = ctx.refs
      .all(note.number)
      .map(
        (id, i) =>
          `<a class="backref" href="#${id}" role="doc-backlink" aria-label="Back to the text${i > 0 ? ` (${i + 1})` : ''}">↩</a>`,
      )
      .join('');
    const withBack = body.endsWith('</p>') ? `${body.slice(0, -4)}${back}</p>` : `${body}${back}`;
    return `<li id="fn_${note.number}" value="${note.number}">${withBack}</li>`;
  });
  return `<section class="footnotes" role="doc-endnotes" aria-labelledby="notes_title">\n<h2 id="notes_title">Notes</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>\n`;
}

/** The text a reader sees on the page, for subsetting its fonts: the markup's text, unescaped. */
function visibleText(html: string): string {
  // List markers and note numbers are drawn by the browser, not written in the text.
  return `${html.replace(/<[^>]*>/g, ' ')} 0123456789.↩·•◦▪`
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The faces a page can show, from its markup: the serif and the sans (headings, captions, tables) in
 * regular and bold always, italics where there is emphasis or a quotation, the mono only with code. The
 * browser loads only the faces text uses; the others would only make the file larger.
 */
function facesUsed(html: string): Set<`${PageRole}-${FontVariant}`> {
  const italic = html.includes('<em>') || html.includes('<blockquote>');
  const bold = html.includes('<strong>');
  const faces = new Set<`${PageRole}-${FontVariant}`>([
    'serif-regular',
    'sans-regular',
    'sans-bold',
  ]);
  if (bold) faces.add('serif-bold');
  if (italic) faces.add('serif-italic').add('sans-italic');
  if (italic && bold) faces.add('serif-boldItalic').add('sans-boldItalic');
  if (html.includes('<code')) {
    faces.add('mono-regular');
    if (bold) faces.add('mono-bold');
  }
  return faces;
}
