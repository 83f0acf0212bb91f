import { decodeHTMLStrict } from 'entities';

/** A character reference as CommonMark reads one: up to 7 decimal or 6 hex digits, or an HTML5 name. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * Decodes HTML character references in Markdown text (`&amp;`, `&AElig;`, `&#8212;`, `&#x2014;`) the way
 * CommonMark does: every HTML5 named reference, with its semicolon; anything else stays as written.
 */
export function decodeEntities(text: string): string {
  return text.includes('&')
    ? text.replace(REFERENCE, (reference) => decodeHTMLStrict(reference))
    : text;
}
