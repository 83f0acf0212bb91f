import { decodeHTMLStrict } from 'entities';
import { toXmlText } from '../text/xmlChars.js';

/** A character reference as CommonMark reads one: up to 7 decimal or 6 hex digits, or an HTML5 name. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * Decodes HTML character references in Markdown text (`&amp;`, `&AElig;`, `&#8212;`, `&#x2014;`) the way
 * CommonMark does: every HTML5 named reference, with its semicolon; anything else stays as written.
 */
export function decodeEntities(text: string): string {
  return text.includes('&')
    ? text.replace(REFERENCE, (reference) => {
        // A reference to a character no document can hold (`&#0;`, `&#1;`) stands for U+FFFD, as
        // CommonMark has it for invalid code points.
        const decoded = decodeHTMLStrict(reference);
        return toXmlText(decoded).removed.length > 0 ? '\ufffd' : decoded;
      })
    : text;
}
