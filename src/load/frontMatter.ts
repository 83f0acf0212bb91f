import type { MetaSchema } from '../model/schema.js';
import { readWrittenDate } from './writtenDate.js';

/** The model's metadata fields, which front matter may give at its top level. */
const META_KEYS: ReadonlySet<string> = new Set<keyof typeof MetaSchema.shape>([
  'title',
  'subtitle',
  'shortTitle',
  'series',
  'number',
  'date',
  'dateText',
  'authors',
  'organization',
  'language',
  'keywords',
  'classification',
  'disclaimer',
]);

/** The model's other fields, which front matter may give too. */
const REPORT_KEYS: ReadonlySet<string> = new Set([
  '$schema',
  'summary',
  'keyPoints',
  'sections',
  'takeaways',
  'recommendations',
  'sources',
]);

/** What front matter gives the model, where each field came from, and what it left out. */
export interface FrontMatterFields {
  /** The metadata read, or a `meta` that is not a mapping, as written (validation names it). */
  readonly meta: Record<string, unknown> | unknown;
  /** Fields other than meta (summary, sections, sources…). */
  readonly fields: Record<string, unknown>;
  /** The front matter key each meta field was read from, when it is not the field's own name. */
  readonly origins: ReadonlyMap<string, string>;
  /** Paths of the keys the model has no place for (`['author', 0, 'orcid']`), in the order written. */
  readonly ignored: readonly (readonly (string | number)[])[];
}

/**
 * Reads front matter as pandoc, Quarto, R Markdown, Marp and static-site generators write it: `author`
 * or `authors` as a name, a list, or objects (`name`, `affiliation`/`affiliations`, `email`), `date` in
 * any common form, `lang`, `abstract`, `keywords` as a list or a comma-separated string, `institute`,
 * `description`; briefwright's own fields as they are. Keys the model has no place for (`output`,
 * `marp`, `theme`…) are left out and listed.
 */
export function readFrontMatter(data: Record<string, unknown>): FrontMatterFields {
  let meta: Record<string, unknown> | unknown = {};
  const fields: Record<string, unknown> = {};
  const origins = new Map<string, string>();
  const ignored: (string | number)[][] = [];
  const set = (target: Record<string, unknown>, key: string, value: unknown, from = key) => {
    // Own fields only: `__proto__` written as a key must stay a key (and be reported), not a prototype.
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (from !== key) origins.set(key, from);
  };
  const given = new Set(Object.keys(data));
  const prose: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === '__proto__') {
      // Never a setting of another tool: an unknown field, as in a YAML or JSON model.
      set(fields, key, value);
    } else if (key === 'meta') {
      if (isRecord(value) && isRecord(meta))
        for (const [metaKey, metaValue] of Object.entries(value)) set(meta, metaKey, metaValue);
      else meta = value;
    } else if (!isRecord(meta)) {
      ignored.push([key]);
    } else if (META_KEYS.has(key) && key !== 'date' && key !== 'authors' && key !== 'keywords') {
      set(meta, key, value);
    } else if (REPORT_KEYS.has(key)) {
      set(fields, key, value);
    } else if (key === 'author' || key === 'authors') {
      if (given.has('author') && given.has('authors') && key === 'author') ignored.push([key]);
      else set(meta, 'authors', readAuthors(value, key, ignored), key);
    } else if (key === 'date') {
      const date = readWrittenDate(value);
      if (date) set(meta, 'date', date);
      else if (value !== null && value !== undefined) set(meta, 'dateText', String(value), 'date');
    } else if (key === 'keywords') {
      set(meta, 'keywords', typeof value === 'string' ? splitList(value) : value);
    } else if (key === 'lang' && !given.has('language')) {
      set(meta, 'language', value, key);
    } else if ((key === 'institute' || key === 'organisation') && !given.has('organization')) {
      set(meta, 'organization', Array.isArray(value) ? value.map(String).join('; ') : value, key);
    } else if (key === 'abstract' && typeof value === 'string') {
      prose.unshift(value);
    } else if (key === 'description' && typeof value === 'string' && !given.has('abstract')) {
      prose.push(value);
    } else {
      ignored.push([key]);
    }
  }
  if (prose.length > 0) {
    const summary = typeof fields.summary === 'string' ? [fields.summary] : [];
    set(fields, 'summary', [...prose, ...summary].join('\n\n'));
  }
  return { meta, fields, origins, ignored };
}

/** Authors as the model takes them: names, or objects with a name, an affiliation and an email. */
function readAuthors(value: unknown, key: string, ignored: (string | number)[][]): unknown {
  if (typeof value === 'string') return [value];
  const list = Array.isArray(value) ? value : [value];
  return list.map((author, index) => {
    if (!isRecord(author)) return author;
    const out: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(author)) {
      if (field === 'name') out.name = personName(v);
      else if (field === 'email') out.email = v;
      else if (field === 'affiliation' || field === 'affiliations' || field === 'institute')
        out.affiliation = affiliationOf(v);
      else ignored.push(Array.isArray(value) ? [key, index, field] : [key, field]);
    }
    return out;
  });
}

/** A name as Quarto writes it: a string, or `{ given, family }` / `{ literal }`. */
function personName(value: unknown): unknown {
  if (!isRecord(value)) return value;
  if (typeof value.literal === 'string') return value.literal;
  return [value.given, value.family].filter((part) => typeof part === 'string').join(' ') || value;
}

/** An affiliation: a string, a list of strings, or objects with a name (Quarto's `affiliations`). */
function affiliationOf(value: unknown): unknown {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map((item) =>
    isRecord(item) && typeof item.name === 'string' ? item.name : item,
  );
  return names.every((name) => typeof name === 'string') ? names.join('; ') : value;
}

function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
