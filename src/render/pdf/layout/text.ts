import {
  type Direction,
  hasRightToLeft,
  mirrored,
  paragraphDirection,
  visualRuns,
} from '../../../text/bidi.js';
import { splitByCoverage } from '../../../text/coverage.js';
import { breakLines, type Line, type StyledRun } from '../../../text/lineBreak.js';
import { measureText } from '../../../text/measure.js';
import { missingGlyphMessage } from '../../../text/missing.js';
import {
  type FontKey,
  type FontRole,
  type FontVariant,
  fontFor,
  fontVariant,
} from '../../../theme/resolve.js';
import type { InlineFlags } from '../../inlineRuns.js';
import { type LayoutEnv, type PdfStyle, pdfStyleKey, type TextBase } from './env.js';
import { hyphenateRuns, justifyLine, type PlacedLine, type PlacedSegment } from './justify.js';
import type { PageItem, Slice } from './types.js';

/** Horizontal alignment of laid-out text. */
export type TextAlign = 'left' | 'center' | 'right';

/** Lays out runs of text into one slice per line, with widow and orphan control (two lines each side). */
export function layoutText(
  runs: readonly StyledRun<InlineFlags>[],
  width: number,
  base: TextBase,
  env: LayoutEnv,
  align: TextAlign = 'left',
): Slice[] {
  const baseline = baselineOf(base, env);
  const lines = placedLines(runs, width, base, env, align);
  return lines.map((line, index) => ({
    height: base.leading,
    items: lineItems(line, line.offset, baseline, env),
    spaceBefore: 0,
    // Keep the first two and the last two lines of a paragraph together.
    keepWithNext: lines.length > 1 && (index === 0 || index === lines.length - 2),
    firstBaseline: baseline,
  }));
}

/** Lays out text as one block (table cells, labels): its items and height. */
export function layoutTextBlock(
  runs: readonly StyledRun<InlineFlags>[],
  width: number,
  base: TextBase,
  env: LayoutEnv,
  align: TextAlign = 'left',
): { items: PageItem[]; height: number } {
  const baseline = baselineOf(base, env);
  const lines = placedLines(runs, width, { ...base, justify: false }, env, align);
  const items = lines.flatMap((line, index) =>
    lineItems(line, line.offset, baseline + index * base.leading, env),
  );
  return { items, height: lines.length * base.leading };
}

/**
 * Runs broken into lines (justified and hyphenated when the base says so), in visual order for their
 * paragraph's direction, each with its offset from the left for the alignment (right-to-left paragraphs
 * start at the right).
 */
function placedLines(
  runs: readonly StyledRun<InlineFlags>[],
  width: number,
  base: TextBase,
  env: LayoutEnv,
  align: TextAlign,
): (PlacedLine & { readonly offset: number })[] {
  const direction = paragraphDirection(runs.map((run) => run.text).join(''), env.language);
  const aligned = direction === 'rtl' && align === 'left' ? 'right' : align;
  const lines = base.justify
    ? breakStyledLines(hyphenateRuns(runs, env.hyphenate), width, base, env).map((line) =>
        justifyLine(line, width, env),
      )
    : breakStyledLines(runs, width, base, env);
  return lines.map((line) => {
    const visual = visualLine(line, direction, env);
    return { ...visual, offset: lineOffset(visual.width, width, aligned) };
  });
}

/** Breaks runs into lines of concrete styles, splitting by glyph coverage first. */
export function breakStyledLines(
  runs: readonly StyledRun<InlineFlags>[],
  width: number,
  base: TextBase,
  env: LayoutEnv,
): Line<PdfStyle>[] {
  const styled = runs.flatMap((run) => toPdfRuns(run, base, env));
  return breakLines(styled, width, {
    measure: (text, style) => measureText(fontFor(env.theme, style.font), text, style.size),
    key: pdfStyleKey,
  });
}

/** The baseline of a line of this base style, from the top of its line box. */
export function baselineOf(base: TextBase, env: LayoutEnv): number {
  const font =
    env.theme.fonts[fontKey(base.role, fontVariant(base.bold ?? false, base.italic ?? false))];
  const content = (font.ascent + font.descent) * base.size;
  return (base.leading - content) / 2 + font.ascent * base.size;
}

function toPdfRuns(
  run: StyledRun<InlineFlags>,
  base: TextBase,
  env: LayoutEnv,
): StyledRun<PdfStyle>[] {
  const flags = run.style;
  const role: Exclude<FontRole, 'deck'> = flags.code ? 'mono' : base.role;
  const variant = fontVariant(
    flags.bold || (base.bold ?? false),
    flags.italic !== (base.italic ?? false),
  );
  const size = flags.superscript ? base.size * 0.62 : flags.code ? base.size * 0.86 : base.size;
  const chainRoles: Exclude<FontRole, 'deck'>[] = [
    role,
    ...(['serif', 'sans', 'mono'] as const).filter((r) => r !== role),
  ];
  const chain = chainRoles.map((r) => fontKey(r, variant));
  const missing = new Set<string>();
  const bold = variant === 'bold' || variant === 'boldItalic';
  const pieces = splitByCoverage(
    run.text,
    chain.map((key) => env.theme.fonts[key]),
    (char) => missing.add(char),
    env.theme.fallback && ((code) => env.theme.fallback?.find(code, bold)),
  );
  if (missing.size > 0) reportMissing(missing, run.text, env);
  return pieces.map((piece) => ({
    text: piece.text,
    style: {
      font: piece.fallback?.key ?? chain[piece.font] ?? chain[0] ?? 'serif-regular',
      size,
      color: flags.link ? env.theme.colors.link : base.color,
      rise: flags.superscript ? base.size * 0.36 : 0,
      link: flags.link,
      strike: flags.strike,
      code: flags.code,
    },
  }));
}

