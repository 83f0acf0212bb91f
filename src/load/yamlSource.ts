import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { BriefwrightError } from '../diagnostics/errors.js';

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

/** Parses YAML text; `lineOffset` shifts reported lines when the text sits inside a larger file. */
export function parseYamlSource(text: string, file: string, lineOffset = 0): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
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
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
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
