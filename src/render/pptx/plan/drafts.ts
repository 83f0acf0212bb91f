import type { ChartSpec } from '../../../chart/spec.js';
import { assertNever } from '../../../diagnostics/assertNever.js';
import { blockText, inlineText } from '../../../tree/text.js';
import type { Block, CalloutKind, Root, Table } from '../../../tree/types.js';
import { PLAIN, toInlineRuns } from '../../inlineRuns.js';
import { planFlow, planList } from './flow.js';
import type { PlannedParagraph } from './types.js';

/** Slide text and speaker notes in document order, so that notes go with the slide their place is on. */
export type Entry =
  | { readonly kind: 'text'; readonly paragraph: PlannedParagraph }
  | { readonly kind: 'notes'; readonly text: string };

/** Text gathered for one slide (or its continuation slides): a heading's content, or a callout's. */
export interface TextDraft {
  readonly kind: 'text';
  readonly title: string;
  /** The text continues a slide before it (after a slide break). */
  readonly continued: boolean;
  /** The callout this text is, when it is one (key points, takeaways, a note, …). */
  readonly callout: CalloutKind | undefined;
  readonly entries: Entry[];
}

/** What a slide (or a run of continuation slides) will show, before a layout is chosen. */
export type SlideDraft =
  | { readonly kind: 'cover'; readonly notes: string[] }
  | {
      readonly kind: 'section';
      readonly number: number;
      readonly title: string;
      readonly notes: string[];
      /** The first paragraph of the section's text, for the sentence under its title. */
      lead: string | undefined;
    }
  | TextDraft
  | {
      readonly kind: 'table';
      readonly title: string;
      /** Its title's slide came before it (the heading's text, or an earlier block under it). */
      readonly continued: boolean;
      readonly table: Table;
      readonly notes: string[];
    }
  | {
      readonly kind: 'chart';
      readonly title: string;
      /** Its title's slide came before it (the heading's text, or an earlier block under it). */
      readonly continued: boolean;
      readonly spec: ChartSpec;
      readonly notes: string[];
    }
  | {
      readonly kind: 'image';
      readonly title: string;
      /** Its title's slide came before it (the heading's text, or an earlier block under it). */
      readonly continued: boolean;
      readonly src: string;
      readonly alt: string;
      readonly caption: string | undefined;
      readonly notes: string[];
      /** Text that came just before the image under the same heading: it may share the slide. */
      readonly beside: TextDraft | undefined;
    }
  | { readonly kind: 'closing'; readonly notes: string[] };

/** A block of the tree as the steps of grouping see it. */
type Piece =
  | { readonly kind: 'heading'; readonly depth: number; readonly title: string }
  | { readonly kind: 'text'; readonly paragraph: PlannedParagraph }
  | { readonly kind: 'notes'; readonly text: string }
  | { readonly kind: 'own'; readonly block: Extract<Block, { type: 'table' | 'chart' | 'image' }> }
  | {
      readonly kind: 'callout';
      readonly callout: CalloutKind;
      readonly title: string | undefined;
      readonly entries: Entry[];
    }
  | { readonly kind: 'break' };

/**
 * Groups the tree into slide drafts: the cover; a section slide per `#` heading; the text of a `##`
 * heading (or of a callout) as one draft, continued on later slides when it must be; tables, charts and
 * images as drafts of their own; the closing slide. Notes stay in document order among the text.
 */
