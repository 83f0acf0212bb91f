import type { TextItem } from '../layout/types.js';
import { type CodedFont, glyphCodes } from './glyphCodes.js';
import { glyphOutline, type OutlineFont } from './glyphPaths.js';
import { type Shaping, type ShapingFont, shapeText } from './shaping.js';

/** The parts of pdfkit's per-document font object that writing text needs. */
interface FontObject extends ShapingFont, CodedFont {
  readonly font: ShapingFont['font'] & OutlineFont;
  readonly id: string;
  ref(): unknown;
}

/** The parts of pdfkit's document that writing text needs. */
interface DocumentInternals {
  readonly _font?: Partial<FontObject>;
  readonly page: { readonly fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** Whether pdfkit's font object has what {@link writeText} relies on. */
function usable(font: Partial<FontObject> | undefined): font is FontObject {
  return (
    font !== undefined &&
    typeof font.ref === 'function' &&
    typeof font.layoutRun === 'function' &&
    typeof font.font?.getGlyph === 'function' &&
    Array.isArray(font.unicode) &&
    Array.isArray(font.widths) &&
    typeof font.scale === 'number' &&
    Array.isArray(font.subset?.glyphs)
  );
}

/** Formats a number the way pdfkit writes numbers into content streams. */
function number(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * Writes a run of text at its baseline as one text object, in pdfkit's font (so subsetting and widths
 * stay pdfkit's), without pdfkit's text() machinery: layout already decided where everything goes, and
 * text() would measure, wrap and position it all over again. Each glyph's code maps to exactly the
 * characters it was drawn for (see {@link glyphCodes}); a right-to-left run is shaped whole and its
 * glyphs drawn in visual order, which readers turn back into reading order. Justified lines widen their
 * spaces here. Falls back to `doc.text` when pdfkit's internals are not as expected.
 */
export function writeText(doc: PDFKit.PDFDocument, item: TextItem, shaping: Shaping): boolean {
  const internals = doc as unknown as DocumentInternals;
  const font = internals._font;
  if (!usable(font) || !internals.page) return false;
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();
  const rtl = item.rtl === true;
  const shaped = shapeText(font, item.text, shaping, rtl);
  const encoded = glyphCodes(font, shaped.glyphs, rtl);
  const scale = item.size / 1000;
  // Word spacing (justified lines) goes into the spaces' advances: Tw does not apply to two-byte codes.
  const extra = item.wordSpacing ? item.wordSpacing / scale : 0;
  // One text object. Glyphs that stand for characters are shown in one TJ array, offsets done with TJ
  // displacements sideways and the text rise (Ts) up or down, never a new text matrix, which would cut
  // the run into pieces that readers reorder and space apart. Glyphs that stand for no character (the
  // dots Noto Sans Arabic splits off its letters) are painted after it as outlines: shown as text, in
  // the run their moves back and forth would cut it just the same, and readers copy something for any
  // glyph shown (an empty ToUnicode entry makes pdf.js copy the glyph's code as a control character).
  const out: string[] = [`BT ${matrix(item.x, item.y)} /${font.id} ${number(item.size)} Tf`];
  // The TJ array: consecutive glyph codes share one hex string, broken by displacements.
  let parts: string[] = [];
  let codes = '';
  const move = (displacement: number) => {
    if (codes) parts.push(`<${codes}>`);
    codes = '';
    parts.push(number(displacement));
  };
  let rise = 0;
  let carry = 0;
  const marks: string[] = [];
  const flush = () => {
    if (codes) parts.push(`<${codes}>`);
    codes = '';
    if (parts.length > 0) out.push(`[${parts.join(' ')}] TJ`);
    parts = [];
  };
  let x = item.x;
  shaped.positions.forEach((position, i) => {
    const glyph = shaped.glyphs[i];
    const xAdvance =
      extra && isSpace(glyph?.codePoints) ? position.xAdvance + extra : position.xAdvance;
    if (glyph && glyph.codePoints.length === 0) {
      marks.push(
        glyphOutline(
          font.font,
          glyph.id,
          x + position.xOffset * scale,
          item.y - position.yOffset * scale,
          item.size,
        ),
      );
      carry += xAdvance;
      x += xAdvance * scale;
      return;
    }
    const glyphRise = position.yOffset * scale;
    if (glyphRise !== rise) {
      flush();
      out.push(`${number(glyphRise)} Ts`);
      rise = glyphRise;
    }
    // TJ numbers move the pen left by thousandths of the size: a negative one moves it right.
    if (position.xOffset + carry) move(-(position.xOffset + carry));
    carry = 0;
    codes += encoded[i] ?? '0000';
    const after = xAdvance - position.advanceWidth - position.xOffset;
    if (after) move(-after);
    x += xAdvance * scale;
  });
  flush();
  if (rise !== 0) out.push('0 Ts');
  out.push('ET');
  for (const mark of marks) if (mark) out.push(mark);
  internals.addContent(out.join('\n'));
  return true;
}

/** A text matrix at (x, y) that flips pdfkit's y-down page space back upright. */
function matrix(x: number, y: number): string {
  return `1 0 0 -1 ${number(x)} ${number(y)} Tm`;
}

function isSpace(codePoints: readonly number[] | undefined): boolean {
  return codePoints?.length === 1 && codePoints[0] === 0x20;
}