function lineItems(line: PlacedLine, offset: number, baseline: number, env: LayoutEnv): PageItem[] {
  const items: PageItem[] = [];
  for (const segment of line.segments) {
    const { style } = segment;
    const x = offset + segment.x;
    if (style.code) {
      items.push({
        type: 'rect',
        x: x - 1,
        y: baseline - style.size * 0.85,
        width: segment.width + 2,
        height: style.size * 1.15,
        color: env.theme.colors.accentTint,
      });
    }
    items.push({
      type: 'text',
      x,
      y: baseline - style.rise,
      text: segment.text,
      font: style.font,
      size: style.size,
      color: style.color,
      ...(style.link ? { link: style.link } : {}),
      ...(segment.wordSpacing ? { wordSpacing: segment.wordSpacing } : {}),
      ...(segment.rtl ? { rtl: true } : {}),
    });
    if (style.strike) {
      const y = baseline - style.size * 0.3;
      items.push({
        type: 'line',
        x1: x,
        y1: y,
        x2: x + segment.width,
        y2: y,
        width: 0.6,
        color: style.color,
      });
    }
    if (style.link) {
      items.push({
        type: 'link',
        x,
        y: baseline - style.size * 0.9,
        width: segment.width,
        height: style.size * 1.2,
        target: style.link,
      });
    }
  }
  return items;
}

function lineOffset(lineWidth: number, width: number, align: TextAlign): number {
  if (align === 'right') return Math.max(0, width - lineWidth);
  if (align === 'center') return Math.max(0, (width - lineWidth) / 2);
  return 0;
}

/** The font key of a role and style. */
export function fontKey(role: FontRole, variant: FontVariant): FontKey {
  return `${role}-${variant}`;
}

/**
 * A line in visual order: its runs reordered by the bidirectional algorithm (right-to-left runs keep
 * their text in reading order, mirrored, marked right to left), placed left to right.
 * Lines without right-to-left text in a left-to-right paragraph come back as they are.
 */
function visualLine(line: PlacedLine, direction: Direction, env: LayoutEnv): PlacedLine {
  const text = line.segments.map((segment) => segment.text).join('');
  if (direction === 'ltr' && !hasRightToLeft(text)) return line;
  const starts: number[] = [];
  let at = 0;
  for (const segment of line.segments) {
    starts.push(at);
    at += segment.text.length;
  }
  const segments: (PlacedSegment & { readonly start: number })[] = [];
  let x = 0;
  for (const run of visualRuns(text, direction, starts)) {
    let index = starts.length - 1;
    while (index > 0 && (starts[index] ?? 0) > run.start) index--;
    const segment = line.segments[index];
    if (!segment) continue;
    const logical = text.slice(run.start, run.end);
    const rtl = run.level % 2 === 1;
    const measure = (drawn: string) =>
      measureText(fontFor(env.theme, segment.style.font), drawn, segment.style.size) +
      (segment.wordSpacing ?? 0) * (drawn.match(/ /g)?.length ?? 0);
    if (rtl && !hasRightToLeft(logical)) {
      // A right-to-left run of only neutral characters (spaces, brackets, stops) has no letter that
      // tells a reader to reverse it: each character is placed on its own, right to left, and drawn
      // in reading order, mirrored.
      const chars = [...logical].map((char, i) => ({ char: mirrored(char), start: run.start + i }));
      const widths = chars.map(({ char }) => measure(char));
      let right = x + widths.reduce((sum, w) => sum + w, 0);
      for (const [i, { char, start }] of chars.entries()) {
        const width = widths[i] ?? 0;
        right -= width;
        segments.push({ ...segment, text: char, x: right, width, rtl: true, start });
      }
      x += widths.reduce((sum, w) => sum + w, 0);
      continue;
    }
    // Fonts shape right-to-left letters right to left themselves.
    const drawn = rtl ? mirrored(logical) : logical;
    const width = measure(drawn);
    segments.push({
      ...segment,
      text: drawn,
      x,
      width,
      ...(rtl ? { rtl: true } : {}),
      start: run.start,
    });
    x += width;
  }
  // Placed in visual order, drawn in reading order: readers that take text in the order it is drawn
  // (pdf.js) then copy a mixed line as it reads; those that sort by position (poppler) are unaffected.
  segments.sort((a, b) => a.start - b.start);
  return {
    segments: segments.map(({ start: _, ...segment }) => segment),
    width: x,
    last: line.last,
  };
}

/** Reports characters no font has: which, in what text (the warning gets the line), and what to install. */
export function reportMissing(missing: ReadonlySet<string>, text: string, env: LayoutEnv): void {
  env.warn({
    code: 'MISSING_GLYPH',
    message: missingGlyphMessage(missing, text, env.language),
    file: env.file,
  });
}
