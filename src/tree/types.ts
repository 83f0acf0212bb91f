/**
 * The DocTree: briefwright's own document tree, between Markdown and the renderers.
 * Every node has a literal `type`; `src/tree/README.md` specifies each one.
 */

import type { ChartSpec } from '../chart/spec.js';

export type { ChartSpec };

/** Where a node came from in the template's Markdown output (1-based). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Document metadata the renderers show: the cover block, the title slide, the PDF info. */
export interface DocMeta {
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly shortTitle?: string | undefined;
  readonly series?: string | undefined;
  readonly number?: string | undefined;
  /** Publication date: YYYY-MM-DD, YYYY-MM or YYYY. */
  readonly date?: string | undefined;
  /** The date as written, shown instead of `date` when given. */
  readonly dateText?: string | undefined;
  readonly authors: readonly { readonly name: string; readonly affiliation?: string | undefined }[];
  readonly organization?: string | undefined;
  readonly language: string;
  readonly keywords: readonly string[];
  readonly classification?: string | undefined;
}

/** The root of a document. */
export interface Root {
  readonly type: 'root';
  readonly meta: DocMeta;
  readonly children: readonly FlowContent[];
  /** Footnote definitions by label, in order of first reference. */
  readonly footnotes: readonly FootnoteDefinition[];
}

/** A heading of depth 1 (section) to 6. */
export interface Heading {
  readonly type: 'heading';
  readonly depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** A slug unique in the document, for links and the outline. */
  readonly id: string;
  readonly children: readonly PhrasingContent[];
  readonly position?: Position | undefined;
}

/** A paragraph of inline content. */
export interface Paragraph {
  readonly type: 'paragraph';
  readonly children: readonly PhrasingContent[];
  readonly position?: Position | undefined;
}

/** An ordered or unordered list. */
export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  /** The number of the first item of an ordered list. */
  readonly start: number;
  readonly children: readonly ListContent[];
  readonly position?: Position | undefined;
}

/** An item of a list; `checked` is a boolean for task list items and null otherwise. */
export interface ListItem {
  readonly type: 'listItem';
  readonly checked: boolean | null;
  readonly children: readonly FlowContent[];
}

/** Horizontal alignment of a table column. */
export type Align = 'left' | 'center' | 'right';

/** A table with one header row, body rows, and an optional caption and source line. */
export interface Table {
  readonly type: 'table';
  readonly align: readonly Align[];
  readonly header: readonly TableCell[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly caption?: string | undefined;
  readonly source?: string | undefined;
  readonly position?: Position | undefined;
}

/** A cell of a table. */
export interface TableCell {
  readonly type: 'tableCell';
  readonly children: readonly PhrasingContent[];
}

/** A block of code or preformatted text. */
export interface Code {
  readonly type: 'code';
  readonly lang: string | undefined;
  readonly value: string;
  readonly position?: Position | undefined;
}

/** A block quotation. */
export interface Quote {
  readonly type: 'quote';
  readonly children: readonly FlowContent[];
  readonly position?: Position | undefined;
}

/** The kinds of callout box a theme styles. */
export type CalloutKind =
  | 'note'
  | 'info'
  | 'warning'
  | 'keypoints'
  | 'takeaways'
  | 'recommendations';

/** A highlighted box with an optional title (`::: callout`). */
export interface Callout {
  readonly type: 'callout';
  readonly kind: CalloutKind;
  readonly title: string | undefined;
  readonly children: readonly FlowContent[];
  readonly position?: Position | undefined;
}

/** The opening paragraphs of a document, set larger (`::: lede`). */
export interface Lede {
  readonly type: 'lede';
  readonly children: readonly FlowContent[];
  readonly position?: Position | undefined;
}

/** A list of works cited, set small (`::: references`). */
export interface References {
  readonly type: 'references';
  readonly children: readonly FlowContent[];
  readonly position?: Position | undefined;
}

/** Speaker notes for the current slide; ignored on paper (`::: notes`). */
export interface Notes {
  readonly type: 'notes';
  readonly children: readonly FlowContent[];
  readonly position?: Position | undefined;
}

/** A chart described by data (a ` ```chart ` fence). */
export interface Chart {
  readonly type: 'chart';
  readonly spec: ChartSpec;
  readonly position?: Position | undefined;
}

/** An image on a line of its own. */
export interface Image {
  readonly type: 'image';
  readonly src: string;
  readonly alt: string;
  readonly caption?: string | undefined;
  readonly position?: Position | undefined;
}

/** A forced page break in paged output (`::: pagebreak :::`). */
export interface PageBreak {
  readonly type: 'pageBreak';
}

/** A forced slide break in decks (`::: slidebreak :::`, or `---`). */
export interface SlideBreak {
  readonly type: 'slideBreak';
}

/** A thematic break (`---`): a rule on paper, a new slide in decks. */
export interface ThematicBreak {
  readonly type: 'thematicBreak';
}

/** The text of a footnote, referenced by label. */
export interface FootnoteDefinition {
  readonly type: 'footnoteDefinition';
  readonly label: string;
  /** 1-based number in order of first reference. */
  readonly number: number;
  readonly children: readonly FlowContent[];
}

/** Every block node. */
export type Block =
  | Heading
  | Paragraph
  | List
  | Table
  | Code
  | Quote
  | Callout
  | Lede
  | References
  | Notes
  | Chart
  | Image
  | PageBreak
  | SlideBreak
  | ThematicBreak;

/** Plain text. */
export interface Text {
  readonly type: 'text';
  readonly value: string;
}

/** Strong importance, usually bold. */
export interface Strong {
  readonly type: 'strong';
  readonly children: readonly PhrasingContent[];
}

/** Emphasis, usually italic. */
export interface Emphasis {
  readonly type: 'emphasis';
  readonly children: readonly PhrasingContent[];
}

/** Deleted text, struck through. */
export interface Delete {
  readonly type: 'delete';
  readonly children: readonly PhrasingContent[];
}

/** Code within a line. */
export interface InlineCode {
  readonly type: 'inlineCode';
  readonly value: string;
}

/**
 * Where a link goes: an external address whose scheme the render allows (`http:`, `https:`, `mailto:` by
 * default), normalised; or a heading of this document by its id. Nothing else is ever a link.
 */
export type LinkTarget =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'anchor'; readonly id: string };

/** A hyperlink to an allowed external address or to a heading of this document. */
export interface Link {
  readonly type: 'link';
  readonly target: LinkTarget;
  readonly children: readonly PhrasingContent[];
}

/** A hard line break. */
export interface Break {
  readonly type: 'break';
}

/** A reference to a footnote. */
export interface FootnoteReference {
  readonly type: 'footnoteReference';
  readonly label: string;
  readonly number: number;
}

/** Every inline node. */
export type Inline =
  | Text
  | Strong
  | Emphasis
  | Delete
  | InlineCode
  | Link
  | Break
  | FootnoteReference;

/**
 * Content categories, as mdast has them: what each container may hold. Flow content is what a document,
 * a list item, a quote, a callout, a lede, references, notes and a footnote hold: any block. Phrasing
 * content is what a paragraph, a heading, a table cell and the inline containers hold. List content is
 * what a list holds. A consumer that handles every member of a category handles every document.
 */
export type FlowContent = Block;
/** What paragraphs, headings, table cells, emphasis, strong, delete and links hold. */
export type PhrasingContent = Inline;
/** What a list holds. */
export type ListContent = ListItem;

/** Every node of the tree. */
export type Node = Root | Block | Inline | ListItem | TableCell | FootnoteDefinition;
