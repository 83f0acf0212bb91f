import { assertNever } from '../../../diagnostics/assertNever.js';
import type { Warning } from '../../../diagnostics/warnings.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import { blockText, inlineText } from '../../../tree/text.js';
import type { Block, Root, Table } from '../../../tree/types.js';
import { append } from '../../../util/append.js';
import { PLAIN, toInlineRuns } from '../../inlineRuns.js';
import { chartSlide } from './chart.js';
import { paragraphHeight, splitParagraphs } from './content.js';
import { planFlow, planList } from './flow.js';
import { gridFor, INSET } from './geometry.js';
import { planTable } from './table.js';
import { fitTitle, titleSlide } from './titles.js';
import type { PlannedParagraph, PlannedSlide, SlidePlan } from './types.js';

/** How far a quote's text sits in from the card's left edge (past the accent bar), in inches. */
export const QUOTE_INSET = 0.25;

/** What planning needs. */
export interface PlanEnv {
  readonly theme: ResolvedTheme;
  readonly warn: (warning: Omit<Warning, 'format'>) => void;
  readonly file: string | undefined;
}

interface Draft {
  title: string;
  paragraphs: PlannedParagraph[];
  notes: string[];
  /** Started by a heading of the document: it gets a slide even when nothing of it shows on one. */
  headed?: boolean;
}

/**
 * Plans the deck from the DocTree: a title slide from the metadata; `#` headings make section headers,
 * `##` headings content slides; lists and text become paragraphs measured into "(cont.)" slides; tables,
 * charts, callouts and images get their own slides; `::: notes` go to the speaker notes.
 */
