import { describeChar } from './coverage.js';
import { coverageHint } from './fallback.js';
import { scriptOf } from './scripts.js';

/**
 * The message for characters no font has: the characters, the text they are in, that they are shown as
 * "?", and what to install for each script among them.
 */
export function missingGlyphMessage(
  missing: ReadonlySet<string>,
  text: string,
  language: string,
): string {
  const chars = [...missing];
  const byScript = new Map<string, string>();
  for (const char of chars) {
    const script = scriptOf(char.codePointAt(0) ?? 0);
    if (!byScript.has(script)) byScript.set(script, coverageHint(char, language));
  }
  const clipped = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `no font has a glyph for ${chars.map(describeChar).join(', ')} in "${clipped}"; shown as "?" (${[...byScript.values()].join('; ')})`;
}
