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
