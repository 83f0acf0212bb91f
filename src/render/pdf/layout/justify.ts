import type { Hyphenator } from '../../../text/hyphenate.js';
import type { Line, LineSegment, StyledRun } from '../../../text/lineBreak.js';
import { measureText } from '../../../text/measure.js';
import { fontFor } from '../../../theme/resolve.js';
import type { InlineFlags } from '../../inlineRuns.js';
import type { LayoutEnv, PdfStyle } from './env.js';

/** A segment placed on a line, with the extra space justification gives each of its word gaps. */
export interface PlacedSegment extends LineSegment<PdfStyle> {
  readonly wordSpacing?: number;
  /**
   * Set on a right-to-left run: its glyphs run right to left, each mapped to its characters, and readers
   * (poppler, pdf.js) put them back in reading order.
   */
  readonly rtl?: boolean;
}

/** A line whose segments may be justified. */
export interface PlacedLine {
  readonly segments: readonly PlacedSegment[];
  readonly width: number;
  readonly last: boolean;
}

/** Gaps wider than this many ems are uglier than a ragged line: such a line stays ragged. */
const MAX_STRETCH = 0.9;

/** Marks where words may break (soft hyphens) in prose runs; code and links are left whole. */
export function hyphenateRuns(
  runs: readonly StyledRun<InlineFlags>[],
  hyphenate: Hyphenator | undefined,
): StyledRun<InlineFlags>[] {
  if (!hyphenate) return [...runs];
  return runs.map((run) =>
    run.style.code || run.style.link ? run : { ...run, text: hyphenate(run.text) },
  );
}

/**
 * Stretches the word gaps of a line so that it fills the width: every space of every segment grows by
 * the same amount, segments move right by the growth before them. The last line of a paragraph and
 * lines that would gape stay as they are.
 */
export function justifyLine(line: Line<PdfStyle>, width: number, env: LayoutEnv): PlacedLine {
  if (line.last) return line;
  const gaps = line.segments.reduce((count, segment, index) => {
    const text = index === line.segments.length - 1 ? segment.text.trimEnd() : segment.text;
    return count + (text.match(/ /g)?.length ?? 0);
  }, 0);
  const natural = line.width - trailingSpace(line, env);
  const extra = gaps > 0 ? (width - natural) / gaps : 0;
  const size = line.segments[0]?.style.size ?? 10;
  if (extra <= 0.01 || extra > size * MAX_STRETCH) return line;
  let shift = 0;
  const segments = line.segments.map((segment): PlacedSegment => {
    const spaces = segment.text.match(/ /g)?.length ?? 0;
    // pdfkit drops a segment's leading spaces when it spaces words: move the segment past them instead.
    const leading = segment.text.length - segment.text.trimStart().length;
    const spaceWidth = measureText(fontFor(env.theme, segment.style.font), ' ', segment.style.size);
    const placed: PlacedSegment = {
      ...segment,
      text: segment.text.trimStart(),
      x: segment.x + shift + leading * (spaceWidth + extra),
      width: segment.width + spaces * extra - leading * spaceWidth,
      wordSpacing: extra,
    };
    shift += spaces * extra;
    return placed;
  });
  return { segments, width, last: false };
}

function trailingSpace(line: Line<PdfStyle>, env: LayoutEnv): number {
  const last = line.segments.at(-1);
  if (!last) return 0;
  const trailing = last.text.length - last.text.trimEnd().length;
  return trailing * measureText(fontFor(env.theme, last.style.font), ' ', last.style.size);
}