export function planDeck(doc: Root, env: PlanEnv): SlidePlan {
  const { theme } = env;
  const grid = gridFor(theme);
  const slides: PlannedSlide[] = [titleSlide(doc)];
  let sectionNumber = 0;
  let draft: Draft | undefined;
  const current = (): Draft => {
    draft ??= {
      title: slides.at(-1)?.kind === 'content' ? continued(slides.at(-1)) : doc.meta.title,
      paragraphs: [],
      notes: [],
    };
    return draft;
  };
  const flush = () => {
    if (!draft) return;
    const d = draft;
    draft = undefined;
    if (d.paragraphs.length === 0) {
      const last = slides.at(-1);
      if (!d.headed && d.notes.length > 0 && last)
        slides[slides.length - 1] = { ...last, notes: joinNotes(last.notes, d.notes.join('\n\n')) };
      else if (d.notes.length > 0 || d.title)
        slides.push({
          kind: 'content',
          title: d.title,
          body: grid.body,
          size: theme.deck.bodySize,
          paragraphs: [],
          notes: d.notes.join('\n\n'),
        });
      return;
    }
    const pages = splitParagraphs(
      d.paragraphs,
      grid.body,
      theme.deck.bodySize,
      theme.deck.maxBullets,
      theme,
    );
    // The notes go with the slide where the content starts, once: a long text split over many
    // slides must not repeat its notes on each (the deck grew with the square of the text).
    pages.forEach((paragraphs, index) => {
      slides.push({
        kind: 'content',
        title: index === 0 ? d.title : `${d.title} (cont.)`,
        body: grid.body,
        size: theme.deck.bodySize,
        paragraphs,
        notes: index === 0 ? d.notes.join('\n\n') : '',
      });
    });
  };
  /**
   * Ends the draft before a block that takes a slide of its own, titled `title`: its text goes on its
   * slides; a heading with nothing of its own yet keeps a slide when the block would hide it under
   * another title (a chart's, a callout's); otherwise the block's slide carries its title and notes.
   * Returns the notes that go with the block's slide.
   */
  const closeFor = (title: string): string => {
    const d = current();
    if (d.paragraphs.length > 0 || (d.headed && title !== d.title)) {
      flush();
      return '';
    }
    draft = undefined;
    return d.notes.join('\n\n');
  };
  const visit = (block: Block) => {
    switch (block.type) {
      case 'heading':
        flush();
        if (block.depth === 1) {
          sectionNumber++;
          slides.push({
            kind: 'section',
            number: sectionNumber,
            title: inlineText(block.children),
            notes: '',
          });
        } else {
          draft = { title: inlineText(block.children), paragraphs: [], notes: [], headed: true };
        }
        return;
      case 'paragraph':
        current().paragraphs.push({ runs: toInlineRuns(block.children), level: 0, marker: 'none' });
        return;
      case 'list': {
        // What a bullet cannot hold (a table, a chart, an image) follows on slides of its own.
        const flow = planList(block, 0);
        const d = current();
        append(d.paragraphs, flow.paragraphs);
        append(d.notes, flow.notes);
        flow.lifted.forEach(visit);
        return;
      }
      case 'notes':
        current().notes.push(blockText(block.children));
        return;
      case 'chart': {
        const title = block.spec.title ?? current().title.replace(/ \(cont\.\)$/, '');
        const notes = closeFor(title);
        slides.push(chartSlide(block.spec, title, grid.body, notes));
        return;
      }
      case 'table': {
        const d = current();
        const table = block;
        const title = d.paragraphs.length === 0 ? d.title : (table.caption ?? d.title);
        const notes = d.notes.join('\n\n');
        if (d.paragraphs.length > 0) flush();
        else draft = undefined;
        const planned = planTable(
          table,
          title.replace(/ \(cont\.\)$/, ''),
          grid.body,
          notes,
          theme,
        );
        reportTable(planned, table, env);
        append(slides, planned);
        draft = undefined;
        return;
      }
      case 'callout': {
        const title = block.title ?? current().title;
        const before = closeFor(title);
        const { paragraphs, lifted, notes } = planFlow(block.children, 0);
        if (before) notes.unshift(before);
        // The quote's text sits inside a card with an accent bar: measure for the card's inner width.
        const card = {
          ...grid.body,
          x: grid.body.x + QUOTE_INSET,
          w: grid.body.w - QUOTE_INSET - 0.1,
        };
        const pages = splitParagraphs(
          paragraphs,
          card,
          theme.deck.bodySize + 2,
          theme.deck.maxBullets,
          theme,
        );
        for (const [i, page] of pages.entries()) {
          // The card is as tall as its measured text (with room to breathe), never taller than the frame.
          const used = page.reduce(
            (sum, p) => sum + paragraphHeight(p, card, theme.deck.bodySize + 2, theme),
            0,
          );
          const height = Math.min(card.h, Math.max(1.2, used + 2 * INSET.y + 0.3));
          slides.push({
            kind: 'quote',
            title: i === 0 ? title : `${title} (cont.)`,
            body: { ...card, h: height },
            size: theme.deck.bodySize + 2,
            paragraphs: page,
            notes: i === 0 ? notes.join('\n\n') : '',
          });
        }
        lifted.forEach(visit);
        return;
      }
      case 'image': {
        const d = current();
        const two = twoContent(d, grid, theme);
        if (two) {
          draft = undefined;
          slides.push({ ...two, src: block.src, alt: block.alt });
          return;
        }
        const title = block.caption ?? d.title;
        const notes = closeFor(title);
        slides.push({
          kind: 'image',
          title,
          body: grid.body,
          src: block.src,
          alt: block.alt,
          notes,
        });
        return;
      }
      case 'lede':
      case 'references':
      case 'quote':
        block.children.forEach(visit);
        return;
      case 'code':
        current().paragraphs.push({
          runs: [{ text: block.value, style: { ...PLAIN, code: true } }],
          level: 0,
          marker: 'none',
        });
        return;
      case 'slideBreak':
      case 'thematicBreak':
      case 'pageBreak':
        if (draft?.paragraphs.length) {
          const title = draft.title;
          flush();
          draft = {
            title: `${title.replace(/ \(cont\.\)$/, '')} (cont.)`,
            paragraphs: [],
            notes: [],
          };
        }
        return;
      default:
        assertNever(block);
    }
  };
  doc.children.forEach(visit);
  flush();
  if (doc.footnotes.length > 0) {
    const last = slides.at(-1);
    const notes = doc.footnotes.map((f) => `[${f.number}] ${blockText(f.children)}`).join('\n');
    if (last) slides[slides.length - 1] = { ...last, notes: joinNotes(last.notes, notes) };
  }
  slides.push({
    kind: 'closing',
    title: theme.deck.closingTitle,
    lines: [doc.meta.organization, doc.meta.title].filter((l): l is string => Boolean(l)),
    notes: '',
  });
  reportContinuations(slides, env);
  return {
    width: grid.width,
    height: grid.height,
    slides: slides.map((slide) => fitTitle(slide, grid.title, env)),
  };
}

