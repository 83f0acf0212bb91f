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
      readonly table: Table;
      readonly notes: string[];
    }
  | {
      readonly kind: 'chart';
      readonly title: string;
      readonly spec: ChartSpec;
      readonly notes: string[];
    }
  | {
      readonly kind: 'image';
      readonly title: string;
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
        if (block.type === 'image' && open && hasText(open)) {
          // Text and then a figure under one heading: they may share a slide (the layout decides).
          const beside: TextDraft = open;
          open = undefined;
          push({ ...imageDraft(block, beside.title, []), beside });
        } else if (block.type === 'image') {
          const title = block.caption ?? heading.title;
          push(imageDraft(block, title, notesFor(title)));
        } else if (block.type === 'chart') {
          const title = block.spec.title ?? heading.title;
          push({ kind: 'chart', title, spec: block.spec, notes: notesFor(title) });
        } else {
          const title = open && hasText(open) ? (block.caption ?? heading.title) : heading.title;
          push({ kind: 'table', title, table: block, notes: notesFor(title) });
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
  return withLeads(drafts);
}

function imageDraft(
  block: Extract<Block, { type: 'image' }>,
  title: string,
  notes: string[],
): Extract<SlideDraft, { kind: 'image' }> {
  return {
    kind: 'image',
    title,
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
export function hasText(draft: TextDraft): boolean {
  return draft.entries.some((entry) => entry.kind === 'text');
}

/** The notes among entries, in order. */
export function notesOf(entries: readonly Entry[]): string[] {
  return entries.flatMap((entry) => (entry.kind === 'notes' ? [entry.text] : []));
}

/** Each section's lead: the first sentence of its notes (its prose), else of the text that follows it. */
function withLeads(drafts: SlideDraft[]): SlideDraft[] {
  drafts.forEach((draft, index) => {
    if (draft.kind !== 'section') return;
    const next = drafts[index + 1];
    const prose =
      draft.notes[0] ??
      (next?.kind === 'text' && next.callout === undefined
        ? next.entries
            .find(
              (entry): entry is Extract<Entry, { kind: 'text' }> =>
                entry.kind === 'text' && entry.paragraph.marker === 'none',
            )
            ?.paragraph.runs.map((run) => run.text)
            .join('')
        : undefined);
    draft.lead = prose ? firstSentence(prose) : undefined;
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
