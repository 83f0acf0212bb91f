import { BriefwrightError } from '../diagnostics/errors.js';
import type { Report } from '../model/schema.js';
import { dateStart } from '../tree/dates.js';
import type { DocMeta } from '../tree/types.js';

/** The DocTree's metadata from a report. */
export function metaFromReport(report: Report): DocMeta {
  const { meta } = report;
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    shortTitle: meta.shortTitle,
    series: meta.series,
    number: meta.number === undefined ? undefined : String(meta.number),
    date: meta.date,
    dateText: meta.dateText,
    authors: (meta.authors ?? []).map((a) => ({ name: a.name, affiliation: a.affiliation })),
    organization: meta.organization,
    language: meta.language,
    keywords: meta.keywords ?? [],
    classification: meta.classification,
  };
}

const FALLBACK_DATE = new Date(Date.UTC(1980, 0, 1));

/** The last second of the year 9999, the last a PDF date can hold. */
const LAST_EPOCH = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/** The document date: the model's date, else SOURCE_DATE_EPOCH, else a fixed date, so output never depends on the clock. */
export function documentDate(
  report: Report,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Date {
  const start = report.meta.date ? dateStart(report.meta.date) : undefined;
  if (start) return start;
  const written = env.SOURCE_DATE_EPOCH;
  if (!written) return FALLBACK_DATE;
  // Whole seconds since 1970, as reproducible-builds.org defines it, up to the year 9999.
  const epoch = /^\d{1,12}$/.test(written.trim()) ? Number(written) : Number.NaN;
  if (!(epoch <= LAST_EPOCH)) {
    throw new BriefwrightError(
      'USAGE',
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${written}"`,
      { hint: 'set it to a date such as $(git log -1 --format=%ct), or unset it' },
    );
  }
  return new Date(epoch * 1000);
}
