import type { Warning } from '../../../diagnostics/warnings.js';
import type { SlideLayout } from '../plan/types.js';
import type { DeckTemplate, TemplateLayout, TemplatePlaceholder } from './read.js';

/**
 * The layout names PowerPoint's own templates use for each kind of slide, and a few common others
 * ("Cover", "Divider", "Thank You"), tried in order: a template made from one of them, or following
 * their names, needs no map.
 */
export const DEFAULT_LAYOUT_NAMES: Readonly<Record<SlideLayout, readonly string[]>> = {
  title: ['Title Slide', 'Cover', 'Title'],
  section: ['Section Header', 'Section', 'Divider', 'Section Divider', 'Chapter Divider'],
  // "Title, Content" and "Title, 2 Content" are the names LibreOffice gives these layouts.
  text: ['Title and Content', 'Title, Content', 'Content'],
  rows: ['Title and Content', 'Title, Content', 'Content'],
  cards: ['Title Only', 'Headline Only', 'Title and Content'],
  numbers: ['Title Only', 'Headline Only', 'Title and Content'],
  two: ['Two Content', 'Title, 2 Content', 'Comparison', 'Two Columns'],
  table: ['Title and Content', 'Title, Content', 'Content', 'Title Only', 'Headline Only'],
  chart: ['Title and Content', 'Title, Content', 'Content', 'Title Only', 'Headline Only'],
  image: ['Picture with Caption', 'Title and Content', 'Title, Content', 'Content', 'Title Only'],
  quote: ['Quote', 'Title Only', 'Headline Only'],
  closing: ['Closing', 'End', 'Thank You', 'Title Slide', 'Cover'],
};

/** A layout name as compared: case, spaces, dashes and punctuation aside ("Title  Only" is "title-only"). */
export function layoutKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * What a layout for a kind must hold when no name finds one: a title at the top and one large body
 * (`one`), or two bodies side by side (`two`). Kinds without a shape use named layouts or the fallback.
 */
const SHAPE_OF: Partial<Record<SlideLayout, 'one' | 'two'>> = {
  text: 'one',
  rows: 'one',
  table: 'one',
  chart: 'one',
  image: 'one',
  two: 'two',
};

/** Names that only find a title-only layout: a kind with a shape tries a body layout of that shape first. */
const TITLE_ONLY_NAMES = new Set(['titleonly', 'headlineonly']);

/** The layout chosen for a kind of slide, and how. */
export interface LayoutChoice {
  readonly layout: TemplateLayout;
  /** No layout of the kind's names or shape: "Title Only" (or the first layout) and drawn shapes. */
  readonly fallback: boolean;
}

/**
 * Maps each kind of slide to a layout of the template by name: the theme's explicit map first
 * (`deck.layouts: { text: "Body – One Column" }`), then PowerPoint's names, compared without case,
 * spaces or punctuation. A kind of content no name finds takes a layout by what it holds (a title and
 * one large body, or two bodies side by side), named in a `TEMPLATE_LAYOUT_GUESSED` warning. A kind
 * still without one falls back to "Title Only" (else a layout with only a title, else "Blank", else the
 * first) with one `TEMPLATE_LAYOUT_MISSING` warning naming the kinds and the names tried; a name in
 * the explicit map the template lacks is a warning too.
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
      bodies(layout).length === 0 &&
      !layout.placeholders.some((p) => p.type === 'pic'),
  );
  const fallback = find(['Title Only']) ?? titleOnly ?? find(['Blank']) ?? template.layouts[0];
  const missing: string[] = [];
  const guessed: string[] = [];
  const choices = {} as Record<SlideLayout, LayoutChoice>;
  for (const kind of Object.keys(DEFAULT_LAYOUT_NAMES) as SlideLayout[]) {
    const named = explicit[kind];
    if (named !== undefined && !find([named]))
      warn({
        code: 'TEMPLATE_LAYOUT_MISSING',
        message: `the deck template ${template.file} has no layout ${listed([named])} (deck.layouts.${kind}); its layouts: ${listed(template.layouts.map((l) => l.name))}`,
        file: template.file,
      });
    const defaults = DEFAULT_LAYOUT_NAMES[kind];
    const shape = SHAPE_OF[kind];
    const own = defaults.filter((name) => !shape || !TITLE_ONLY_NAMES.has(layoutKey(name)));
    let found = find(named !== undefined ? [named, ...own] : own);
    if (!found && shape) {
      found = template.layouts.find((layout) => holds(layout, shape, template));
      if (found) guessed.push(`${kind} on ${listed([found.name])}`);
    }
    found ??= find(defaults);
    if (!found) missing.push(`${kind} (${defaults.map((n) => `"${n}"`).join(' or ')})`);
    // A template has at least one layout (readDeckTemplate refuses one without).
    const layout = found ?? fallback;
    if (layout) choices[kind] = { layout, fallback: !found };
  }
  if (guessed.length > 0)
    warn({
      code: 'TEMPLATE_LAYOUT_GUESSED',
      message: `the deck template ${template.file} has no layout named for some kinds of slide; chosen by their placeholders: ${guessed.join(', ')} (name layouts in the theme's deck.layouts to choose others)`,
      file: template.file,
    });
  if (missing.length > 0 && fallback)
    warn({
      code: 'TEMPLATE_LAYOUT_MISSING',
      message: `the deck template ${template.file} has no layout for ${missing.join(', ')}: those slides use ${listed([fallback.name])} with drawn shapes (name a layout in the theme's deck.layouts)`,
      file: template.file,
    });
  return choices;
}

/** A layout's body placeholders (text or any content), left to right. */
export function bodies(layout: TemplateLayout): TemplatePlaceholder[] {
  return layout.placeholders
    .filter((p) => p.type === 'body' || p.type === 'obj')
    .sort((a, b) => (a.box?.x ?? 0) - (b.box?.x ?? 0));
}

/**
 * Whether a layout has a shape: a title above one body at least 60% of the slide wide and 40% high, or
 * above two bodies side by side, each at least 30% wide and 40% high. Pictures, dates, footers and slide
 * numbers aside.
 */
function holds(layout: TemplateLayout, shape: 'one' | 'two', template: DeckTemplate): boolean {
  const title = layout.placeholders.find((p) => p.type === 'title')?.box;
  const found = bodies(layout);
  const boxes = found.flatMap((p) => (p.box ? [p.box] : []));
  if (!title || boxes.length !== found.length || boxes.length !== (shape === 'one' ? 1 : 2))
    return false;
  const wide = shape === 'one' ? 0.6 : 0.3;
  if (
    !boxes.every(
      (b) =>
        b.w >= wide * template.width &&
        b.h >= 0.4 * template.height &&
        b.y >= title.y + title.h / 2,
    )
  )
    return false;
  const [left, right] = boxes;
  return !left || !right || (left.x + left.w <= right.x && Math.abs(left.y - right.y) < 0.5);
}

/**
 * Layout names for a message: at most 20, each quoted, cut at 80 characters, with line breaks and other
 * control characters shown as spaces (a name cannot start a line of its own in the terminal).
 */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((name) => {
    const n = name.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
    return `"${n.length > 80 ? `${n.slice(0, 79)}…` : n}"`;
  });
  return names.length > 20 ? `${shown.join(', ')} and ${names.length - 20} more` : shown.join(', ');
}
