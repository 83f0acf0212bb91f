import { z } from 'zod';
import { resolveChart, tableText } from '../chart/resolve.js';
import { ChartSchema } from '../chart/spec.js';
import { dateParts } from '../tree/dates.js';
import type {
  ReportInput as GeneratedReportInput,
  SectionInput as GeneratedSectionInput,
} from './reportInput.generated.js';

const markdown = (what: string) => z.string().describe(`${what} (Markdown)`);
const plain = (what: string) => z.string().describe(what);

/** An author of the report. */
export const AuthorSchema = z.strictObject({
  name: plain('Full name').min(1),
  affiliation: plain('Institution or role shown next to the name').optional(),
  email: plain('Contact address').optional(),
});

/** The report's metadata: what the cover block, the title slide and the PDF's document info show. */
export const MetaSchema = z.strictObject({
  title: plain('Title of the brief').min(1),
  subtitle: plain('Subtitle under the title').optional(),
  shortTitle: plain('Short title for running headers; defaults to the title').optional(),
  series: plain('Publication series, such as "Policy Brief"').optional(),
  number: z.union([z.string(), z.number()]).describe('Number within the series').optional(),
  date: z
    .string()
    .refine((date) => dateParts(date) !== undefined, {
      message: 'expected a real date as YYYY-MM-DD, YYYY-MM or YYYY',
    })
    .describe('Publication date: YYYY-MM-DD, or YYYY-MM or YYYY; also the PDF creation date')
    .optional(),
  dateText: plain(
    'The date as written, shown instead of `date` (a season, a quarter: "Spring 2026")',
  ).optional(),
  authors: z
    .array(
      z.union([
        z
          .string()
          .min(1)
          .transform((name): z.output<typeof AuthorSchema> => ({ name })),
        AuthorSchema,
      ]),
    )
    .describe('Authors in order: a name, or an object with name and affiliation')
    .optional(),
  organization: plain('Publishing organization').optional(),
  language: z
    .string()
    .regex(
      /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
      'expected a BCP 47 language tag such as "en" or "fr-CA"',
    )
    .describe('BCP 47 language tag of the content')
    .default('en'),
  keywords: z.array(z.string()).describe('Keywords for the document info').optional(),
  classification: plain('Classification or distribution marking, such as "Public"').optional(),
  disclaimer: markdown('Disclaimer printed at the end').optional(),
});

const cell = z.union([z.string(), z.number()]).describe('Cell text (Markdown inline) or number');

/** A table with an optional caption and source line. */
export const TableSchema = z
  .strictObject({
    caption: plain('Caption shown above the table').optional(),
    columns: z.array(cell).min(1).describe('Header cells'),
    rows: z.array(z.array(cell)).describe('Body rows; each has as many cells as there are columns'),
    align: z
      .array(z.enum(['left', 'center', 'right']))
      .describe('Alignment per column; numbers default to right')
      .optional(),
    source: plain('Source line shown under the table').optional(),
  })
  .superRefine((table, ctx) => {
    table.rows.forEach((row, index) => {
      if (row.length !== table.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index],
          message: `row has ${row.length} cells but the table has ${table.columns.length} columns`,
        });
      }
    });
    if (table.align && table.align.length > table.columns.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['align'],
        message: `align names ${table.align.length} columns but the table has ${table.columns.length}`,
      });
    }
  });

/** A highlighted box of text. */
export const CalloutSchema = z.strictObject({
  title: plain('Label of the box').optional(),
  body: markdown('Content of the box'),
  kind: z
    .enum(['note', 'info', 'warning', 'takeaways'])
    .default('note')
    .describe('Style of the box'),
});

/** An image from a local file or a data URI. */
export const ImageSchema = z.strictObject({
  src: plain('Path relative to the input file, or a data: URI').min(1),
  alt: plain('Alternative text for screen readers').min(1),
  caption: plain('Caption shown above the image').optional(),
});

/** A source cited by the report. */
export const SourceSchema = z.strictObject({
  title: plain('Title of the work').min(1),
  publisher: plain('Publisher or outlet').optional(),
  author: plain('Author of the work').optional(),
  url: z.url().describe('Web address').optional(),
  date: plain('Publication date').optional(),
});