export function draftSlides(doc: Root): SlideDraft[] {
  const drafts: SlideDraft[] = [{ kind: 'cover', notes: [] }];
  let open: TextDraft | undefined;
  let heading = { title: doc.meta.title, shown: false };
  const push = (draft: SlideDraft) => {
    drafts.push(draft);
    heading.shown = true;
  };
  // A draft opened after a slide break that nothing followed shows nothing: it is dropped.
  const close = () => {
    if (open && (open.entries.length > 0 || !open.continued)) push(open);
    open = undefined;
  };
  const openDraft = (): TextDraft => {
    open ??= {
      kind: 'text',
      title: heading.title,
      continued: heading.shown,
      callout: undefined,
      entries: [],
    };
    return open;
  };
  // A block with a slide of its own takes the notes of the heading just before it when that heading
  // shows nothing else and the block's slide carries its title; otherwise the heading keeps its slide.
  const notesFor = (title: string): string[] => {
    const current = open;
    if (!current) return [];
    if (hasText(current) || title !== current.title) {
      close();
      return [];
    }
    open = undefined;
    return notesOf(current.entries);
  };
  for (const piece of doc.children.flatMap(piecesOf)) {
    switch (piece.kind) {
      case 'heading':
        close();
        if (piece.depth === 1) {
          const number = drafts.filter((d) => d.kind === 'section').length + 1;
          push({ kind: 'section', number, title: piece.title, notes: [], lead: undefined });
        }
        // Text right under a section's heading is the first slide of that title, not a continued one.
        heading = { title: piece.title, shown: false };
        if (piece.depth > 1) {
          open = {
            kind: 'text',
            title: piece.title,
            continued: false,
            callout: undefined,
            entries: [],
          };
        }
        break;
      case 'text':
        openDraft().entries.push(piece);
        break;
      case 'notes': {
        const last = drafts.at(-1);
        if (open || !last) openDraft().entries.push(piece);
        else if (last.kind === 'text') last.entries.push(piece);
        else last.notes.push(piece.text);
        break;
      }
      case 'break':
        if (open && hasText(open)) {
          close();
          openDraft();
        }
        break;
      case 'own': {
        const { block } = piece;
        // A block titled by the heading whose slide was already shown continues it.
        const continuing = (title: string) => title === heading.title && heading.shown;
        if (block.type === 'image' && open && hasText(open)) {
          // Text and then a figure under one heading: they may share a slide (the layout decides).
          const beside: TextDraft = open;
          open = undefined;
          push({ ...imageDraft(block, beside.title, [], beside.continued), beside });
        } else if (block.type === 'image') {
          const title = block.caption ?? heading.title;
          const notes = notesFor(title);
          push(imageDraft(block, title, notes, continuing(title)));
        } else if (block.type === 'chart') {
          const title = block.spec.title ?? heading.title;
          const notes = notesFor(title);
          push({ kind: 'chart', title, continued: continuing(title), spec: block.spec, notes });
        } else {
          const title = open && hasText(open) ? (block.caption ?? heading.title) : heading.title;
          const notes = notesFor(title);
          push({ kind: 'table', title, continued: continuing(title), table: block, notes });
        }
        break;
      }
      case 'callout': {
        const title = piece.title ?? heading.title;
        const notes = notesFor(title);
        push({
          kind: 'text',
          title,
          continued: false,
          callout: piece.callout,
          entries: [...notes.map((text) => ({ kind: 'notes' as const, text })), ...piece.entries],
        });
        break;
      }
      default:
        assertNever(piece);
    }
  }
  close();
  drafts.push({ kind: 'closing', notes: [] });
  return withLeads(foldSections(drafts));
}

/**
 * A section slide only where the section has more than one slide of its own: a section whose only
 * content is one text slide under its own title (a Marp deck's `# Slide`, a short section) is that slide,
 * with the section's notes first; a section slide followed by an empty slide of its title keeps the
 * section slide alone. Sections are numbered again after folding.
 */
function foldSections(drafts: readonly SlideDraft[]): SlideDraft[] {
  const out: SlideDraft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i];
    if (!draft) continue;
    if (draft.kind !== 'section') {
      out.push(draft);
      continue;
    }
    const end = drafts.findIndex((d, j) => j > i && (d.kind === 'section' || d.kind === 'closing'));
    const own = drafts.slice(i + 1, end < 0 ? drafts.length : end);
    const [first] = own;
    const same =
      first?.kind === 'text' && first.callout === undefined && first.title === draft.title;
    if (same && !hasText(first)) {
      // An empty slide of the section's title: its notes go to the section slide, the slide goes.
      out.push({ ...draft, notes: [...draft.notes, ...notesOf(first.entries)] });
      i++;
    } else if (same && own.length === 1) {
      out.push({
        ...first,
        entries: [
          ...draft.notes.map((text) => ({ kind: 'notes' as const, text })),
          ...first.entries,
        ],
      });
      i++;
    } else {
      out.push(draft);
    }
  }
  let number = 0;
  return out.map((draft) => (draft.kind === 'section' ? { ...draft, number: ++number } : draft));
}

