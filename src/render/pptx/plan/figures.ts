import type { StyledRun } from '../../../text/lineBreak.js';
import type { InlineFlags } from '../../inlineRuns.js';

const QUALIFIER =
  '(?:(?:over|more than|nearly|almost|about|around|roughly|some|up to|at least|under|less than|fewer than)\\s+)?';
const CURRENCY = '(?:US\\$|[A-Z]{1,2}\\$|[$€£¥₹]|(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|CNY)\\s?)';
const NUMBER = '\\d+(?:[.,\u00a0\u202f]\\d+)*';
const WORD_NUMBER =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a dozen)';
const SCALE =
  '(?:\\s?(?:bn|billions?|mn|millions?|m|k|thousand|trillions?|tn|Mrd\\.|Mio\\.|Md|milliards?|Milliarden|Millionen|crore|lakh)(?![\\p{L}]))';
const UNIT =
  '(?:\\s?(?:%|per ?cent\\b|percent\\b|pp\\b|percentage points?\\b|°C|×|x\\b|times\\b|years?\\b|months?\\b|weeks?\\b|days?\\b|hours?\\b|decades?\\b|GW\\b|MW\\b|TWh\\b|Mt\\b|tonnes?\\b|people\\b|countries\\b|jobs\\b))';

/**
 * A figure at the start of a text: an amount with a currency (C$2.1 bn, €40 million), a number with a
 * unit or a scale (15%, 1.5 °C, 3 million, €3,5 Mrd., 40 GW), or a count in words with a unit (three
 * years); a qualifier before it ("over", "nearly") is kept with it, as it changes what the figure says.
 * A bare number (a year, a count without a unit) is not a figure.
 */
const FIGURE = new RegExp(
  `^(${QUALIFIER}(?:(?:${CURRENCY}${NUMBER}${SCALE}?)|(?:${NUMBER}(?:${SCALE}${UNIT}?|${UNIT}))|(?:${WORD_NUMBER}${UNIT})))`,
  'iu',
);

/** Where a paragraph's figure was found: at its start, or at the start of its first bold phrase. */
export interface LeadingFigure {
  readonly figure: string;
}

/**
 * The figure a paragraph leads with, if any: the figure its text starts with, or the one its first bold
 * phrase starts with (the phrase a writer marked as what matters: "a goal of **15% more trade**").
 */
export function leadingFigure(runs: readonly StyledRun<InlineFlags>[]): LeadingFigure | undefined {
  const text = runs.map((run) => run.text).join('');
  const bold = boldPhrase(runs);
  for (const candidate of [text, bold]) {
    const match = candidate ? FIGURE.exec(candidate.trim()) : null;
    const figure = match?.[1]?.trim();
    if (figure) return { figure: capitalize(figure) };
  }
  return undefined;
}

/** The first bold phrase of a paragraph (consecutive bold runs), or undefined. */
export function boldPhrase(runs: readonly StyledRun<InlineFlags>[]): string | undefined {
  const start = runs.findIndex((run) => run.style.bold && run.text.trim() !== '');
  if (start < 0) return undefined;
  let phrase = '';
  for (const run of runs.slice(start)) {
    if (!run.style.bold) break;
    phrase += run.text;
  }
  return phrase.trim();
}

/** A text with its first letter in upper case, for a headline lifted out of a sentence. */
export function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const letter = String.fromCodePoint(first);
  return letter.toLocaleUpperCase() + text.slice(letter.length);
}
