// The two functions' own modules: date-fns' index loads some 300 files.
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { dateParts } from '../tree/dates.js';

/**
 * The forms people write dates in, most specific first, each with the precision it gives: pandoc's and
 * Quarto's manuals ("July 17, 2006"), British and ISO forms, a month of a year, a year.
 */
const FORMATS: readonly {
  readonly pattern: string;
  readonly precision: 'day' | 'month' | 'year';
}[] = [
  { pattern: 'yyyy-MM-dd', precision: 'day' },
  { pattern: 'yyyy/MM/dd', precision: 'day' },
  { pattern: 'MMMM d, yyyy', precision: 'day' },
  { pattern: 'MMM d, yyyy', precision: 'day' },
  { pattern: 'MMMM do, yyyy', precision: 'day' },
  { pattern: 'd MMMM yyyy', precision: 'day' },
  { pattern: 'd MMM yyyy', precision: 'day' },
  { pattern: 'do MMMM yyyy', precision: 'day' },
  { pattern: 'EEEE, MMMM d, yyyy', precision: 'day' },
  { pattern: 'EEEE, d MMMM yyyy', precision: 'day' },
  { pattern: 'yyyy-MM', precision: 'month' },
  { pattern: 'MMMM yyyy', precision: 'month' },
  { pattern: 'MMM yyyy', precision: 'month' },
  { pattern: 'yyyy', precision: 'year' },
];

/** Parsing never reads the clock: every form above names its year, so this date is never used. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/**
 * A date as written in front matter (`2006-07-17`, `July 17, 2006`, `17 July 2006`, `Nov. 24, 2026`,
 * `March 2025`, `2025`, a YAML timestamp) as the model's `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, read with
 * date-fns in strict mode (30 February is not a date); undefined when it is none of these.
 */
export function readWrittenDate(value: unknown): string | undefined {
  if (value instanceof Date) return isValid(value) ? value.toISOString().slice(0, 10) : undefined;
  if (typeof value === 'number')
    return Number.isInteger(value) ? readWrittenDate(String(value)) : undefined;
  if (typeof value !== 'string') return undefined;
  // A timestamp keeps its day; "Nov." and "Sept." are written with a dot.
  const text = value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})[T ][\d:.]+ ?(?:Z|[+-]\d{2}:?\d{2})?$/, '$1')
    .replace(/\b([A-Za-z]{3,4})\.(?=\s)/, '$1')
    .replace(/\bSept\b/, 'Sep')
    .replace(/\s+/g, ' ');
  for (const { pattern, precision } of FORMATS) {
    const date = parse(text, pattern, REFERENCE);
    if (!isValid(date)) continue;
    const year = String(date.getFullYear()).padStart(4, '0');
    const month = String(date.getMonth() + 1).padStart(2, '0');
    const day = String(date.getDate()).padStart(2, '0');
    const written =
      precision === 'year'
        ? year
        : precision === 'month'
          ? `${year}-${month}`
          : `${year}-${month}-${day}`;
    if (dateParts(written)) return written;
  }
  return undefined;
}
