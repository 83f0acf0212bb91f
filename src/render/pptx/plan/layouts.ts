import type { CalloutKind } from '../../../tree/types.js';
import type { DeckDesign } from './design.js';
import type { TextDraft } from './drafts.js';
import { type Item, isFlatList, readItem } from './fit/items.js';
import type { TextContent } from './fit/text.js';
import { splitEntries } from './notes.js';

/** The layout chosen for a text draft, with what it needs. */
export type TextChoice =
  | { readonly layout: 'text' | 'quote'; readonly content: TextContent }
  | {
      readonly layout: 'cards' | 'numbers' | 'rows';
      readonly content: TextContent;
      readonly items: readonly Item[];
    };

/** Callouts that stand out as a card on the tint rather than as plain text. */
const QUOTES: readonly CalloutKind[] = ['note', 'info', 'warning'];

/**
 * Chooses how a draft's text is shown:
 * - one to three items that each lead with a figure: big numbers;
 * - key points, or a short list whose items each start with a bold phrase: cards;
 * - takeaways, recommendations, or a numbered list alone on its slide (an agenda): numbered rows;
 * - a note, an info or a warning callout: a quote card;
 * - anything else: text sized to its content.
 */
export function chooseTextLayout(draft: TextDraft, design: DeckDesign): TextChoice {
  const { paragraphs, notes } = splitEntries(draft.entries);
  const content: TextContent = {
    title: draft.title,
    continued: draft.continued,
    paragraphs,
    notes,
  };
  const { callout } = draft;
  if (callout && QUOTES.includes(callout)) return { layout: 'quote', content };
  if (!isFlatList(paragraphs)) return { layout: 'text', content };
  const items = paragraphs.map(readItem);
  const listCallout =
    callout === 'keypoints' || callout === 'takeaways' || callout === 'recommendations';
  if (
    items.length <= 3 &&
    items.every((item) => item.lead === 'figure') &&
    callout !== 'recommendations'
  )
    return { layout: 'numbers', content, items };
  if (callout === 'keypoints') return { layout: 'cards', content, items };
  if (
    !listCallout &&
    items.length >= 2 &&
    items.length <= design.deck.maxCards &&
    items.every((item) => item.lead === 'bold')
  )
    return { layout: 'cards', content, items };
  if (callout === 'takeaways' || callout === 'recommendations')
    return { layout: 'rows', content, items };
  if (items.length >= 2 && paragraphs.every((p) => p.marker === 'number'))
    return { layout: 'rows', content, items };
  return { layout: 'text', content };
}
