import { z } from 'zod';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #RRGGBB');
const length = z.number().nonnegative();
/** A type size: at least 1 pt, at most 400 pt (a slide is 540 pt tall; OOXML stops at 4,000 pt). */
const size = (what: string) => z.number().min(1).max(400).describe(`${what}, in points (1 to 400)`);
/** A count of things on one slide. */
const count = (what: string) => z.number().int().positive().max(100).describe(what);
const fontFile = (face: string) =>
  z
    .string()
    .min(1)
    .describe(
      `${face} face: a TTF, OTF or WOFF file, relative to the theme file or inside an npm package (@scope/pkg/file.ttf)`,
    );

/** A font family: four files (TTF/OTF/WOFF), each a path or an npm package path like `@scope/pkg/file.ttf`. */
export const FontFamilySchema = z.strictObject({
  name: z.string().min(1).describe('Family name written into decks'),
  regular: fontFile('Regular'),
  bold: fontFile('Bold'),
  italic: fontFile('Italic'),
  boldItalic: fontFile('Bold italic'),
});

/** The kinds of slide a deck template maps to its layouts (`deck.layouts`). */
export const SLIDE_KINDS = [
  'title',
  'section',
  'text',
  'cards',
  'numbers',
  'rows',
  'two',
  'table',
  'chart',
  'image',
  'quote',
  'closing',
] as const;

/** A kind of slide. */
export type SlideKind = (typeof SLIDE_KINDS)[number];

