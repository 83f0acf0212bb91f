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

/** The document date: the model's date, else SOURCE_DATE_EPOCH, else a fixed date, so output never depends on the clock. */
export function documentDate(
  report: Report,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Date {
  const start = report.meta.date ? dateStart(report.meta.date) : undefined;
  if (start) return start;
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  return FALLBACK_DATE;
}
