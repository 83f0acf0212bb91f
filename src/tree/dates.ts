const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date of the model: a year, a month of a year, or a day, each a real calendar value. */
export interface DateParts {
  readonly year: number;
  readonly month?: number | undefined;
  readonly day?: number | undefined;
}

/** The parts of `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or undefined when it is not a real date (2026-02-30). */
export function dateParts(date: string): DateParts | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && day !== undefined) {
    // Day 0 of the next month is the last day of this one, leap years included.
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) return undefined;
  }
  return { year, month, day };
}

/**
 * A model date as people read it, the same in every locale and time zone: "24 November 2026",
 * "November 2026", "2026". Anything else is shown as it is.
 */
export function formatDocDate(date: string | undefined): string {
  const parts = date ? dateParts(date) : undefined;
  if (!parts) return date ?? '';
  const month = parts.month === undefined ? '' : `${MONTHS[parts.month - 1] ?? ''} `;
  const day = parts.day === undefined ? '' : `${parts.day} `;
  return `${day}${month}${parts.year}`;
}

/** The first moment of a model date, in UTC (a month or a year starts on its first day). */
export function dateStart(date: string): Date | undefined {
  const parts = dateParts(date);
  if (!parts) return undefined;
  return new Date(Date.UTC(parts.year, (parts.month ?? 1) - 1, parts.day ?? 1));
}

/** The date a document shows: as written when the model gives it so, else its date as people read it. */
export function shownDate(meta: {
  readonly date?: string | undefined;
  readonly dateText?: string | undefined;
}): string {
  return meta.dateText ?? formatDocDate(meta.date);
}
