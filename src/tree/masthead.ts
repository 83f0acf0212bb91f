import { shownDate } from './dates.js';
import type { DocMeta } from './types.js';

/** The lines of a title block every format shows: series and number, authors, date and organisation. */
export interface MastheadLines {
  /** "Policy Brief · No. 7", or empty. */
  readonly series: string;
  /** "Name, Affiliation", one per author. */
  readonly authors: readonly string[];
  /** "24 November 2026 · Organisation", or empty. */
  readonly dateline: string;
}

/** The title block's lines of a document, as the brief, the Word file and the web page set them. */
export function mastheadLines(meta: DocMeta): MastheadLines {
  return {
    series: [meta.series, meta.number ? `No. ${meta.number}` : undefined]
      .filter(Boolean)
      .join(' · '),
    authors: meta.authors.map((a) => (a.affiliation ? `${a.name}, ${a.affiliation}` : a.name)),
    dateline: [shownDate(meta), meta.organization].filter(Boolean).join(' · '),
  };
}
