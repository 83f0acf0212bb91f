import { BriefwrightError } from '../diagnostics/errors.js';
import { toPointer } from './validate.js';
import type { Locate } from './yamlSource.js';

/**
 * How large and deep inputs may be: guards against runaway inputs, each one raisable. They apply to what
 * is actually read and built, however it is written: bytes read (not the size a file claims), YAML as
 * its aliases expand, nesting of lists, quotes and directives however they are marked up, cells of any
 * table (a model's or a Markdown pipe table), points of any chart (a model's or a fence's).
 */
export interface Limits {
  /** Bytes of an input read, and of its YAML once aliases are expanded. @default 10 MB */
  readonly maxInputBytes: number;
  /**
   * How far YAML aliases may expand the data: to this many times the YAML's own size, plus 64 KB (an
   * alias names a small block to reuse; a bomb multiplies a text a hundredfold). @default 2
   */
  readonly maxAliasExpansion: number;
  /** Nesting of lists, quotes and directives in any Markdown. @default 16 */
  readonly maxNesting: number;
  /** Cells of one table (rows × columns). @default 50,000 */
  readonly maxTableCells: number;
  /** Points of one chart (categories, and values of every series). @default 10,000 */
  readonly maxChartPoints: number;
  /** Size of one image file in bytes. @default 25 MB */
  readonly maxImageBytes: number;
  /** Pixels of one image (width × height). @default 50 million */
  readonly maxImagePixels: number;
  /** Pages of a PDF, checked once it is laid out and before it is drawn. @default 2,000 */
  readonly maxPages: number;
  /** Slides of a deck, checked once it is planned and before it is written. @default 1,000 */
  readonly maxSlides: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 10 * 1024 * 1024,
  maxAliasExpansion: 2,
  maxNesting: 16,
  maxTableCells: 50_000,
  maxChartPoints: 10_000,
  maxImageBytes: 25 * 1024 * 1024,
  maxImagePixels: 50_000_000,
  maxPages: 2_000,
  maxSlides: 1_000,
};

/** Where a limit was met, for its error. */
interface LimitPlace {
  file?: string | undefined;
  pointer?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

/** The error for a limit: it names the limit, the value seen, and how to raise it. */
export function limitError(
  limit: keyof Limits,
  seen: string,
  allowed: string,
  where: LimitPlace,
): BriefwrightError {
  const { file, pointer, line, column } = where;
  return new BriefwrightError('LIMIT_EXCEEDED', `${seen} is over the ${limit} limit (${allowed})`, {
    file,
    ...(pointer !== undefined ? { pointer } : {}),
    ...(line !== undefined ? { line, column } : {}),
    hint: `raise it with the render option limits: { ${limit}: … }${limit === 'maxInputBytes' ? ' or the CLI flag --max-input-mb' : ''}`,
  });
}

/** The limits of a render: the defaults with the caller's, each checked to be a positive number. */
export function resolveLimits(given: Partial<Limits> | undefined): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !(value >= 0) || Number.isNaN(value)) {
      throw new BriefwrightError(
        'USAGE',
        `limits.${name} must be a number of 0 or more, not ${JSON.stringify(value)}`,
        { hint: `leave it out for the default (${DEFAULT_LIMITS[name as keyof Limits]})` },
      );
    }
  }
  return limits;
}

/**
 * Checks a model as parsed, before it is validated (validating a million-point chart is itself the
 * cost to avoid): Markdown nesting in every string, cells of every table, points of every chart. Walks
 * with its own stack, so a deeply nested input cannot overflow it.
 */
export function checkLimits(
  value: unknown,
  limits: Limits,
  file: string | undefined,
  locate?: Locate,
): void {
  const place = (path: readonly (string | number)[]): LimitPlace => ({
    file,
    pointer: toPointer(path),
    ...locate?.(path),
  });
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, path } = next;
    if (typeof node === 'string') {
      checkNesting(node, limits, () => place(path));
      continue;
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path, i] });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    const key = path.at(-1);
    if (key === 'table') checkTableCells(tableCells(record), limits, place(path));
    if (key === 'chart' && chartPoints(record) > limits.maxChartPoints)
      throw chartPointsError(chartPoints(record), limits, place(path));
    const entries = Object.entries(record);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [childKey, child] = entries[i] ?? ['', undefined];
      stack.push({ node: child, path: [...path, childKey] });
    }
  }
}

