import type { ChartSpec } from '../../../chart/spec.js';
import type { StyledRun } from '../../../text/lineBreak.js';
import type { InlineFlags } from '../../inlineRuns.js';

/** A paragraph on a slide: a bullet (or a number), or plain text when `marker` is "none". */
export interface PlannedParagraph {
  readonly runs: readonly StyledRun<InlineFlags>[];
  readonly level: number;
  readonly marker: 'bullet' | 'number' | 'none';
  /** The number shown for numbered paragraphs. */
  readonly number?: number;
}

/** A frame on a slide, in inches. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A slide as planned: its layout, what goes in it, and the speaker notes. */
export type PlannedSlide =
  | {
      readonly kind: 'title';
      readonly title: string;
      readonly subtitle?: string | undefined;
      readonly lines: readonly string[];
      readonly notes: string;
    }
  | {
      readonly kind: 'section';
      readonly number: number;
      readonly title: string;
      readonly notes: string;
    }
  | {
      /** A text slide; a quote slide has the same parts on its own master. */
      readonly kind: 'content' | 'quote';
      readonly title: string;
      /** The title's size, chosen by planning so that it fits the title frame. */
      readonly titleSize?: number;
      readonly body: Box;
      readonly size: number;
      readonly paragraphs: readonly PlannedParagraph[];
      readonly notes: string;
    }
  | {
      readonly kind: 'table';
      readonly title: string;
      readonly body: Box;
      readonly size: number;
      readonly columns: readonly number[];
      readonly header: readonly (readonly StyledRun<InlineFlags>[])[];
      readonly rows: readonly (readonly (readonly StyledRun<InlineFlags>[])[])[];
      readonly align: readonly ('left' | 'center' | 'right')[];
      readonly source?: string | undefined;
      /** The measured height of the table on this slide, in inches. */
      readonly tableHeight: number;
      readonly notes: string;
      /** The title's size, chosen by planning so that it fits the title frame. */
      readonly titleSize?: number;
    }
  | {
      readonly kind: 'two';
      readonly title: string;
      /** The title's size, chosen by planning so that it fits the title frame. */
      readonly titleSize?: number;
      /** Text on the left, measured for this frame. */
      readonly left: Box;
      readonly size: number;
      readonly paragraphs: readonly PlannedParagraph[];
      /** A figure on the right, scaled into this frame. */
      readonly right: Box;
      readonly src: string;
      readonly alt: string;
      readonly notes: string;
    }
  | {
      readonly kind: 'image';
      readonly title: string;
      /** The title's size, chosen by planning so that it fits the title frame. */
      readonly titleSize?: number;
      readonly body: Box;
      readonly src: string;
      readonly alt: string;
      readonly notes: string;
    }
  | {
      /** A native chart with its source line under it. */
      readonly kind: 'chart';
      readonly title: string;
      /** The title's size, chosen by planning so that it fits the title frame. */
      readonly titleSize?: number;
      /** The chart's frame. */
      readonly body: Box;
      readonly spec: ChartSpec;
      /** The source line, set under the chart frame. */
      readonly source?: string | undefined;
      readonly notes: string;
    }
  | {
      readonly kind: 'closing';
      readonly title: string;
      readonly lines: readonly string[];
      readonly notes: string;
    };

/** The whole deck as planned: every split decided, nothing left to the viewer's autofit. */
export interface SlidePlan {
  readonly width: number;
  readonly height: number;
  readonly slides: readonly PlannedSlide[];
}
