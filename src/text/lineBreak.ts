import LineBreaker from 'linebreak';
import { append } from '../util/append.js';
/** A run of text in one style. A `\n` in the text forces a line break. */
export interface StyledRun<S> {
  readonly text: string;
  readonly style: S;
}

/** A piece of a line in one style, at its offset from the line's start. */
export interface LineSegment<S> {
  readonly text: string;
  readonly style: S;
  readonly x: number;
  readonly width: number;
}

/** A laid-out line: its segments and natural width. */
export interface Line<S> {
  readonly segments: LineSegment<S>[];
  readonly width: number;
  /** Whether the line ends a paragraph or a forced break (never justified). */
  readonly last: boolean;
  /**
   * What the break after the line took the place of: a space, a forced line break, or nothing (a word
   * broken inside, or at a soft hyphen). Joining lines with it gives back the text.
   */
  readonly joiner: ' ' | '\n' | '';
}

/** How the line breaker measures and compares styles. */
export interface LineBreakMetrics<S> {
  measure(text: string, style: S): number;
  /** Equal keys mean runs may be merged into one segment. */
  key(style: S): string;
}

interface Piece<S> {
  kind: 'word' | 'space' | 'newline';
  text: string;
  style: S;
  width: number;
}

/**
 * Breaks styled runs into lines no wider than `maxWidth`, greedily at spaces; a word wider than a line
 * is broken between characters so that nothing overflows.
 */
export function breakLines<S>(
  runs: readonly StyledRun<S>[],
  maxWidth: number,
  metrics: LineBreakMetrics<S>,
): Line<S>[] {
  const groups = toGroups(runs, metrics);
  const lines: Line<S>[] = [];
  let current: Piece<S>[] = [];
  let width = 0;
  let pendingSpace: Piece<S> | undefined;
  const flush = (last: boolean, joiner: Line<S>['joiner']) => {
    lines.push(toLine(current, metrics, last, joiner));
    current = [];
    width = 0;
    pendingSpace = undefined;
  };
  // The groups in order, and the tail of a word hyphenated at the end of a line, which comes next.
  let next = 0;
  let tail: Group<S> | undefined;
  const take = (): Group<S> | undefined => {
    const group = tail ?? groups[next++];
    tail = undefined;
    return group;
  };
  for (let group = take(); group; group = take()) {
    if (group.kind === 'newline') {
      flush(true, '\n');
      continue;
    }
    if (group.kind === 'space') {
      if (current.length > 0) pendingSpace = group.pieces[0];
      continue;
    }
    const groupWidth = sum(group.pieces);
    const spaceWidth = pendingSpace?.width ?? 0;
    if (current.length > 0 && width + spaceWidth + groupWidth > maxWidth + 0.001) {
      const split = pendingSpace
        ? hyphenate(group, maxWidth - width - spaceWidth, metrics)
        : undefined;
      if (split && pendingSpace) {
        current.push(pendingSpace, split.head);
        width += pendingSpace.width + split.head.width;
        tail = split.tail;
      }
      flush(false, split ? '' : ' ');
      if (split) continue;
    }
    if (current.length > 0 && pendingSpace) {
      current.push(pendingSpace);
      width += pendingSpace.width;
    }
    pendingSpace = undefined;
    if (groupWidth > maxWidth && current.length === 0) {
      for (const piece of splitWide(group.pieces, maxWidth, metrics)) {
        if (current.length > 0 && width + piece.width > maxWidth + 0.001) flush(false, '');
        current.push(piece);
        width += piece.width;
      }
    } else {
      append(current, group.pieces);
      width += groupWidth;
    }
  }
  if (current.length > 0 || lines.length === 0) flush(true, '');
  return lines;
}

interface Group<S> {
  kind: 'word' | 'space' | 'newline';
  pieces: Piece<S>[];
}

const SOFT_HYPHEN = '\u00ad';

/** The longest head, in characters, a soft hyphen may end. */
const MAX_HYPHEN_HEAD = 200;

/**
 * Breaks a one-style word at its last soft hyphen that leaves a head (with a visible hyphen) no wider
 * than `room`; the tail goes on the next line.
 */
function hyphenate<S>(
  group: Group<S>,
  room: number,
  metrics: LineBreakMetrics<S>,
): { head: Piece<S>; tail: Group<S> } | undefined {
  const [piece] = group.pieces;
  if (!piece || group.pieces.length !== 1 || !piece.text.includes(SOFT_HYPHEN)) return undefined;
  // A head longer than a line's worth of characters never fits: start from there, so that a long word
  // full of soft hyphens is not measured once per hyphen.
  for (
    let at = piece.text.lastIndexOf(SOFT_HYPHEN, MAX_HYPHEN_HEAD);
    at > 0;
    at = piece.text.lastIndexOf(SOFT_HYPHEN, at - 1)
  ) {
    const headText = `${visible(piece.text.slice(0, at))}-`;
    const headWidth = metrics.measure(headText, piece.style);
    if (headWidth <= room + 0.001) {
      const tailText = piece.text.slice(at + 1);
      return {
        head: { ...piece, text: headText, width: headWidth },
        tail: {
          kind: 'word',
          pieces: [
            { ...piece, text: tailText, width: metrics.measure(visible(tailText), piece.style) },
          ],
        },
      };
    }
  }
  return undefined;
}

/** Text without its soft hyphens, as it is measured and drawn. */
function visible(text: string): string {
  return text.includes(SOFT_HYPHEN) ? text.split(SOFT_HYPHEN).join('') : text;
}