function imageDraft(
  block: Extract<Block, { type: 'image' }>,
  title: string,
  notes: string[],
  continued: boolean,
): Extract<SlideDraft, { kind: 'image' }> {
  return {
    kind: 'image',
    title,
    continued,
    src: block.src,
    alt: block.alt,
    caption: block.caption,
    notes,
    beside: undefined,
  };
}

/** The pieces of a block: lists and callouts as slide paragraphs, what a text frame cannot hold lifted out. */
function piecesOf(block: Block): Piece[] {
  switch (block.type) {
    case 'heading':
      return [{ kind: 'heading', depth: block.depth, title: inlineText(block.children) }];
    case 'paragraph':
      return [
        {
          kind: 'text',
          paragraph: { runs: toInlineRuns(block.children), level: 0, marker: 'none' },
        },
      ];
    case 'code':
      return [
        {
          kind: 'text',
          paragraph: {
            runs: [{ text: block.value, style: { ...PLAIN, code: true } }],
            level: 0,
            marker: 'none',
          },
        },
      ];
    case 'list': {
      const flow = planList(block, 0);
      return [
        ...flow.paragraphs.map((paragraph) => ({ kind: 'text' as const, paragraph })),
        ...flow.notes.map((text) => ({ kind: 'notes' as const, text })),
        ...flow.lifted.flatMap(piecesOf),
      ];
    }
    case 'notes':
      return [{ kind: 'notes', text: blockText(block.children) }];
    case 'table':
    case 'chart':
    case 'image':
      return [{ kind: 'own', block }];
    case 'callout': {
      const flow = planFlow(block.children, 0);
      const entries: Entry[] = [
        ...flow.paragraphs.map((paragraph) => ({ kind: 'text' as const, paragraph })),
        ...flow.notes.map((text) => ({ kind: 'notes' as const, text })),
      ];
      return [
        { kind: 'callout', callout: block.kind, title: block.title, entries },
        ...flow.lifted.flatMap(piecesOf),
      ];
    }
    case 'lede':
    case 'references':
    case 'quote':
      return block.children.flatMap(piecesOf);
    case 'slideBreak':
    case 'thematicBreak':
    case 'pageBreak':
      return [{ kind: 'break' }];
    default:
      return assertNever(block);
  }
}

/** Whether a draft has text to show (not only notes). */
function hasText(draft: TextDraft): boolean {
  return draft.entries.some((entry) => entry.kind === 'text');
}

/** The notes among entries, in order. */
export function notesOf(entries: readonly Entry[]): string[] {
  return entries.flatMap((entry) => (entry.kind === 'notes' ? [entry.text] : []));
}

/**
 * Each section's lead: the first sentence of its notes (its prose), else of the text that follows it; none
 * when the slide after it starts with that sentence anyway.
 */
function withLeads(drafts: SlideDraft[]): SlideDraft[] {
  drafts.forEach((draft, index) => {
    if (draft.kind !== 'section') return;
    const next = drafts[index + 1];
    const opening =
      next?.kind === 'text' && next.callout === undefined
        ? next.entries
            .find((entry): entry is Extract<Entry, { kind: 'text' }> => entry.kind === 'text')
            ?.paragraph.runs.map((run) => run.text)
            .join('')
        : undefined;
    const prose = draft.notes[0] ?? opening;
    const lead = prose ? firstSentence(prose) : undefined;
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    draft.lead = lead && opening && flat(opening).startsWith(flat(lead)) ? undefined : lead;
  });
  return drafts;
}

/** The first sentence of a text (up to its first full stop, question or exclamation mark), at most 280 characters. */
export function firstSentence(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  const match = /^.+?[.!?。！？](?=\s|$)/u.exec(flat);
  const sentence = match ? match[0] : flat;
  return sentence.length <= 280 ? sentence : undefined;
}
