import type { Warning } from '../../../diagnostics/warnings.js';
import type { SlideLayout } from '../plan/types.js';
import type { DeckTemplate, TemplateLayout } from './read.js';

/**
 * The layout names PowerPoint's own templates use for each kind of slide, and a few common others
 * ("Cover", "Divider", "Thank You"), tried in order: a template made from one of them, or following
 * their names, needs no map.
 */
export const DEFAULT_LAYOUT_NAMES: Readonly<Record<SlideLayout, readonly string[]>> = {
  title: ['Title Slide', 'Cover', 'Title'],
  section: ['Section Header', 'Section', 'Divider', 'Section Divider', 'Chapter Divider'],
  text: ['Title and Content', 'Content'],
  rows: ['Title and Content', 'Content'],
  cards: ['Title Only', 'Headline Only', 'Title and Content'],
  numbers: ['Title Only', 'Headline Only', 'Title and Content'],
  two: ['Two Content', 'Comparison', 'Two Columns'],
  table: ['Title and Content', 'Content', 'Title Only', 'Headline Only'],
  chart: ['Title and Content', 'Content', 'Title Only', 'Headline Only'],
  image: ['Picture with Caption', 'Title and Content', 'Content', 'Title Only'],
  quote: ['Quote', 'Title Only', 'Headline Only'],
  closing: ['Closing', 'End', 'Thank You', 'Title Slide', 'Cover'],
};

/** A layout name as compared: case, spaces, dashes and punctuation aside ("Title  Only" is "title-only"). */
export function layoutKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The layout chosen for a kind of slide, and whether it is the fallback. */
export interface LayoutChoice {
  readonly layout: TemplateLayout;
  /** No layout of the kind's names: "Title Only" (or the first layout) and drawn shapes. */
  readonly fallback: boolean;
}

/**
 * Maps each kind of slide to a layout of the template by name: the theme's explicit map first
 * (`deck.layouts: { text: "Body – One Column" }`), then PowerPoint's names, compared without case,
 * spaces or punctuation. A kind no name finds falls back to "Title Only" (else a layout with only a
 * title, else "Blank", else the first) with one warning naming the kinds and the names tried; a name in the explicit map the template
 * lacks is a warning too.
 */
export function mapLayouts(
  template: DeckTemplate,
  explicit: Readonly<Partial<Record<SlideLayout, string>>>,
  warn: (warning: Omit<Warning, 'format'>) => void,
): Record<SlideLayout, LayoutChoice> {
  const byKey = new Map<string, TemplateLayout>();
  for (const layout of template.layouts)
    if (!byKey.has(layoutKey(layout.name))) byKey.set(layoutKey(layout.name), layout);
  const find = (names: readonly string[]) =>
    names.map((name) => byKey.get(layoutKey(name))).find((found) => found !== undefined);
  // The fallback is a layout with a title and nothing else to fill: "Title Only" by name, else by what
  // it holds (a title at the top, as content slides have it, no body), else "Blank", else the first.
  const titleOnly = template.layouts.find(
    (layout) =>
      layout.placeholders.some(
        (p) => p.type === 'title' && (p.box?.y ?? 0) < template.height / 4,
      ) &&
      !layout.placeholders.some((p) => p.type === 'body' || p.type === 'obj' || p.type === 'pic'),
  );
  const fallback = find(['Title Only']) ?? titleOnly ?? find(['Blank']) ?? template.layouts[0];
  const missing: string[] = [];
  const choices = {} as Record<SlideLayout, LayoutChoice>;
  for (const kind of Object.keys(DEFAULT_LAYOUT_NAMES) as SlideLayout[]) {
    const named = explicit[kind];
    if (named !== undefined && !find([named]))
      warn({
        code: 'TEMPLATE_LAYOUT_MISSING',
        message: `the deck template ${template.file} has no layout "${named}" (deck.layouts.${kind}); its layouts: ${template.layouts.map((l) => `"${l.name}"`).join(', ')}`,
        file: template.file,
      });
    const names =
      named !== undefined ? [named, ...DEFAULT_LAYOUT_NAMES[kind]] : DEFAULT_LAYOUT_NAMES[kind];
    const found = find(names);
    if (!found)
      missing.push(`${kind} (${DEFAULT_LAYOUT_NAMES[kind].map((n) => `"${n}"`).join(' or ')})`);
    // A template has at least one layout (readDeckTemplate refuses one without).
    const layout = found ?? fallback;
    if (layout) choices[kind] = { layout, fallback: !found };
  }
  if (missing.length > 0 && fallback)
    warn({
      code: 'TEMPLATE_LAYOUT_MISSING',
      message: `the deck template ${template.file} has no layout for ${missing.join(', ')}: those slides use "${fallback.name}" with drawn shapes (name a layout in the theme's deck.layouts)`,
      file: template.file,
    });
  return choices;
}
