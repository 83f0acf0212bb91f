import type { Entry } from './drafts.js';
import type { Placed } from './fit/paragraphs.js';
import type { PlannedParagraph } from './types.js';

/** Notes and where they stand among the paragraphs: after paragraph `after` (-1: before the first). */
export interface AnchoredNotes {
  readonly after: number;
  readonly text: string;
}

/** A draft's entries as its paragraphs and its notes, each note anchored where it stands. */
export function splitEntries(entries: readonly Entry[]): {
  paragraphs: PlannedParagraph[];
  notes: AnchoredNotes[];
} {
  const paragraphs: PlannedParagraph[] = [];
  const notes: AnchoredNotes[] = [];
  for (const entry of entries) {
    if (entry.kind === 'text') paragraphs.push(entry.paragraph);
    else notes.push({ after: paragraphs.length - 1, text: entry.text });
  }
  return { paragraphs, notes };
}

/**
 * The notes of each page: a note goes with the page that shows the paragraph it follows (the last part
 * of it, when the paragraph was cut), notes before any paragraph with the first page; so a continued
 * slide carries its own part of the notes, and none is repeated.
 */
export function notesPerPage(
  notes: readonly AnchoredNotes[],
  pages: readonly (readonly Pick<Placed, 'source'>[])[],
): string[] {
  const out = pages.map((): string[] => []);
  for (const note of notes) {
    let page = 0;
    pages.forEach((placed, index) => {
      if (placed.some((p) => p.source <= note.after)) page = index;
    });
    out[Math.min(page, out.length - 1)]?.push(note.text);
  }
  return out.map(joinNotes);
}

/** Notes joined as paragraphs, the empty ones left out. */
export function joinNotes(parts: readonly string[]): string {
  return parts.filter((part) => part.trim() !== '').join('\n\n');
}
