import { assertNever } from '../diagnostics/assertNever.js';
import type { StyledRun } from '../text/lineBreak.js';
import type { Inline, LinkTarget } from '../tree/types.js';

/** Where a run links to: a link's target, or the footnote a reference number stands for. */
export type RunLink = LinkTarget | { readonly kind: 'footnote'; readonly number: number };

/** Whether two links go to the same place (the same object, or equal targets). */
export function sameLink(a: RunLink, b: RunLink): boolean {
  if (a === b) return true;
  if (a.kind === 'url') return b.kind === 'url' && a.url === b.url;
  if (a.kind === 'anchor') return b.kind === 'anchor' && a.id === b.id;
  return b.kind === 'footnote' && a.number === b.number;
}

/** One key per link target, to tell whether two runs link to the same place. */
export function linkKey(link: RunLink | undefined): string {
  if (link === undefined) return '';
  if (link.kind === 'url') return `url:${link.url}`;
  if (link.kind === 'anchor') return `anchor:${link.id}`;
  return `footnote:${link.number}`;
}

/** The styling inline Markdown gives a run, before a renderer maps it to fonts. */
export interface InlineFlags {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly code: boolean;
  readonly strike: boolean;
  readonly superscript: boolean;
  readonly link: RunLink | undefined;
}

/** Plain text. */
export const PLAIN: InlineFlags = {
  bold: false,
  italic: false,
  code: false,
  strike: false,
  superscript: false,
  link: undefined,
};

/** Flattens inline nodes into runs of text with their flags. */
export function toInlineRuns(
  nodes: readonly Inline[],
  flags: InlineFlags = PLAIN,
): StyledRun<InlineFlags>[] {
  return nodes.flatMap((node) => nodeRuns(node, flags));
}

function nodeRuns(node: Inline, flags: InlineFlags): StyledRun<InlineFlags>[] {
  switch (node.type) {
    case 'text':
      return [{ text: node.value.replace(/\s*\n\s*/g, ' '), style: flags }];
    case 'strong':
      return toInlineRuns(node.children, { ...flags, bold: true });
    case 'emphasis':
      return toInlineRuns(node.children, { ...flags, italic: !flags.italic });
    case 'delete':
      return toInlineRuns(node.children, { ...flags, strike: true });
    case 'inlineCode':
      return [{ text: node.value, style: { ...flags, code: true } }];
    case 'link':
      return toInlineRuns(node.children, { ...flags, link: node.target });
    case 'break':
      return [{ text: '\n', style: flags }];
    case 'footnoteReference':
      return [
        {
          text: String(node.number),
          style: { ...flags, superscript: true, link: { kind: 'footnote', number: node.number } },
        },
      ];
    default:
      return assertNever(node);
  }
}

/** A stable key of flags, for merging runs. */
export function flagsKey(flags: InlineFlags): string {
  return `${+flags.bold}${+flags.italic}${+flags.code}${+flags.strike}${+flags.superscript}${linkKey(flags.link)}`;
}
