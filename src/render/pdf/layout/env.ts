import type { Warning } from '../../../diagnostics/warnings.js';
import type { Hyphenator } from '../../../text/hyphenate.js';
import type { AnyFontKey, FontRole, ResolvedTheme } from '../../../theme/resolve.js';
import type { LoadedImage } from '../../engine.js';
import { linkKey, type RunLink } from '../../inlineRuns.js';
import type { StructTree } from './struct.js';

/** Millimetres to points. */
export const MM = 72 / 25.4;

/** What layout is given: the theme, preloaded images and the warning sink. */
export interface LayoutInput {
  readonly theme: ResolvedTheme;
  readonly images: ReadonlyMap<string, LoadedImage>;
  readonly warn: (warning: Omit<Warning, 'format'>) => void;
  readonly file: string | undefined;
}

/** What every layout step reads: the input, and the structure tree being built for tagged PDF. */
export interface LayoutEnv extends LayoutInput {
  readonly struct: StructTree;
  /** The document's language (BCP 47): hyphenation, fallback fonts, direction. */
  readonly language: string;
  /** Marks break points in words of the document's language, when the theme justifies text. */
  readonly hyphenate: Hyphenator | undefined;
}

/** The base style of a block of text. */
export interface TextBase {
  readonly role: Exclude<FontRole, 'deck'>;
  readonly size: number;
  readonly leading: number;
  readonly color: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Fill every line but a paragraph's last to the full width (with hyphenation). */
  readonly justify?: boolean;
}

/** A concrete run style: font, size, colour and decorations. */
export interface PdfStyle {
  readonly font: AnyFontKey;
  readonly size: number;
  readonly color: string;
  /** Raise above the baseline (superscripts). */
  readonly rise: number;
  readonly link: RunLink | undefined;
  readonly strike: boolean;
  readonly code: boolean;
}

/** A key for merging runs of equal style. */
export function pdfStyleKey(style: PdfStyle): string {
  return `${style.font}|${style.size}|${style.color}|${style.rise}|${linkKey(style.link)}|${+style.strike}|${+style.code}`;
}
