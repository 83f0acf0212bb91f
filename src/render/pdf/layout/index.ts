import { hyphenatorFor } from '../../../text/hyphenate.js';
import { numberHeadings } from '../../../tree/numbering.js';
import type { Block, Root } from '../../../tree/types.js';
import { layoutBlocks } from './blocks.js';
import { addChrome } from './chrome.js';
import { layoutCover } from './cover.js';
import { type LayoutEnv, type LayoutInput, MM, type TextBase } from './env.js';
import { layoutNotes, notesReferenced } from './footnotes.js';
import { paginate } from './paginate.js';
import { ROOT, StructTree } from './struct.js';
import { layoutToc, resolvePageRefs } from './toc.js';
import type { PageModel } from './types.js';

/** Page sizes in points. */
export const PAGE_SIZES = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
} as const;

/**
 * Lays out a document into pages: the cover block, the body blocks, endnotes; then paginates in one pass
 * and adds running headers and footers. Pure: no pdfkit, no I/O.
 */
export function layoutDocument(doc: Root, input: LayoutInput): PageModel {
  const env: LayoutEnv = {
    ...input,
    struct: new StructTree(),
    language: doc.meta.language,
    hyphenate: input.theme.pdf.justify ? hyphenatorFor(doc.meta.language) : undefined,
  };
  const { page, pdf, colors } = env.theme;
  const size =
    typeof page.size === 'string'
      ? PAGE_SIZES[page.size]
      : { width: page.size.width * MM, height: page.size.height * MM };
  const margins = {
    top: page.margins.top * MM,
    right: page.margins.right * MM,
    bottom: page.margins.bottom * MM,
    left: page.margins.left * MM,
  };
  const width = size.width - margins.left - margins.right;
  const base: TextBase = {
    role: 'serif',
    size: pdf.bodySize,
    leading: pdf.leading,
    color: colors.text,
  };
  const numbers = pdf.numberHeadings ? numberHeadings(doc.children) : new Map<string, string>();
  const frame = { width, base, env, listDepth: 0, numbers, parent: ROOT };
  const notes = layoutNotes(doc.footnotes, frame);
  const atFoot = pdf.footnotes === 'page';
  const endnotes: Block[] =
    !atFoot && notes.size > 0
      ? [{ type: 'heading', depth: 1, id: 'notes', children: [{ type: 'text', value: 'Notes' }] }]
      : [];
  const slices = [
    ...layoutCover(doc.meta, width, env),
    ...(pdf.toc ? layoutToc(doc.children, numbers, width, env) : []),
    ...layoutBlocks([...doc.children, ...endnotes], frame),
    ...(atFoot ? [] : [...notes.values()].flat()),
  ];
  const { pages, outline } = paginate(
    slices,
    { left: margins.left, top: margins.top, bottom: size.height - margins.bottom },
    atFoot
      ? { slices: notes, referencedBy: notesReferenced, gap: 8, ruleColor: colors.rule }
      : undefined,
  );
  const withChrome = addChrome(
    resolvePageRefs(pages, outline, env),
    doc.meta,
    { ...size, ...margins },
    env,
  );
  return {
    width: size.width,
    height: size.height,
    pages: withChrome,
    outline,
    structure: env.struct.elements(),
  };
}

export type { LayoutEnv, LayoutInput } from './env.js';
export type { PageModel } from './types.js';
