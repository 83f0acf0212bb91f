import { z } from 'zod';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #RRGGBB');
const length = z.number().nonnegative();

/** A font family: four files (TTF/OTF/WOFF), each a path or an npm package path like `@scope/pkg/file.ttf`. */
export const FontFamilySchema = z.strictObject({
  name: z.string().min(1).describe('Family name written into decks'),
  regular: z.string().min(1),
  bold: z.string().min(1),
  italic: z.string().min(1),
  boldItalic: z.string().min(1),
});

/** The theme: one for every renderer. Every field is optional in a theme file; defaults fill the rest. */
export const ThemeSchema = z.strictObject({
  $schema: z.string().optional(),
  page: z
    .strictObject({
      size: z.union([
        z.enum(['A4', 'Letter']),
        z
          .strictObject({ width: z.number().min(50), height: z.number().min(50) })
          .describe('Page size in millimetres'),
      ]),
      /** Margins in millimetres. */
      margins: z
        .strictObject({ top: length, right: length, bottom: length, left: length })
        .partial(),
    })
    .partial()
    .optional(),
  fonts: z
    .strictObject({
      serif: FontFamilySchema,
      sans: FontFamilySchema,
      mono: FontFamilySchema,
      deck: FontFamilySchema,
    })
    .partial()
    .optional(),
  colors: z
    .strictObject({
      text: color,
      muted: color,
      accent: color,
      accentTint: color,
      rule: color,
      zebra: color,
      link: color,
      palette: z.array(color).min(1),
    })
    .partial()
    .optional(),
  pdf: z
    .strictObject({
      bodySize: length,
      leading: length,
      h1Size: length,
      h2Size: length,
      h3Size: length,
      tableSize: length,
      numberHeadings: z.boolean(),
      justify: z.boolean(),
      footnotes: z.enum(['page', 'end']),
      toc: z.boolean(),
      tocDepth: z.number().int().min(1).max(6),
      headerText: z.string(),
      footerText: z.string(),
    })
    .partial()
    .optional(),
  deck: z
    .strictObject({
      layout: z.enum(['16x9', '4x3']),
      titleSize: length,
      bodySize: length,
      minBodySize: length,
      maxBullets: z.number().int().positive(),
      tableSize: length,
      minTableSize: length,
      maxTableRows: z.number().int().positive(),
      footerText: z.string(),
      closingTitle: z.string(),
      eastAsianFont: z.string(),
    })
    .partial()
    .optional(),
  logo: z.string().optional(),
  fallbackFonts: z
    .array(z.string().min(1))
    .describe(
      'Font files (TTF, OTF, WOFF; paths or npm package files) for characters the families lack, tried in order',
    )
    .optional(),
});

/** A theme as a caller writes it (every field optional). */
export type Theme = z.input<typeof ThemeSchema>;
/** A font family of a theme. */
export type FontFamily = z.output<typeof FontFamilySchema>;
