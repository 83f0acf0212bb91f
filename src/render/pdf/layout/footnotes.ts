import type { FootnoteDefinition } from '../../../tree/types.js';
import { PLAIN, toInlineRuns } from '../../inlineRuns.js';
import type { BlockFrame } from './blocks.js';
import type { TextBase } from './env.js';
import { indentSlices } from './slices.js';
import { ROOT, tagSlices } from './struct.js';
import { layoutText, layoutTextBlock } from './text.js';
import type { Slice } from './types.js';

/** The anchor a footnote reference links to. */
export function noteAnchor(number: number): string {
  return `fn-${number}`;
}

/** The footnotes a slice refers to, read from the links of its text. */
export function notesReferenced(slice: Slice): number[] {
  const numbers: number[] = [];
  for (const item of slice.items) {
    if (item.type !== 'text' || item.link?.kind !== 'footnote') continue;
    const { number } = item.link;
    if (!numbers.includes(number)) numbers.push(number);
  }
  return numbers;
}

/**
 * Lays out each footnote as a small numbered note with an anchor for its reference to link to: the
 * same slices serve at the foot of a page and as endnotes.
 */
export function layoutNotes(
  notes: readonly FootnoteDefinition[],
  frame: BlockFrame,
): Map<number, Slice[]> {
  const { env, width } = frame;
  const base: TextBase = { role: 'serif', size: 8, leading: 10.5, color: env.theme.colors.text };
  const indent = 14;
  const laidOut = new Map<number, Slice[]>();
  if (notes.length === 0) return laidOut;
  const container = env.struct.add('Div', ROOT, { floating: true });
  for (const note of notes) {
    const element = env.struct.add('P', container);
    const paragraphs = note.children.flatMap((block) =>
      block.type === 'paragraph' ? [toInlineRuns(block.children)] : [[{ text: '', style: PLAIN }]],
    );
    const body = paragraphs.flatMap((runs) => layoutText(runs, width - indent, base, env));
    const slices = tagSlices(indentSlices(body, indent), element, env.struct).map((s) => ({
      ...s,
      keepWithNext: true,
    }));
    const first = slices[0];
    if (!first) continue;
    const label = layoutTextBlock(
      [{ text: `${note.number}`, style: PLAIN }],
      indent - 3,
      base,
      env,
    );
    slices[0] = {
      ...first,
      items: [
        { type: 'anchor', id: noteAnchor(note.number), x: 0, y: 0 },
        ...(tagSlices([{ ...first, items: label.items }], element, env.struct)[0]?.items ?? []),
        ...first.items,
      ],
    };
    const last = slices.length - 1;
    slices[last] = { ...(slices[last] ?? first), keepWithNext: false };
    laidOut.set(
      note.number,
      slices.map((s, i) => (i === 0 ? { ...s, spaceBefore: 2 } : s)),
    );
  }
  return laidOut;
}
