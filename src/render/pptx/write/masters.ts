import type PptxGenJS from 'pptxgenjs';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { Grid } from '../plan/design.js';
import { hex } from './color.js';

/** Names of the slide masters the theme defines. */
export const MASTERS = {
  title: 'BW Title',
  section: 'BW Section',
  content: 'BW Content',
  two: 'BW Two Content',
  table: 'BW Table',
  chart: 'BW Chart',
  quote: 'BW Quote',
  closing: 'BW Closing',
} as const;

/** Defines the masters from the theme: backgrounds, footer text, slide numbers, the logo. */
export function defineMasters(
  pptx: PptxGenJS,
  theme: ResolvedTheme,
  grid: Grid,
  footer: string,
  logo: string | undefined,
): void {
  const { colors } = theme;
  const font = theme.families.deck.name;
  const footerText = {
    text: {
      text: footer,
      options: {
        x: grid.margin,
        y: grid.footerY,
        w: grid.width - 2 * grid.margin - 1.2,
        h: 0.3,
        fontFace: font,
        fontSize: theme.deck.smallSize,
        color: hex(colors.muted),
      },
    },
  };
  const number = {
    x: grid.width - grid.margin - 1.0,
    y: grid.footerY,
    w: 1.0,
    h: 0.3,
    fontFace: font,
    fontSize: theme.deck.smallSize,
    color: hex(colors.muted),
    align: 'right' as const,
  };
  const logoObject = logo
    ? [
        {
          image: {
            data: logo,
            x: grid.width - grid.margin - 1.2,
            y: 0.35,
            w: 1.2,
            h: 0.5,
            sizing: { type: 'contain' as const, w: 1.2, h: 0.5 },
          },
        },
      ]
    : [];
  pptx.defineSlideMaster({
    title: MASTERS.title,
    background: { color: hex(colors.accent) },
    objects: [
      {
        rect: {
          x: 0,
          y: grid.height - 0.12,
          w: grid.width,
          h: 0.12,
          fill: { color: hex(colors.palette[1] ?? colors.accentTint) },
        },
      },
    ],
  });
  pptx.defineSlideMaster({
    title: MASTERS.section,
    background: { color: hex(colors.accentTint) },
    objects: [
      { rect: { x: 0, y: 0, w: 0.18, h: grid.height, fill: { color: hex(colors.accent) } } },
      footerText,
      ...logoObject,
    ],
    slideNumber: number,
  });
  // Content, table, chart and quote slides share the grid: title rule, footer line, footer, number, logo.
  const contentObjects = [
    {
      line: {
        x: grid.margin,
        y: grid.footerY - 0.05,
        w: grid.width - 2 * grid.margin,
        h: 0,
        line: { color: hex(colors.rule), width: 0.5 },
      },
    },
    footerText,
    ...logoObject,
  ];
  for (const [title, background] of [
    [MASTERS.content, hex(colors.background)],
    [MASTERS.two, hex(colors.background)],
    [MASTERS.table, hex(colors.background)],
    [MASTERS.chart, hex(colors.background)],
    // A quote stands on the accent tint.
    [MASTERS.quote, hex(colors.accentTint)],
  ] as const) {
    pptx.defineSlideMaster({
      title,
      background: { color: background },
      objects: contentObjects,
      slideNumber: number,
    });
  }
  pptx.defineSlideMaster({
    title: MASTERS.closing,
    background: { color: hex(colors.accent) },
    objects: [],
  });
}