/** Splits runs into groups: words (which may span runs), spaces and forced breaks. */
function toGroups<S>(runs: readonly StyledRun<S>[], metrics: LineBreakMetrics<S>): Group<S>[] {
  const groups: Group<S>[] = [];
  for (const run of runs) {
    for (const match of run.text.matchAll(/\n|[^\S\n\u00a0]+|[^\s]+|\u00a0+/g)) {
      const kind =
        match[0] === '\n' ? 'newline' : /^[^\S\n\u00a0]+$/.test(match[0]) ? 'space' : 'word';
      // Ideographic text breaks between characters, as UAX #14 allows, without spaces.
      const parts = kind === 'word' ? breakIdeographic(match[0]) : [match[0]];
      for (const [index, text] of parts.entries()) {
        const piece: Piece<S> = {
          kind,
          text: kind === 'space' ? ' ' : text,
          style: run.style,
          width:
            kind === 'newline'
              ? 0
              : metrics.measure(kind === 'space' ? ' ' : visible(text), run.style),
        };
        const last = groups.at(-1);
        if (kind === 'word' && last?.kind === 'word' && index === 0) last.pieces.push(piece);
        else if (kind === 'space' && last?.kind === 'space') continue;
        else groups.push({ kind, pieces: [piece] });
      }
    }
  }
  return groups;
}

/** CJK text, and any other script with no spaces between words, by UAX #14. */
const NEEDS_UAX14 =
  /[\u0e00-\u0e7f\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

/**
 * A word split where the Unicode line breaking algorithm allows a break inside it: between ideographs
 * (but never before closing punctuation or after opening punctuation). Other words come back whole.
 */
function breakIdeographic(word: string): string[] {
  if (!NEEDS_UAX14.test(word)) return [word];
  const parts: string[] = [];
  const breaker = new LineBreaker(word);
  let start = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.position > start) parts.push(word.slice(start, next.position));
    start = next.position;
  }
  if (start < word.length) parts.push(word.slice(start));
  return parts;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Printable ASCII, where every character is a cluster of its own. */
const ASCII = /^[\u0020-\u007e]*$/;

/** Characters segmented at a time: ICU's segmenter slows down more than linearly on long texts. */
const WINDOW = 1024;

/**
 * Where each grapheme cluster of a text ends: one per character for ASCII, else by UAX #29, a window at
 * a time (the last cluster of a window, which may be cut short, starts the next window).
 */
function clusterEnds(text: string): number[] {
  if (ASCII.test(text)) return Array.from({ length: text.length }, (_, i) => i + 1);
  const ends: number[] = [];
  let from = 0;
  while (from < text.length) {
    const window = text.slice(from, from + WINDOW);
    const atEnd = from + window.length >= text.length;
    let last = 0;
    for (const { segment, index } of graphemes.segment(window)) {
      if (!atEnd && index > 0 && index + segment.length === window.length) break;
      ends.push(from + index + segment.length);
      last = index + segment.length;
    }
    from += last;
  }
  return ends;
}

/**
 * Breaks pieces wider than a line into chunks that fit, between grapheme clusters (a letter keeps its
 * marks). Linear in the length: each cluster is measured alone (a cached lookup for repeated ones) to
 * find where a chunk ends, and each chunk is measured once as a whole, stepping back a cluster at a
 * time only when kerning or shaping made it wider than the sum of its clusters.
 */
function splitWide<S>(
  pieces: Piece<S>[],
  maxWidth: number,
  metrics: LineBreakMetrics<S>,
): Piece<S>[] {
  const out: Piece<S>[] = [];
  for (const piece of pieces) {
    const text = visible(piece.text);
    const ends = clusterEnds(text);
    const widths = ends.map((end, i) =>
      metrics.measure(text.slice(ends[i - 1] ?? 0, end), piece.style),
    );
    let first = 0;
    let from = 0;
    while (first < ends.length) {
      let next = first + 1;
      let estimate = widths[first] ?? 0;
      while (next < ends.length && estimate + (widths[next] ?? 0) <= maxWidth) {
        estimate += widths[next] ?? 0;
        next++;
      }
      let chunk = text.slice(from, ends[next - 1]);
      let width = metrics.measure(chunk, piece.style);
      while (width > maxWidth + 0.001 && next - first > 1) {
        next--;
        chunk = text.slice(from, ends[next - 1]);
        width = metrics.measure(chunk, piece.style);
      }
      out.push({ ...piece, text: chunk, width });
      first = next;
      from = ends[next - 1] ?? text.length;
    }
  }
  return out;
}

function toLine<S>(
  pieces: Piece<S>[],
  metrics: LineBreakMetrics<S>,
  last: boolean,
  joiner: Line<S>['joiner'],
): Line<S> {
  const segments: LineSegment<S>[] = [];
  let x = 0;
  // Words are gathered and joined, so that a segment's text is one flat string, not a chain of pieces.
  let text: string[] = [];
  let style: S | undefined;
  let start = 0;
  const push = () => {
    const joined = text.join('');
    if (style !== undefined && joined)
      segments.push({ text: joined, style, x: start, width: x - start });
  };
  for (const piece of pieces) {
    if (
      style === undefined ||
      (style !== piece.style && metrics.key(style) !== metrics.key(piece.style))
    ) {
      push();
      style = piece.style;
      text = [];
      start = x;
    }
    text.push(visible(piece.text));
    x += piece.width;
  }
  push();
  return { segments, width: x, last, joiner };
}

function sum<S>(pieces: readonly Piece<S>[]): number {
  return pieces.reduce((total, piece) => total + piece.width, 0);
}