/** A section as validated; subsections nest to any depth. */
export interface Section {
  title: string;
  body?: string | undefined;
  bullets?: string[] | undefined;
  table?: z.output<typeof TableSchema> | undefined;
  callout?: z.output<typeof CalloutSchema> | undefined;
  image?: z.output<typeof ImageSchema> | undefined;
  chart?: z.output<typeof ChartSchema> | undefined;
  notes?: string | undefined;
  subsections?: Section[] | undefined;
}

/** A section as a caller may write it (the zod schema's own view; the documented one is generated). */
export interface ZodSectionInput {
  title: string;
  body?: string | undefined;
  bullets?: string[] | undefined;
  table?: z.input<typeof TableSchema> | undefined;
  callout?: z.input<typeof CalloutSchema> | undefined;
  image?: z.input<typeof ImageSchema> | undefined;
  chart?: z.input<typeof ChartSchema> | undefined;
  notes?: string | undefined;
  subsections?: ZodSectionInput[] | undefined;
}

/** A section of the report: prose, bullets, a table, a chart, a callout, an image, notes and subsections. */
export const SectionSchema: z.ZodType<Section, ZodSectionInput> = z
  .lazy(() =>
    z
      .strictObject({
        title: plain('Heading of the section (may be empty, as a Markdown heading may)'),
        body: markdown('Prose of the section').optional(),
        bullets: z.array(markdown('One bullet')).describe('Bullet list after the prose').optional(),
        table: TableSchema.optional(),
        callout: CalloutSchema.optional(),
        image: ImageSchema.optional(),
        chart: ChartSchema.describe(
          'A chart: drawn in the brief, a native chart in the deck',
        ).optional(),
        notes: markdown('Speaker notes for the deck').optional(),
        subsections: z.array(SectionSchema).describe('Nested sections').optional(),
      })
      .superRefine((section, ctx) => {
        // A chart that takes its data from the section's table is checked against that table here,
        // so a mistake is a model error with its pointer rather than a warning at render time.
        if (!section.chart?.from) return;
        const resolved = resolveChart(section.chart, tableText(section.table));
        if ('problem' in resolved) {
          const { path, message } = resolved.problem;
          ctx.addIssue({ code: 'custom', path: ['chart', ...path], message });
        }
      }),
  )
  .meta({ id: 'Section' });

/** The whole report: the typed model briefwright renders. */
export const ReportSchema = z.strictObject({
  $schema: z.string().describe('Editor hint: path or URL of report.schema.json').optional(),
  meta: MetaSchema,
  summary: markdown('The lede: one or two paragraphs that open the brief').optional(),
  keyPoints: z
    .array(markdown('One key point'))
    .describe('Key points box on the first page')
    .optional(),
  sections: z.array(SectionSchema).default([]).describe('Sections in order'),
  takeaways: z.array(markdown('One takeaway')).describe('Key takeaways').optional(),
  recommendations: z
    .array(markdown('One recommendation'))
    .describe('Numbered recommendations')
    .optional(),
  sources: z.array(SourceSchema).describe('Sources and references').optional(),
});

/** The report as validated: defaults applied. */
export type Report = z.output<typeof ReportSchema>;
// The report and a section as a caller may write them, every field described for editors.
export type { ReportInput, SectionInput } from './reportInput.generated.js';

/** Whether two types accept the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The documented input types (generated from the JSON Schema, with every field's description) accept
 * exactly what the zod model accepts: this stops compiling when they drift (`npm run schema`
 * regenerates them, without compiling).
 */
export const INPUT_TYPES_MATCH: Same<GeneratedReportInput, z.input<typeof ReportSchema>> &
  Same<GeneratedSectionInput, ZodSectionInput> = true;
/** The report's metadata. */
export type Meta = z.output<typeof MetaSchema>;
/** An author. */
export type Author = z.output<typeof AuthorSchema>;
/** A table of the model. */
export type Table = z.output<typeof TableSchema>;
/** A callout of the model. */
export type Callout = z.output<typeof CalloutSchema>;
/** A chart of the model. */
export type Chart = z.output<typeof ChartSchema>;
/** An image of the model. */
export type Image = z.output<typeof ImageSchema>;
/** A cited source. */
export type Source = z.output<typeof SourceSchema>;
