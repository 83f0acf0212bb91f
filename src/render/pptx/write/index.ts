import PptxGenJS from 'pptxgenjs';
import { escapeXml } from '../../../text/xmlChars.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { DocMeta } from '../../../tree/types.js';
import type { LoadedImage } from '../../engine.js';
import { deckDesign } from '../plan/design.js';
import type { SlidePlan } from '../plan/types.js';
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
}

/** Writes the planned slides with pptxgenjs and normalises the file so that it is byte-identical per input. */
export async function writeDeck(plan: SlidePlan, options: WriteOptions): Promise<Uint8Array> {
  const { meta } = options;
  const theme = withEscapedFontNames(options.theme);
  const pptx = new PptxGenJS();
  pptx.layout = theme.deck.layout === '4x3' ? 'LAYOUT_4x3' : 'LAYOUT_WIDE';
  pptx.title = meta.title;
  pptx.subject = meta.subtitle ?? '';
  pptx.author = meta.authors.map((a) => a.name).join('; ');
  // pptxgenjs escapes the other document properties, not this one.
  pptx.company = escapeXml(meta.organization ?? '');
  const { grid } = deckDesign(theme, meta.language);
  defineMasters(pptx, theme, grid, theme.deck.footerText || meta.organization || '', options.logo);
  for (const slide of plan.slides)
    writeSlide(pptx, slide, { theme, images: options.images, language: meta.language });
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return normalizeDeck(
    written,
    options.date,
    theme.deck.eastAsianFont || eastAsianFontFor(meta.language),
  );
}

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
