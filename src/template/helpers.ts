import type { HelperDelegate } from 'handlebars';
import { formatDocDate } from '../tree/dates.js';
import { hasList, paragraphsOf, proseOf, structureOf } from './bodyParts.js';
import { escapeAttribute, escapeCell } from './escape.js';

/** The text of a helper argument: a string, or the output of another helper (a SafeString). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof (value as { toHTML?: unknown }).toHTML === 'function')
    return (value as { toHTML(): string }).toHTML();
  return undefined;
}

/** Wraps text so the template inserts it without escaping. */
export type Raw = (text: string) => unknown;

/** The helpers every template may call; `knownHelpersOnly` rejects any other. */
export function createHelpers(raw: Raw): Record<string, HelperDelegate> {
  return {
    /** `{{inc @index}}`: a 0-based index as a 1-based number. */
    inc: (value: unknown) => Number(value) + 1,
    /** `{{#if (eq a b)}}`: strict equality. */
    eq: (a: unknown, b: unknown) => a === b,
    /** `{{formatDate meta.date}}`: YYYY-MM-DD as "24 November 2026", the same in every locale. */
    formatDate: (value: unknown) => (typeof value === 'string' ? formatDocDate(value) : ''),
    /** `{{hashes depth}}`: a Markdown heading marker of that depth. */
    hashes: (depth: unknown) => raw('#'.repeat(Math.min(6, Math.max(1, Number(depth) || 1)))),
    /** `{{attr value}}`: a value for a directive attribute. */
    attr: (value: unknown) => raw(value == null ? '' : escapeAttribute(String(value))),
    /** `{{cell value}}`: Markdown inline content for a table cell. */
    cell: (value: unknown) => raw(value == null ? '' : escapeCell(String(value))),
    /** `{{alignRow table.align}}`: a GFM table delimiter row for the alignments. */
    alignRow: (align: unknown) => raw(alignRow(align)),
    /** `{{leadSentences body 3}}`: the first sentence of each paragraph, as Markdown bullets. */
    leadSentences: (body: unknown, count: unknown) => raw(leadSentences(body, Number(count) || 3)),
    /** `{{{nest body depth}}}`: Markdown whose own headings are pushed below a heading of `depth`. */
    nest: (markdown: unknown, depth: unknown) =>
      raw(nestHeadings(textOf(markdown), Number(depth) || 0)),
    /** `{{{prose body}}}`: only the paragraphs and quotes of Markdown (for speaker notes). */
    prose: (markdown: unknown) => raw(proseOf(textOf(markdown))),
    /** `{{{structure body}}}`: only the lists, tables, directives and code of Markdown (for slides). */
    structure: (markdown: unknown) => raw(structureOf(textOf(markdown))),
    /** `{{#if (hasList body)}}`: whether Markdown has a list of its own. */
    hasList: (markdown: unknown) => hasList(textOf(markdown)),
    /** `{{join list ", "}}`: joins strings. */
    join: (list: unknown, separator: unknown) =>
      Array.isArray(list)
        ? list.map(String).join(typeof separator === 'string' ? separator : ', ')
        : '',
  };
}

function alignRow(align: unknown): string {
  const list = Array.isArray(align) ? align : [];
  const cells = list.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : '---'));
  return `| ${cells.join(' | ')} |`;
}

/** The first sentence of each paragraph of Markdown, as bullets; lists, tables, code and quotes are not paragraphs. */
export function leadSentences(body: unknown, count: number): string {
  if (typeof body !== 'string') return '';
  const paragraphs = paragraphsOf(body)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  return paragraphs
    .slice(0, count)
    .map((p) => `- ${firstSentence(p)}`)
    .join('\n');
}

/** The longest lead sentence a slide shows; the whole of it is in the speaker notes. */
const MAX_LEAD = 240;

function firstSentence(paragraph: string): string {
  const match = /^(.+?[.!?])(\s+)(?=[A-Z“"‘'(\d])/.exec(paragraph);
  const sentence = (match?.[1] ?? paragraph).replace(/[:;,]$/, '.');
  if (sentence.length <= MAX_LEAD) return sentence;
  // A sentence too long for a slide is cut at a word (the notes hold all of it).
  const cut = sentence.lastIndexOf(' ', MAX_LEAD);
  return `${sentence.slice(0, cut > MAX_LEAD / 2 ? cut : MAX_LEAD).trimEnd()}…`;
}

/**
 * Shifts the ATX headings of Markdown down by `depth` levels (at most to level 6), outside code fences,
 * so that a `#` inside a section's body becomes a subheading of that section rather than a new section.
 */
export function nestHeadings(markdown: unknown, depth: number): string {
  if (typeof markdown !== 'string') return '';
  if (depth <= 0) return markdown;
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open?.[1] && (!fence || open[1].startsWith(fence))) {
        fence = fence ? undefined : open[1].slice(0, 3);
        return line;
      }
      if (fence) return line;
      return line.replace(
        /^( {0,3})(#{1,6})(?=\s|$)/,
        (_, indent: string, hashes: string) =>
          `${indent}${'#'.repeat(Math.min(6, hashes.length + depth))}`,
      );
    })
    .join('\n');
}
