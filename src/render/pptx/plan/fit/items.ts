import type { StyledRun } from '../../../../text/lineBreak.js';
import type { InlineFlags } from '../../../inlineRuns.js';
import { boldPhrase, capitalize, leadingFigure } from '../figures.js';
import type { PlannedParagraph } from '../types.js';

/** A key point, a takeaway or a bullet as a card or a big number shows it. */
export interface Item {
  /** The figure it leads with (15%, C$2.1 bn, three years), shown large. */
  readonly figure: string | undefined;
  /** The bold phrase it leads with or holds, shown as the headline when there is no figure. */
  readonly headline: string | undefined;
  /** The text under the headline or the figure: the rest of the sentence, or all of it. */
  readonly body: readonly StyledRun<InlineFlags>[];
  /** Its number in an ordered list, or its place. */
  readonly number: number;
  /** What it leads with: a figure, a bold phrase at its start, a bold phrase inside it, or plain text. */
  readonly lead: 'figure' | 'bold' | 'phrase' | 'plain';
}

/**
 * Reads a list item for a card: a figure it leads with (see {@link leadingFigure}) with the whole
 * sentence under it; else a run-in head (a bold phrase it starts with, ended by a full stop, a colon or
 * a dash: "**Trade.** The centrepiece…") as the headline with the rest under it; else a bold phrase of
 * two words or more as the headline over the whole sentence (which keeps its subject); else the sentence
 * alone.
 */
export function readItem(p: PlannedParagraph, index: number): Item {
  const number = p.number ?? index + 1;
  const plain: Item = {
    figure: undefined,
    headline: undefined,
    body: p.runs,
    number,
    lead: 'plain',
  };
  const figure = leadingFigure(p.runs);
  if (figure) return { ...plain, figure: figure.figure, lead: 'figure' };
  const phrase = boldPhrase(p.runs);
  if (!phrase) return plain;
  const leading = p.runs.findIndex((run) => run.text.trim() !== '');
  const end = p.runs.findIndex((run, i) => i > leading && !run.style.bold);
  const after = end < 0 ? '' : (p.runs[end]?.text ?? '');
  const runIn = /[.:–—]\s*$/u.test(phrase) || /^\s*[.:–—-]/u.test(after);
  if (p.runs[leading]?.style.bold && runIn && end >= 0) {
    const body = trimStart(p.runs.slice(end));
    if (body.length > 0)
      return { ...plain, headline: phrase.replace(/[\s.:;,–—-]+$/u, ''), body, lead: 'bold' };
  }
  if (phrase.split(/\s+/u).length < 2) return plain;
  return { ...plain, headline: capitalize(phrase), lead: 'phrase' };
}

/** Runs with leading spaces and separating punctuation (": ", "— ") taken off the first. */
function trimStart(runs: readonly StyledRun<InlineFlags>[]): StyledRun<InlineFlags>[] {
  const out = [...runs];
  while (out[0] && out[0].text.replace(/^[\s.:;,–—-]+/u, '') === '') out.shift();
  const [head, ...tail] = out;
  if (!head) return [];
  return [{ ...head, text: head.text.replace(/^[\s.:;,–—-]+/u, '') }, ...tail];
}

/** Whether paragraphs are one flat list (every one a level-0 bullet or number): items to set as cards or rows. */
export function isFlatList(paragraphs: readonly PlannedParagraph[]): boolean {
  return paragraphs.length > 0 && paragraphs.every((p) => p.level === 0 && p.marker !== 'none');
}
