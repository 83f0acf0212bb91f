import type { ChartSpec } from '../../../chart/spec.js';
import type { StyledRun } from '../../../text/lineBreak.js';
import type { SlideKind } from '../../../theme/schema.js';
import type { InlineFlags } from '../../inlineRuns.js';

/** A frame on a slide, in inches from the slide's top left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A paragraph in a text frame: a bullet (or a number), or plain text when `marker` is "none". */
export interface PlannedParagraph {
  readonly runs: readonly StyledRun<InlineFlags>[];
  readonly level: number;
  readonly marker: 'bullet' | 'number' | 'none';
  /** The number shown for numbered paragraphs. */
  readonly number?: number;
}

/** How the text of a frame is set: every size and colour resolved from the theme. */
export interface TextStyle {
  /** Size of level-0 paragraphs, in points; deeper levels are `levelStep` smaller each. */
  readonly size: number;
  readonly levelStep: number;
  /** Colours as #RRGGBB. */
  readonly color: string;
  readonly markerColor: string;
  readonly bold: boolean;
  readonly align: 'left' | 'center' | 'right';
  readonly valign: 'top' | 'middle' | 'bottom';
  /** Space after each paragraph, in points. */
  readonly gap: number;
  /** A typeface other than the deck's (a template's heading font, for titles). */
  readonly face?: string | undefined;
}

/** Something the writer draws, exactly where and how the plan says. */
export type SlideShape =
  | {
      readonly kind: 'text';
      readonly box: Box;
      readonly style: TextStyle;
      readonly paragraphs: readonly PlannedParagraph[];
      /** The shape's name in the selection pane: "Title", and "Body" (or "Body 1", "Body 2") for a slide's body text. */
      readonly name?: string | undefined;
    }
  | { readonly kind: 'rect'; readonly box: Box; readonly fill: string }
  | {
      readonly kind: 'table';
      readonly box: Box;
      readonly size: number;
      readonly columns: readonly number[];
      readonly header: readonly (readonly StyledRun<InlineFlags>[])[];
      readonly rows: readonly (readonly (readonly StyledRun<InlineFlags>[])[])[];
      readonly align: readonly ('left' | 'center' | 'right')[];
      /** Each row's height as measured, the header's first, in inches: the table is as tall as their sum. */
      readonly rowHeights: readonly number[];
      /** Cell margins in inches. */
      readonly cell: { readonly x: number; readonly y: number };
      readonly colors: {
        readonly header: string;
        readonly headerText: string;
        readonly text: string;
        readonly body: string;
        readonly zebra: string;
        readonly rule: string;
      };
    }
  | {
      readonly kind: 'chart';
      readonly box: Box;
      readonly spec: ChartSpec;
      readonly labelSize: number;
      readonly valueSize: number;
    }
  | {
      /** An image drawn in its frame (already scaled to keep its proportions), or its alt text when absent. */
      readonly kind: 'image';
      readonly box: Box;
      readonly src: string;
      readonly alt: string;
    };

/** A text frame of a slide. */
export type TextShape = Extract<SlideShape, { kind: 'text' }>;

/** The slide designs a plan uses; each has its master (background and chrome), or a template's layout. */
export type SlideLayout = SlideKind;

/** A slide as planned: its layout, every shape with its frame and style, and the speaker notes. */
export interface PlannedSlide {
  readonly layout: SlideLayout;
  /** The slide's title as the document gives it (a continued slide adds the label in its title shape). */
  readonly title: string;
  /** The slide carries on the content of the slide before it. */
  readonly continued: boolean;
  readonly shapes: readonly SlideShape[];
  readonly notes: string;
}

/** The whole deck as planned: every split decided, nothing left to the viewer's autofit. */
export interface SlidePlan {
  readonly width: number;
  readonly height: number;
  readonly slides: readonly PlannedSlide[];
}