/** Tells the author which content needed "(cont.)" slides: something a reviewer would want to know. */
function reportContinuations(slides: readonly PlannedSlide[], env: PlanEnv): void {
  const counts = new Map<string, number>();
  for (const slide of slides) {
    if (!('title' in slide) || !slide.title.endsWith(' (cont.)')) continue;
    const base = slide.title.slice(0, -' (cont.)'.length);
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  for (const [title, count] of counts) {
    env.warn({
      code: 'CONTENT_SPLIT',
      message: `"${title}" continues on ${count} more slide${count > 1 ? 's' : ''} "(cont.)"`,
      file: env.file,
    });
  }
}

/** Tells the author when a table had to shrink or be split by columns to fit the slide. */
function reportTable(planned: readonly PlannedSlide[], table: Table, env: PlanEnv): void {
  const name = table.caption ?? inlineText(table.header[0]?.children ?? []);
  const tables = planned.flatMap((slide) => (slide.kind === 'table' ? [slide] : []));
  const smallest = Math.min(...tables.map((slide) => slide.size));
  if (smallest < env.theme.deck.tableSize) {
    env.warn({
      code: 'TABLE_SHRUNK',
      message: `table "${name}" is set at ${smallest} pt to fit the slide (theme: ${env.theme.deck.tableSize} pt)`,
      file: env.file,
      ...table.position,
    });
  }
  const widths = new Set(tables.map((slide) => slide.header.length));
  if (
    tables.length > 1 &&
    (widths.size > 1 || (tables[0]?.header.length ?? 0) < table.header.length)
  ) {
    env.warn({
      code: 'TABLE_SPLIT_COLUMNS',
      message: `table "${name}" is too wide for a slide and is split by columns, each part keeping the first`,
      file: env.file,
      ...table.position,
    });
  }
}

function continued(slide: PlannedSlide | undefined): string {
  const title = slide && 'title' in slide ? slide.title.replace(/ \(cont\.\)$/, '') : '';
  return `${title} (cont.)`;
}

/**
 * Text and a figure side by side (the two-content layout), when the slide's text so far fits the left
 * half in one slide: measured like any frame.
 */
function twoContent(
  draft: Draft,
  grid: ReturnType<typeof gridFor>,
  theme: ResolvedTheme,
): Omit<Extract<PlannedSlide, { kind: 'two' }>, 'src' | 'alt'> | undefined {
  if (draft.paragraphs.length === 0) return undefined;
  const gap = 0.3;
  const half = (grid.body.w - gap) / 2;
  const left = { ...grid.body, w: half };
  const right = { ...grid.body, x: grid.body.x + half + gap, w: half };
  const pages = splitParagraphs(
    draft.paragraphs,
    left,
    theme.deck.bodySize,
    theme.deck.maxBullets,
    theme,
  );
  const [page] = pages;
  if (pages.length !== 1 || !page) return undefined;
  return {
    kind: 'two',
    title: draft.title,
    left,
    right,
    size: theme.deck.bodySize,
    paragraphs: page,
    notes: draft.notes.join('\n\n'),
  };
}

function joinNotes(a: string, b: string): string {
  return [a, b].filter(Boolean).join('\n\n');
}
