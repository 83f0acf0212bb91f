import type { TextItem } from '../layout/types.js';

/** The parts of pdfkit's per-document font object that writing text needs. */
interface FontObject {
  readonly id: string;
  /** pdfkit's ToUnicode map: subset glyph → code points. */
  readonly unicode?: (number[] | undefined)[];
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  /** Shapes a whole run at once (encode shapes word by word, which breaks right-to-left runs). */
  layoutRun?(
    text: string,
    features?: unknown,
  ): { glyphs: readonly ShapedGlyph[]; positions: GlyphPosition[] };
  readonly subset?: { includeGlyph(id: number): number };
  readonly widths?: (number | undefined)[];
  readonly scale?: number;
  layout(
    text: string,
    features?: unknown,
  ): { glyphs: readonly { codePoints: readonly number[] }[] };
}

interface ShapedGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: number[];
}

interface GlyphPosition {
  readonly xAdvance: number;
  readonly advanceWidth: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** The parts of pdfkit's document that writing text needs. */
interface DocumentInternals {
  readonly _font?: FontObject;
  readonly page: { readonly fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/**
 * Points each glyph's ToUnicode entry at the character this run drew it for. pdfkit takes the code points
 * from fontkit's glyph object, which fontkit caches per font with the code points of its first use; with
 * fonts parsed once per process, a glyph first reached through another character (ⅆ drawn with the
 * glyph of d) would make copied text wrong in every later document. When glyphs and characters pair up
 * one to one, the text itself is the truth.
 */
function mapToText(
  font: FontObject,
  glyphs: readonly { codePoints: readonly number[] }[],
  encoded: readonly string[],
  text: string,
): void {
  const unicode = font.unicode;
  const chars = [...text];
  // How many characters each glyph stands for (a ligature, two or three); the counts must add up.
  const spans = glyphs.map((glyph) => Math.max(1, glyph.codePoints.length));
  if (
    !unicode ||
    glyphs.length !== encoded.length ||
    spans.reduce((a, b) => a + b, 0) !== chars.length
  )
    return;
  let at = 0;
  spans.forEach((span, i) => {
    const codes = chars.slice(at, at + span).map((char) => char.codePointAt(0) ?? 0);
    at += span;
    unicode[Number.parseInt(encoded[i] ?? '0', 16)] = codes;
  });
}

/** pdfkit's `encode` for a whole run: the glyphs joined to the subset, widths and ToUnicode recorded. */
function encodeWhole(
  font: FontObject,
  text: string,
  features: unknown,
): [string[], GlyphPosition[]] | undefined {
  const { subset, widths, unicode, scale } = font;
  if (!font.layoutRun || !subset || !widths || !unicode || scale === undefined) return undefined;
  const run = font.layoutRun(text, features);
  const encoded = run.glyphs.map((glyph) => {
    const gid = subset.includeGlyph(glyph.id);
    widths[gid] ??= glyph.advanceWidth * scale;
    // A glyph the font split off a letter (its dots) has no character: it copies as nothing visible.
    unicode[gid] ??= glyph.codePoints.length > 0 ? glyph.codePoints : [0x200b];
    return `0000${gid.toString(16)}`.slice(-4);
  });
  return [encoded, run.positions];
}

/** Formats a number the way pdfkit writes numbers into content streams. */
function number(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * Writes a run of text at its baseline as one text object, shaped by pdfkit's font (so subsetting,
 * widths and ToUnicode stay pdfkit's), without pdfkit's text() machinery: layout already decided where
 * everything goes, and text() would measure, wrap and position it all over again. Falls back to
 * `doc.text` when pdfkit's internals are not as expected.
 */
export function writeText(doc: PDFKit.PDFDocument, item: TextItem, features: unknown): boolean {
  const internals = doc as unknown as DocumentInternals;
  const font = internals._font;
  if (
    !font ||
    typeof font.encode !== 'function' ||
    typeof font.ref !== 'function' ||
    !internals.page
  )
    return false;
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();
  // A right-to-left run is shaped whole (its glyphs in visual order); its actual text gives the
  // reading order for copying.
  const shapedWhole =
    item.actualText !== undefined ? encodeWhole(font, item.text, features) : undefined;
  const [encoded, positions] = shapedWhole ?? font.encode(item.text, features);
  if (!shapedWhole) mapToText(font, font.layout(item.text, features).glyphs, encoded, item.text);
  let x = item.x;
  const y = item.y;
  const scale = item.size / 1000;
  // pdfkit's pages draw in a y-down space; a text matrix that flips y back sets the text upright
  // without saving and restoring the graphics state around every run.
  const at = (dx: number, dy: number) => `1 0 0 -1 ${number(dx)} ${number(dy)} Tm`;
  const out: string[] = [`BT ${at(x, y)} /${font.id} ${number(item.size)} Tf`];
  let commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const position = positions[cur - 1];
      const advance = position ? position.xAdvance - position.advanceWidth : 0;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${number(-advance)}`);
    }
    last = cur;
  };
  const flush = (cur: number) => {
    addSegment(cur);
    if (commands.length > 0) out.push(`[${commands.join(' ')}] TJ`);
    commands = [];
  };
  positions.forEach((position, i) => {
    if (position.xOffset || position.yOffset) {
      flush(i);
      out.push(at(x + position.xOffset * scale, y - position.yOffset * scale));
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(at(x, y));
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) addSegment(i + 1);
    }
    x += position.xAdvance * scale;
  });
  flush(positions.length);
  out.push('ET');
  internals.addContent(out.join('\n'));
  return true;
}
