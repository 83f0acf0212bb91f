import { unzipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';
import { escapeXml } from '../../../text/xmlChars.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import { shownDate } from '../../../tree/dates.js';
import type { DocMeta } from '../../../tree/types.js';
import type { LoadedImage } from '../../engine.js';
import { sortParts } from '../../ooxml/parts.js';
import { zipParts } from '../../ooxml/zip.js';
import { deckDesign } from '../plan/design.js';
import type { SlideLayout, SlidePlan } from '../plan/types.js';
import type { LayoutChoice } from '../template/layouts.js';
import { onTemplate } from '../template/onTemplate.js';
import type { DeckTemplate } from '../template/read.js';
import { eastAsianFontFor } from './eastAsian.js';
import { defineMasters } from './masters.js';
import { normalizeDeck } from './normalize.js';
import { writeSlide } from './slides.js';

/** What writing needs besides the plan. */
export interface WriteOptions {
  readonly theme: ResolvedTheme;
  readonly meta: DocMeta;
  readonly date: Date;
  readonly images: ReadonlyMap<string, LoadedImage>;
  /** The logo as a data URI. */
  readonly logo: string | undefined;
  /** A template to build the deck on, and the layout of each kind of slide. */
  readonly template?:
    | { readonly template: DeckTemplate; readonly layouts: Record<SlideLayout, LayoutChoice> }
    | undefined;
}

/** Writes the planned slides with pptxgenjs and normalises the file so that it is byte-identical per input. */
export async function writeDeck(plan: SlidePlan, options: WriteOptions): Promise<Uint8Array> {
  const { meta } = options;
  const theme = withEscapedFontNames(options.theme);
  const pptx = new PptxGenJS();
  const { grid } = deckDesign(theme, meta.language);
  if (options.template) {
    // The template's own slide size.
    pptx.defineLayout({ name: 'BRIEFWRIGHT_TEMPLATE', width: grid.width, height: grid.height });
    pptx.layout = 'BRIEFWRIGHT_TEMPLATE';
  } else pptx.layout = theme.deck.layout === '4x3' ? 'LAYOUT_4x3' : 'LAYOUT_WIDE';
  pptx.title = meta.title;
  pptx.subject = meta.subtitle ?? '';
  pptx.author = meta.authors.map((a) => a.name).join('; ');
  // pptxgenjs escapes the other document properties, not this one.
  pptx.company = escapeXml(meta.organization ?? '');
  defineMasters(pptx, theme, grid, theme.deck.footerText || meta.organization || '', options.logo);
  for (const slide of plan.slides)
    writeSlide(
      pptx,
      slide,
      { theme, images: options.images, language: meta.language },
      options.template?.layouts[slide.layout].fallback
        ? FALLBACK_BACKGROUND[slide.layout]?.(theme.colors)
        : undefined,
    );
  // The deck made byte-identical first (its charts numbered, dates pinned, text repaired): a
  // template's own parts then go in as they are, never renumbered or re-encoded.
  const written = normalizeDeck(
    (await pptx.write({ outputType: 'uint8array' })) as Uint8Array,
    options.date,
    theme.deck.eastAsianFont || eastAsianFontFor(meta.language),
  );
  if (!options.template) return written;
  const { template, layouts } = options.template;
  // Every slide but the title and closing slides shows the layout's date, footer and number.
  const chrome = {
    date: shownDate(meta),
    footer: theme.deck.footerText || meta.organization || '',
    language: meta.language,
  };
  const parts = onTemplate(
    unzipSync(written),
    template,
    (index) => {
      const kind = plan.slides[index]?.layout ?? 'text';
      return {
        layout: layouts[kind].layout,
        chrome: kind === 'title' || kind === 'closing' ? undefined : chrome,
      };
    },
    theme.deck.keepTemplateSlides,
  );
  return zipParts(sortParts(Object.entries(parts)));
}

/**
 * The backgrounds of the slides whose own masters set one (text on the accent colour or its tint), for
 * when a template has no layout for them and they fall back to one without it.
 */
const FALLBACK_BACKGROUND: Partial<
  Record<SlideLayout, (colors: ResolvedTheme['colors']) => string>
> = {
  title: (colors) => colors.accent,
  closing: (colors) => colors.accent,
  section: (colors) => colors.accentTint,
};

/** pptxgenjs writes typeface names into attributes as they are: hand it them escaped. */
function withEscapedFontNames(theme: ResolvedTheme): ResolvedTheme {
  const families = Object.fromEntries(
    Object.entries(theme.families).map(([role, family]) => [
      role,
      { ...family, name: escapeXml(family.name) },
    ]),
  ) as ResolvedTheme['families'];
  return { ...theme, families };
}
