/**
 * The characters XML 1.0 can hold: tab, line feed, carriage return, and every other code point from
 * U+0020 except surrogates and U+FFFE/U+FFFF. A deck, a workbook or a Word file with any other character
 * is malformed, and readers refuse it whole.
 */

/** What {@link toXmlText} did to a text. */
export interface XmlTextResult {
  readonly text: string;
  /** The code points removed or replaced, each once, as `U+0001`. */
  readonly removed: readonly string[];
}

/** A character XML cannot hold at `index` (a UTF-16 unit): dropped, or U+FFFD for a lone surrogate. */
function replacementAt(text: string, index: number): { width: number; with?: string } | undefined {
  const code = text.charCodeAt(index);
  if (code < 0x20)
    return code === 0x09 || code === 0x0a || code === 0x0d ? undefined : { width: 1 };
  if (code < 0xd800) return undefined;
  if (code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff ? undefined : { width: 1, with: '\ufffd' };
  }
  if (code <= 0xdfff) {
    const previous = text.charCodeAt(index - 1);
    return previous >= 0xd800 && previous <= 0xdbff ? undefined : { width: 1, with: '\ufffd' };
  }
  return code === 0xfffe || code === 0xffff ? { width: 1 } : undefined;
}

/**
 * The text with every character XML 1.0 cannot hold taken out: controls other than tab and line breaks
 * and U+FFFE/U+FFFF dropped, lone surrogates replaced by U+FFFD. Returns the same string, untouched, when
 * there is nothing to do (the common case costs one scan).
 */
export function toXmlText(text: string): XmlTextResult {
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    if (replacementAt(text, i)) {
      first = i;
      break;
    }
  }
  if (first < 0) return { text, removed: [] };
  const removed = new Set<string>();
  let out = text.slice(0, first);
  let from = first;
  for (let i = first; i < text.length; i++) {
    const found = replacementAt(text, i);
    if (!found) continue;
    out += text.slice(from, i) + (found.with ?? '');
    removed.add(`U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`);
    from = i + found.width;
  }
  return { text: out + text.slice(from), removed: [...removed] };
}

/**
 * Whether UTF-8 bytes hold a character XML cannot hold (a control, U+FFFE/U+FFFF, an encoded surrogate)
 * or an invalid sequence: a byte scan, so that clean parts are never decoded.
 */
export function hasXmlIllegalBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
    } else if (b === 0xed) {
      // U+D800–U+DFFF encode as ED A0–BF …: a surrogate written as if it were a character.
      if ((bytes[i + 1] ?? 0) >= 0xa0) return true;
    } else if (b === 0xef) {
      if (bytes[i + 1] === 0xbf && ((bytes[i + 2] ?? 0) & 0xfe) === 0xbe) return true;
    } else if (b >= 0xf8 || b === 0xc0 || b === 0xc1) {
      return true;
    }
  }
  return false;
}

/** XML bytes with every character XML cannot hold taken out (see {@link toXmlText}); clean bytes as they are. */
export function toXmlBytes(bytes: Uint8Array): Uint8Array {
  if (!hasXmlIllegalBytes(bytes)) return bytes;
  return new TextEncoder().encode(toXmlText(new TextDecoder('utf-8').decode(bytes)).text);
}

/** Text escaped for an XML attribute or element, for the places a writing library leaves unescaped. */
export function escapeXml(text: string): string {
  return toXmlText(text)
    .text.replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
