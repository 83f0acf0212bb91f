import type { FontFamily, SlideKind } from './schema.js';

function expo(pkg: string, prefix: string): FontFamily {
  const base = `@expo-google-fonts/${pkg}`;
  return {
    name: prefix,
    regular: `${base}/400Regular/${prefix}_400Regular.ttf`,
    bold: `${base}/700Bold/${prefix}_700Bold.ttf`,
    italic: `${base}/400Regular_Italic/${prefix}_400Regular_Italic.ttf`,
    boldItalic: `${base}/700Bold_Italic/${prefix}_700Bold_Italic.ttf`,
  };
}

/**
 * Open fonts with the metrics of fonts templates name (Arimo is Arial's twin, Carlito Calibri's,
 * Caladea Cambria's, Tinos Times New Roman's): text measured with one breaks where the named font
 * breaks, so a deck on a template in Calibri is measured without Calibri's files.
 */
export const METRIC_TWINS: readonly { readonly names: RegExp; readonly family: FontFamily }[] = [
  { names: /^(arial|arimo|helvetica|liberation sans)$/i, family: expo('arimo', 'Arimo') },
  { names: /^(calibri|carlito)$/i, family: expo('carlito', 'Carlito') },
  { names: /^(cambria|caladea)$/i, family: expo('caladea', 'Caladea') },
  { names: /^(times new roman|times|tinos|liberation serif)$/i, family: expo('tinos', 'Tinos') },
];

/** The default theme: a calm navy brief (LOOK.md), all values filled. */
export const DEFAULT_THEME = {
  page: {
    size: 'A4' as 'A4' | 'Letter' | { width: number; height: number },
    margins: { top: 20, right: 22, bottom: 22, left: 22 },
  },
  fonts: {
    serif: expo('source-serif-4', 'SourceSerif4'),
    sans: {
      ...expo('inter', 'Inter'),
      bold: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
      boldItalic: '@expo-google-fonts/inter/600SemiBold_Italic/Inter_600SemiBold_Italic.ttf',
    },
    mono: expo('jetbrains-mono', 'JetBrainsMono'),
    // Decks name Arial, which every viewer has; Arimo has Arial's metrics, so text is measured with it.
    deck: { ...expo('arimo', 'Arimo'), name: 'Arial' },
  },
  colors: {
    text: '#1A1A1A',
    muted: '#5F6B7A',
    accent: '#1F3A5F',
    accentTint: '#E8EEF5',
    rule: '#C9D1DB',
    zebra: '#F5F7FA',
    link: '#1F5A99',
    palette: ['#1F3A5F', '#2A8C82', '#D99A2B', '#8A939E'],
    /** The page or slide itself, and text set on the accent colour. */
    background: '#FFFFFF',
    onAccent: '#FFFFFF',
  },
  pdf: {
    bodySize: 10.5,
    leading: 14.5,
    h1Size: 15,
    h2Size: 12.5,
    h3Size: 10.5,
    tableSize: 9,
    numberHeadings: false,
    justify: false,
    footnotes: 'page' as 'page' | 'end',
    toc: false,
    tocDepth: 2,
    headerText: '',
    footerText: '',
  },
  html: {
    fonts: 'embed' as 'embed' | 'system',
  },
  deck: {
    layout: '16x9' as '16x9' | '4x3',
    /** A PowerPoint template to build the deck on (a path), and its layout for each kind of slide. */
    template: undefined as string | undefined,
    /** Keep the template's own slides, after the deck's (by default they are dropped). */
    keepTemplateSlides: false,
    layouts: {} as Partial<Record<SlideKind, string>>,
    /** Slide titles: this size, down to the smallest before a third line. */
    titleSize: 30,
    minTitleSize: 22,
    /** Body text: the largest size; `bodyScale` caps it by how many paragraphs a slide holds. */
    bodySize: 28,
    minBodySize: 18,
    bodyScale: [
      { items: 3, size: 28 },
      { items: 5, size: 24 },
      { items: 8, size: 20 },
    ] as { items: number; size: number }[],
    /** How much smaller each deeper bullet level is. */
    levelStep: 4,
    paragraphGap: 8,
    maxBullets: 8,
    /** Text columns a slide may use before continuing (2 in the dense template). */
    columns: 1 as 1 | 2,
    /** Tables: up to `shortTableRows` rows at `tableSize`, longer ones at `longTableSize`, down to the floor. */
    tableSize: 18,
    longTableSize: 14,
    shortTableRows: 6,
    minTableSize: 12,
    maxTableRows: 8,
    /** Key-point cards: the headline and the sentence under it; at most `maxCards` on a slide. */
    cardTitleSize: 20,
    cardTextSize: 16,
    minCardTextSize: 14,
    maxCards: 4,
    /** Big numbers: the figure, and the sentence under it. */
    figureSize: 54,
    figureTextSize: 18,
    /** Numbered rows (takeaways, recommendations, agenda): the number and the text beside it. */
    rowNumberSize: 32,
    rowTextSize: 24,
    minRowTextSize: 18,
    maxRows: 7,
    coverTitleSize: 40,
    coverSubtitleSize: 20,
    coverMetaSize: 14,
    sectionTitleSize: 36,
    sectionLeadSize: 18,
    closingTitleSize: 40,
    closingTextSize: 16,
    /** Footers, sources and labels. */
    smallSize: 10,
    chartLabelSize: 14,
    chartValueSize: 12,
    footerText: '',
    closingTitle: 'Thank you',
    /** A contact line on the closing slide (an email or a web address). */
    contact: '',
    /** East Asian typeface for CJK runs; empty picks one for the document's language. */
    eastAsianFont: '',
  },
  /** Words the renderers print; empty picks them for the document's language. */
  labels: {
    continued: '',
  },
  logo: undefined as string | undefined,
};
