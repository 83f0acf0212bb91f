// Generated from the zod model by `npm run schema`: do not edit (a test fails when it is stale).

/**
 * A report as a caller writes it: the input of `render`, `validate` and the CLI.
 */
export interface ReportInput {
  /**
   * Editor hint: path or URL of report.schema.json
   */
  $schema?: string;
  meta: {
    /**
     * Title of the brief
     */
    title: string;
    /**
     * Subtitle under the title
     */
    subtitle?: string;
    /**
     * Short title for running headers; defaults to the title
     */
    shortTitle?: string;
    /**
     * Publication series, such as "Policy Brief"
     */
    series?: string;
    /**
     * Number within the series
     */
    number?: string | number;
    /**
     * Publication date: YYYY-MM-DD, or YYYY-MM or YYYY; also the PDF creation date
     */
    date?: string;
    /**
     * The date as written, shown instead of `date` (a season, a quarter: "Spring 2026")
     */
    dateText?: string;
    /**
     * Authors in order: a name, or an object with name and affiliation
     */
    authors?: (
      | string
      | {
          /**
           * Full name
           */
          name: string;
          /**
           * Institution or role shown next to the name
           */
          affiliation?: string;
          /**
           * Contact address
           */
          email?: string;
        }
    )[];
    /**
     * Publishing organization
     */
    organization?: string;
    /**
     * BCP 47 language tag of the content
     */
    language?: string;
    /**
     * Keywords for the document info
     */
    keywords?: string[];
    /**
     * Classification or distribution marking, such as "Public"
     */
    classification?: string;
    /**
     * Disclaimer printed at the end (Markdown)
     */
    disclaimer?: string;
  };
  /**
   * The lede: one or two paragraphs that open the brief (Markdown)
   */
  summary?: string;
  /**
   * Key points box on the first page
   *
   * Items: One key point (Markdown)
   */
  keyPoints?: string[];
  /**
   * Sections in order
   */
  sections?: SectionInput[];
  /**
   * Key takeaways
   *
   * Items: One takeaway (Markdown)
   */
  takeaways?: string[];
  /**
   * Numbered recommendations
   *
   * Items: One recommendation (Markdown)
   */
  recommendations?: string[];
  /**
   * Sources and references
   */
  sources?: {
    /**
     * Title of the work
     */
    title: string;
    /**
     * Publisher or outlet
     */
    publisher?: string;
    /**
     * Author of the work
     */
    author?: string;
    /**
     * Web address
     */
    url?: string;
    /**
     * Publication date
     */
    date?: string;
  }[];
}
export interface SectionInput {
  /**
   * Heading of the section (may be empty, as a Markdown heading may)
   */
  title: string;
  /**
   * Prose of the section (Markdown)
   */
  body?: string;
  /**
   * Bullet list after the prose
   *
   * Items: One bullet (Markdown)
   */
  bullets?: string[];
  table?: {
    /**
     * Caption shown above the table
     */
    caption?: string;
    /**
     * Header cells
     *
     * @minItems 1
     *
     * Items: Cell text (Markdown inline) or number
     */
    columns: (string | number)[];
    /**
     * Body rows; each has as many cells as there are columns
     */
    rows: (string | number)[][];
    /**
     * Alignment per column; numbers default to right
     */
    align?: ('left' | 'center' | 'right')[];
    /**
     * Source line shown under the table
     */
    source?: string;
  };
  callout?: {
    /**
     * Label of the box
     */
    title?: string;
    /**
     * Content of the box (Markdown)
     */
    body: string;
    /**
     * Style of the box
     */
    kind?: 'note' | 'info' | 'warning' | 'takeaways';
  };
  image?: {
    /**
     * Path relative to the input file, or a data: URI
     */
    src: string;
    /**
     * Alternative text for screen readers
     */
    alt: string;
    /**
     * Caption shown above the image
     */
    caption?: string;
  };
  /**
   * A chart: drawn in the brief, a native chart in the deck
   */
  chart?: {
    /**
     * bar, line, area, pie, doughnut or combo
     */
    kind?: 'bar' | 'line' | 'area' | 'pie' | 'doughnut' | 'combo';
    /**
     * Title: the caption in the brief, the slide title in the deck
     */
    title?: string;
    /**
     * Bars run left to right (bar charts)
     */
    horizontal?: boolean;
    /**
     * Stack the series (bar, area and combo charts)
     */
    stacked?: boolean;
    /**
     * Category labels, one per value
     *
     * @minItems 1
     */
    categories?: (string | number)[];
    /**
     * The data: one or more named series
     *
     * @minItems 1
     */
    series?: {
      /**
       * Name of the series, shown in the legend
       */
      name: string | number;
      /**
       * One value per category
       */
      values: number[];
      /**
       * In a combo chart: drawn as bars or as a line (default: the first bars, the rest lines)
       */
      type?: 'bar' | 'line';
    }[];
    /**
     * Take categories (first column) and series (numeric columns) from the section's table
     */
    from?: 'table';
    /**
     * With from: table, the columns to plot (default: every numeric one)
     *
     * @minItems 1
     */
    columns?: string[];
    /**
     * number (1,234.5), percent (15 means 15%) or currency
     */
    format?: 'number' | 'percent' | 'currency';
    /**
     * Currency symbol or ISO code (USD, CAD, EUR, GBP, CNY, JPY…) for format: currency
     */
    currency?: string;
    /**
     * Decimals shown in value labels (default: as many as the data has, at most 2)
     */
    decimals?: number;
    /**
     * Unit of the values, such as "C$ billion"; the value axis title by default
     */
    unit?: string;
    axisTitles?: {
      /**
       * Title of the category axis
       */
      category?: string;
      /**
       * Title of the value axis
       */
      value?: string;
    };
    /**
     * Lowest value on the value axis
     */
    min?: number;
    /**
     * Highest value on the value axis
     */
    max?: number;
    /**
     * Write each value on its bar, point or slice
     */
    valueLabels?: boolean;
    /**
     * Show the legend (default: with two series or more, and for pies)
     */
    legend?: boolean;
    /**
     * Source line shown under the chart
     */
    source?: string;
    /**
     * Alternative text; by default a description of the data
     */
    alt?: string;
  };
  /**
   * Speaker notes for the deck (Markdown)
   */
  notes?: string;
  /**
   * Nested sections
   */
  subsections?: SectionInput[];
}