/**
 * Throws when Markdown nests deeper than the limit allows (see {@link nestingOf}); `where` places the
 * fault, given the line of the deepest nesting within the text.
 */
export function checkNesting(
  markdown: string,
  limits: Limits,
  where: (line: number) => LimitPlace,
): void {
  const nesting = nestingOf(markdown);
  if (nesting.depth > limits.maxNesting) {
    throw limitError(
      'maxNesting',
      `Markdown nested ${nesting.depth} levels deep`,
      `${limits.maxNesting}`,
      where(nesting.line),
    );
  }
}

/** Throws when a table has more cells than the limit allows. */
export function checkTableCells(cells: number, limits: Limits, where: LimitPlace): void {
  if (cells > limits.maxTableCells) {
    throw limitError(
      'maxTableCells',
      `a table of ${cells} cells`,
      `${limits.maxTableCells} cells`,
      where,
    );
  }
}

/** The error for a chart with more points than the limit allows. */
export function chartPointsError(points: number, limits: Limits, where: LimitPlace) {
  return limitError(
    'maxChartPoints',
    `a chart of ${points} points`,
    `${limits.maxChartPoints} points`,
    where,
  );
}

/** The cells of a table as written in a model: its rows (each as wide as its widest) by its columns. */
function tableCells(table: Record<string, unknown>): number {
  const rows = Array.isArray(table.rows) ? table.rows : [];
  const columns = Array.isArray(table.columns) ? table.columns.length : 0;
  let cells = columns;
  for (const row of rows) cells += Math.max(columns, Array.isArray(row) ? row.length : 1);
  return cells;
}

/** The points of a chart as written (a model's field or a fence's data): categories and every value. */
export function chartPoints(chart: unknown): number {
  if (chart === null || typeof chart !== 'object') return 0;
  const { categories, series } = chart as Record<string, unknown>;
  let points = Array.isArray(categories) ? categories.length : 0;
  for (const s of Array.isArray(series) ? series : []) {
    const values = s !== null && typeof s === 'object' ? (s as { values?: unknown }).values : [];
    points += Array.isArray(values) ? values.length : 0;
  }
  return points;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DIRECTIVE_OPEN = /^ {0,3}:{3,}[ \t]*[A-Za-z][\w-]*[ \t]*(?:\{[^}\n]*\})?[ \t]*$/;
const DIRECTIVE_CLOSE = /^ {0,3}:{3,}[ \t]*$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * How deeply lists, quotes and directives nest in Markdown, and the 1-based line of the deepest: every
 * quote marker and list marker at the start of a line counts (`- - - x` is three lists, `> > x` two
 * quotes), list indentation counts a level per two columns, open directives count; code fences do not.
 * A cheap bound read before lexing, which is recursive; the document tree is measured again after.
 */
export function nestingOf(markdown: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  let fence: string | undefined;
  let directives = 0;
  let lineNumber = 0;
  let start = 0;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const line = markdown.slice(start, end < 0 ? markdown.length : end);
    start = end < 0 ? markdown.length + 1 : end + 1;
    lineNumber++;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length)
        fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (DIRECTIVE_OPEN.test(line)) directives++;
    else if (DIRECTIVE_CLOSE.test(line)) directives = Math.max(0, directives - 1);
    const depth = containersOf(line) + directives;
    if (depth > deepest.depth) deepest = { depth, line: lineNumber };
  }
  return deepest;
}

/** The containers a line opens: quote and list markers at its start, and a level per two columns of list indentation. */
function containersOf(line: string): number {
  let at = 0;
  let quotes = 0;
  let markers = 0;
  let indent = -1;
  for (;;) {
    let width = 0;
    while (line[at] === ' ' || line[at] === '\t') {
      width += line[at] === '\t' ? 4 : 1;
      at++;
    }
    if (line[at] === '>') {
      quotes++;
      at++;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(at, at + 11))?.[0];
    if (!marker) break;
    if (indent < 0) indent = width;
    markers++;
    at += marker.length;
  }
  return quotes + markers + (markers > 0 ? Math.floor(indent / 2) : 0);
}
