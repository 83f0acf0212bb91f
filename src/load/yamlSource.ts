import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { BriefwrightError } from '../diagnostics/errors.js';
import { DEFAULT_LIMITS, type Limits, limitError } from './limits.js';

/** Maps a JSON pointer in the parsed data to the line and column of its text. */
export type Locate = (
  path: readonly PropertyKey[],
  at?: 'value' | 'key',
) => { line: number; column: number } | undefined;

/** Parsed YAML (or JSON) with a way to find where each value came from. */
export interface ParsedSource {
  readonly value: unknown;
  readonly locate: Locate;
}

/**
 * Parses YAML text; `lineOffset` shifts reported lines when the text sits inside a larger file. The data
 * as its aliases expand may be no larger than the input limit, nor larger than the alias expansion
 * limit allows (an alias bomb multiplies a small text).
 */
export function parseYamlSource(
  text: string,
  file: string,
  lineOffset = 0,
  limits: Pick<Limits, 'maxInputBytes' | 'maxAliasExpansion'> = DEFAULT_LIMITS,
): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = guardDepth(
    () => parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false }),
    file,
  );
  const first = doc.errors[0];
  // The parser reports its own stack overflow as an error of the text.
  if (first && /call stack/i.test(first.message)) throw tooDeep(file, first);
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const duplicate = first.code === 'DUPLICATE_KEY';
    throw new BriefwrightError('PARSE_YAML', firstLine(first.message), {
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      hint: duplicate
        ? 'each key may appear once in a mapping; remove or rename the repeated one'
        : 'check indentation and quoting near this position; quote text that contains ": " or starts with a symbol',
    });
  }
  checkExpansion(
    guardDepth(() => expandedSize(doc), file),
    text.length,
    limits,
    file,
  );
  const value: unknown = guardDepth(() => doc.toJS({ maxAliasCount: -1 }), file);
  const locate: Locate = (path, at = 'value') => {
    const found = findNode(doc.contents, path, at);
    if (!found) return undefined;
    const pos = lineCounter.linePos(found);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  return { value, locate };
}

/** The offset of the deepest node along `path` (for a missing key, its parent; `at: 'key'`, the last key itself). */
function findNode(
  root: Node | null,
  path: readonly PropertyKey[],
  at: 'value' | 'key',
): number | undefined {
  let node: unknown = root;
  let offset = rangeStart(root);
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return offset;
      const keyStart = rangeStart(pair.key as Node | null);
      if (at === 'key' && index === path.length - 1 && keyStart !== undefined) return keyStart;
      offset = rangeStart(pair.value as Node | null) ?? keyStart ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return offset;
      offset = rangeStart(item as Node | null) ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && 'range' in node && node.range ? node.range[0] : undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Refuses YAML whose aliases expand it past the input limit, or past the alias expansion limit. */
function checkExpansion(
  expanded: number,
  written: number,
  limits: Pick<Limits, 'maxInputBytes' | 'maxAliasExpansion'>,
  file: string,
): void {
  const size = (bytes: number) =>
    Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : 'an endless size';
  const seen = `YAML that expands through its aliases to ${size(expanded)}`;
  if (expanded > limits.maxInputBytes)
    throw limitError('maxInputBytes', seen, size(limits.maxInputBytes), { file });
  const allowed = written * limits.maxAliasExpansion + 64 * 1024;
  if (expanded > allowed) {
    throw limitError(
      'maxAliasExpansion',
      `${seen} from ${size(written)} written`,
      `${limits.maxAliasExpansion} times its size, plus 64 KB`,
      { file },
    );
  }
}

/**
 * The size of a YAML document's data once every alias is replaced by what it names: text lengths, plus a
 * little per entry. Each anchored node is measured once, so a bomb of nested aliases costs its own size
 * to measure, not its expansion.
 */
function expandedSize(doc: Document): number {
  const sizes = new Map<unknown, number>();
  const measure = (node: unknown): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isAlias(node)) {
      // Measured as its target; a cycle (an alias inside what it names) counts as endless.
      sizes.set(node, Number.POSITIVE_INFINITY);
      size = measure(node.resolve(doc));
    } else if (isScalar(node)) {
      size = String(node.value ?? '').length + 1;
    } else if (isMap(node)) {
      for (const pair of node.items) size += measure(pair.key) + measure(pair.value) + 1;
    } else if (isSeq(node)) {
      for (const item of node.items) size += measure(item) + 1;
    }
    sizes.set(node, size);
    return size;
  };
  return measure(doc.contents);
}

/**
 * Runs a recursive step of YAML reading; data nested deeper than the stack can take (`[[[[…]]]]` ten
 * thousand times) is a LIMIT_EXCEEDED error naming the file, not a crash.
 */
function guardDepth<T>(step: () => T, file: string): T {
  try {
    return step();
  } catch (cause) {
    if (cause instanceof RangeError) throw tooDeep(file, cause);
    if (cause instanceof Error && /alias/i.test(cause.message)) {
      throw new BriefwrightError('LIMIT_EXCEEDED', `the YAML's aliases: ${cause.message}`, {
        file,
        cause,
        hint: 'write the repeated text out, or use fewer aliases',
      });
    }
    throw cause;
  }
}

function tooDeep(file: string, cause: unknown): BriefwrightError {
  return new BriefwrightError('LIMIT_EXCEEDED', 'the YAML is nested too deeply to read', {
    file,
    cause,
    hint: 'YAML and JSON inputs nest fields a few levels deep; flatten the data',
  });
}
