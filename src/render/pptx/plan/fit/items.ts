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
 * sentence under it; else a bold phrase it starts with as the headline, the rest under it; else a bold
 * phrase inside it as the headline, the whole sentence under it; else the sentence alone.
 */
export function readItem(p: PlannedParagraph, index: number): Item {
  const number = p.number ?? index + 1;
  const figure = leadingFigure(p.runs);
  if (figure)
    return { figure: figure.figure, headline: undefined, body: p.runs, number, lead: 'figure' };
  const phrase = boldPhrase(p.runs);
  if (!phrase)
    return { figure: undefined, headline: undefined, body: p.runs, number, lead: 'plain' };
  const leading = p.runs.findIndex((run) => run.text.trim() !== '');
  if (p.runs[leading]?.style.bold) {
    // "**Trade.** The centrepiece…": the phrase is the headline, the rest of the sentence under it.
    const end = p.runs.findIndex((run, i) => i > leading && !run.style.bold);
    const body = end < 0 ? [] : trimStart(p.runs.slice(end));
    if (body.length > 0)
      return {
        figure: undefined,
        headline: phrase.replace(/[\s.:;,–—-]+$/u, ''),
        body,
        number,
        lead: 'bold',
      };
  }
  return { figure: undefined, headline: capitalize(phrase), body: p.runs, number, lead: 'phrase' };
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
