import { docxRenderer } from './docx/index.js';
import type { Renderer } from './engine.js';
import { htmlRenderer } from './html/index.js';
import { pdfRenderer } from './pdf/index.js';
import { pptxRenderer } from './pptx/index.js';

/**
 * The built-in renderers, in the order formats are listed. Each loads what it draws with (pdfkit,
 * pptxgenjs, docx, HarfBuzz) only when its format is asked for.
 */
export const BUILTIN_RENDERERS: readonly Renderer[] = [
  pdfRenderer,
  pptxRenderer,
  docxRenderer,
  htmlRenderer,
];

/**
 * Built-in formats written only when asked for (`formats`, `-f`, `-o file.docx`): without a list, a
 * render writes the brief and the deck, and the formats of renderer modules.
 */
export const OPT_IN_FORMATS: readonly string[] = ['docx', 'html'];

/** The formats a render writes when none are named: every registered one but the opt-in built-ins. */
export function defaultFormats(formats: readonly string[]): string[] {
  return formats.filter((format) => !OPT_IN_FORMATS.includes(format));
}
