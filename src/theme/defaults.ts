import type { FontFamily } from './schema.js';

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
  deck: {
    layout: '16x9' as '16x9' | '4x3',
    titleSize: 28,
    bodySize: 18,
    minBodySize: 14,
    maxBullets: 6,
    tableSize: 14,
    minTableSize: 12,
    maxTableRows: 8,
    footerText: '',
    closingTitle: 'Thank you',
    /** East Asian typeface for CJK runs; empty picks one for the document's language. */
    eastAsianFont: '',
  },
  logo: undefined as string | undefined,
};