/** The theme: one for every renderer. Every field is optional in a theme file; defaults fill the rest. */
export const ThemeSchema = z.strictObject({
  $schema: z.string().describe('Editor hint: path or URL of theme.schema.json').optional(),
  page: z
    .strictObject({
      size: z
        .union([
          z.enum(['A4', 'Letter']),
          z
            .strictObject({ width: z.number().min(50), height: z.number().min(50) })
            .describe('Page size in millimetres'),
        ])
        .describe('A4, Letter, or { width, height } in millimetres'),
      margins: z
        .strictObject({ top: length, right: length, bottom: length, left: length })
        .partial()
        .describe('Page margins in millimetres'),
    })
    .partial()
    .describe('The page: size and margins (the brief)')
    .optional(),
  fonts: z
    .strictObject({
      serif: FontFamilySchema.describe('Body text of the brief'),
      sans: FontFamilySchema.describe('Headings, tables and captions of the brief'),
      mono: FontFamilySchema.describe('Code'),
      deck: FontFamilySchema.describe(
        'Text of the deck: its name is written into the slides, its files measure the text',
      ),
    })
    .partial()
    .describe('The four font families; each replaces the default family whole')
    .optional(),
  colors: z
    .strictObject({
      text: color.describe('Body text'),
      muted: color.describe('Secondary text: captions, sources, footers'),
      accent: color.describe('Headings, rules and the title block'),
      accentTint: color.describe('Backgrounds of callouts and table headers'),
      rule: color.describe('Thin rules and table borders'),
      zebra: color.describe('Every other table row'),
      link: color.describe('Links'),
      palette: z.array(color).min(1).describe('Chart series colours, in order'),
      background: color.describe('The page or slide background'),
      onAccent: color.describe('Text set on the accent colour (title and closing slides)'),
    })
    .partial()
    .describe('Colours as #RRGGBB')
    .optional(),
  pdf: z
    .strictObject({
      bodySize: size('Body text size'),
      leading: size('Distance between the baselines of body text'),
      h1Size: size('Section heading size'),
      h2Size: size('Subsection heading size'),
      h3Size: size('Third-level heading size'),
      tableSize: size('Table text size (tables shrink to 7 pt when too wide)'),
      numberHeadings: z.boolean().describe('Number the headings (1, 1.1, 1.1.1)'),
      justify: z.boolean().describe('Justified paragraphs, hyphenated in the document language'),
      footnotes: z
        .enum(['page', 'end'])
        .describe('Footnotes at the foot of the page that cites them, or as endnotes'),
      toc: z.boolean().describe('A table of contents after the title block'),
      tocDepth: z.number().int().min(1).max(6).describe('Heading levels in the contents'),
      headerText: z.string().describe('Running header text; defaults to the short title'),
      footerText: z.string().describe('Footer text beside the page number'),
    })
    .partial()
    .describe('The PDF brief: sizes, numbering, footnotes, contents, header and footer')
    .optional(),
  html: z
    .strictObject({
      fonts: z
        .enum(['embed', 'system'])
        .describe(
          "The page's fonts: the theme's, subset and embedded in the file, or the reader's system fonts",
        ),
    })
    .partial()
    .describe('The HTML page')
    .optional(),
  deck: z
    .strictObject({
      layout: z.enum(['16x9', '4x3']).describe('Slide shape'),
      titleSize: size('Slide title size'),
      minTitleSize: size('The smallest slide title before it is cut'),
      bodySize: size('The largest body text'),
      minBodySize: size('The smallest body text before content continues on another slide'),
      bodyScale: z
        .array(
          z.strictObject({
            items: count('Paragraphs on the slide, up to'),
            size: size('The largest body text for that many'),
          }),
        )
        .max(20)
        .describe(
          'Body text caps by how many paragraphs a slide holds (short lists larger); [] leaves bodySize alone',
        ),
      levelStep: size('How much smaller each deeper bullet level is'),
      paragraphGap: size('Space between paragraphs and bullets'),
      maxBullets: count('Paragraphs on one slide at most'),
      columns: z
        .union([z.literal(1), z.literal(2)])
        .describe('Text columns a slide may use before content continues'),
      tableSize: size('Table text size for short tables'),
      longTableSize: size('Table text size for tables longer than shortTableRows'),
      shortTableRows: count('Rows a short table has at most'),
      minTableSize: size('The smallest table text before a table splits'),
      maxTableRows: count('Table rows on one slide at most'),
      cardTitleSize: size('Key-point card headline size'),
      cardTextSize: size('Key-point card text size'),
      minCardTextSize: size('The smallest card text before cards continue'),
      maxCards: z.number().int().min(1).max(6).describe('Cards on one slide at most'),
      figureSize: size('Big-number figure size'),
      figureTextSize: size('Text under a big number'),
      rowNumberSize: size('Number size of numbered rows (takeaways, recommendations)'),
      rowTextSize: size('Text size of numbered rows'),
      minRowTextSize: size('The smallest row text before rows continue'),
      maxRows: count('Numbered rows on one slide at most'),
      coverTitleSize: size('Title size on the title slide'),
      coverSubtitleSize: size('Subtitle size on the title slide'),
      coverMetaSize: size('Authors, organization and date on the title slide'),
      sectionTitleSize: size('Section slide title size'),
      sectionLeadSize: size('Section slide lead sentence size'),
      closingTitleSize: size('Closing slide title size'),
      closingTextSize: size('Closing slide text size'),
      smallSize: size('Footers, sources and labels'),
      chartLabelSize: size('Chart axis and legend text'),
      chartValueSize: size('Chart value labels'),
      footerText: z.string().describe('Footer text of every slide'),
      closingTitle: z.string().describe('Title of the closing slide'),
      contact: z.string().describe('A contact line on the closing slide'),
      eastAsianFont: z
        .string()
        .describe('Typeface of Chinese, Japanese and Korean runs; by default one for the language'),
      template: z
        .string()
        .min(1)
        .describe(
          'A PowerPoint template (.potx or .pptx), relative to the theme file: the deck is built on its masters, layouts and theme',
        ),
      keepTemplateSlides: z
        .boolean()
        .describe(
          "Keep the template's own slides (a disclaimer, a contacts page), after the deck's; by default they are dropped",
        ),
      layouts: z
        .strictObject(
          Object.fromEntries(
            SLIDE_KINDS.map((kind) => [
              kind,
              z
                .string()
                .min(1)
                .describe(`The template layout of ${kind} slides, by name`)
                .optional(),
            ]),
          ) as Record<(typeof SLIDE_KINDS)[number], z.ZodOptional<z.ZodString>>,
        )
        .describe(
          'The template layout for each kind of slide, by name (default: PowerPoint’s names, such as "Title and Content")',
        ),
    })
    .partial()
    .describe('The deck: layout, sizes, and when content continues on another slide')
    .optional(),
  labels: z
    .strictObject({
      continued: z
        .string()
        .describe(
          'Marks a table or slide that continues, e.g. "(continued)"; by default in the document language',
        ),
    })
    .partial()
    .describe('Words the renderers print')
    .optional(),
  logo: z
    .string()
    .describe('A PNG or JPEG shown on the title block and the slides, relative to the theme file')
    .optional(),
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
