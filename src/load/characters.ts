import { toXmlText } from '../text/xmlChars.js';
import { toPointer } from './validate.js';

/** What {@link withoutIllegalCharacters} took out of a model. */
export interface CharacterCleanup<T> {
  readonly value: T;
  /** The JSON pointers of the fields that changed, in document order. */
  readonly fields: readonly string[];
  /** The code points taken out, each once (`U+0001`). */
  readonly removed: readonly string[];
}

/**
 * A model with every string limited to the characters every output format can hold (XML 1.0's):
 * control characters other than tab and line breaks, U+FFFE and U+FFFF dropped, lone surrogates
 * replaced by U+FFFD. Untouched parts of the model are shared, not copied.
 */
export function withoutIllegalCharacters<T>(model: T): CharacterCleanup<T> {
  const fields: string[] = [];
  const removed = new Set<string>();
  const visit = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      const clean = toXmlText(node);
      if (clean.removed.length === 0) return node;
      fields.push(toPointer(path));
      for (const code of clean.removed) removed.add(code);
      return clean.text;
    }
    if (Array.isArray(node)) {
      let changed = false;
      const out = node.map((item, index) => {
        const next = visit(item, [...path, index]);
        changed ||= next !== item;
        return next;
      });
      return changed ? out : node;
    }
    if (node !== null && typeof node === 'object') {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        const next = visit(child, [...path, key]);
        changed ||= next !== child;
        out[key] = next;
      }
      return changed ? out : node;
    }
    return node;
  };
  return { value: visit(model, []) as T, fields, removed: [...removed] };
}
