import { inlineTableData, tableText } from '../chart/resolve.js';
import type { Report, Section, Table } from '../model/schema.js';

/** A table as templates see it: cells as strings, alignment resolved, numbered. */
export interface TableView {
  number: number;
  caption: string | null;
  columns: string[];
  rows: string[][];
  align: ('left' | 'center' | 'right')[];
  source: string | null;
}

/** A section as templates see it: every optional field present (null when absent), numbered. */
export interface SectionView {
  number: string;
  depth: number;
  title: string;
  body: string | null;
  bullets: string[];
  table: TableView | null;
  callout: { title: string | null; body: string; kind: string } | null;
  image: { src: string; alt: string; caption: string | null } | null;
  /** The chart, its data written in, as the JSON a ` ```chart ` fence holds. */
  chart: { title: string | null; spec: string } | null;
  notes: string | null;
  subsections: SectionView[];
}

/** What templates receive: the report with every field present, so `strict` mode can check names. */
export interface TemplateData {
  meta: {
    title: string;
    subtitle: string | null;
    shortTitle: string;
    series: string | null;
    number: string | null;
    date: string | null;
    dateText: string | null;
    authors: { name: string; affiliation: string | null; email: string | null }[];
    organization: string | null;
    language: string;
    keywords: string[];
    classification: string | null;
    disclaimer: string | null;
  };
  summary: string | null;
  keyPoints: string[];
  sections: SectionView[];
  takeaways: string[];
  recommendations: string[];
  sources: {
    title: string;
    publisher: string | null;
    author: string | null;
    url: string | null;
    date: string | null;
  }[];
}

/** Builds the template data from a validated report. */
export function toTemplateData(report: Report): TemplateData {
  const { meta } = report;
  let tableNumber = 0;
  const nextTable = () => ++tableNumber;
  const sections = report.sections.map((section, index) =>
    toSectionView(section, String(index + 1), 1, nextTable),
  );
  return {
    meta: {
      title: meta.title,
      subtitle: meta.subtitle ?? null,
      shortTitle: meta.shortTitle ?? meta.title,
      series: meta.series ?? null,
      number: meta.number === undefined ? null : String(meta.number),
      date: meta.date ?? null,
      dateText: meta.dateText ?? null,
      authors: (meta.authors ?? []).map((a) => ({
        name: a.name,
        affiliation: a.affiliation ?? null,
        email: a.email ?? null,
      })),
      organization: meta.organization ?? null,
      language: meta.language,
      keywords: meta.keywords ?? [],
      classification: meta.classification ?? null,
      disclaimer: meta.disclaimer ?? null,
    },
    summary: report.summary ?? null,
    keyPoints: report.keyPoints ?? [],
    sections,
    takeaways: report.takeaways ?? [],
    recommendations: report.recommendations ?? [],
    sources: (report.sources ?? []).map((s) => ({
      title: s.title,
      publisher: s.publisher ?? null,
      author: s.author ?? null,
      url: s.url === undefined ? null : linkableUrl(s.url),
      date: s.date ?? null,
    })),
  };
}

function toSectionView(
  section: Section,
  number: string,
  depth: number,
  nextTable: () => number,
): SectionView {
  return {
    number,
    depth,
    title: section.title,
    body: section.body ?? null,
    bullets: section.bullets ?? [],
    table: section.table ? toTableView(section.table, nextTable()) : null,
    callout: section.callout
      ? {
          title: section.callout.title ?? null,
          body: section.callout.body,
          kind: section.callout.kind,
        }
      : null,
    image: section.image
      ? { src: section.image.src, alt: section.image.alt, caption: section.image.caption ?? null }
      : null,
    chart: section.chart
      ? {
          title: section.chart.title ?? null,
          spec: JSON.stringify(inlineTableData(section.chart, tableText(section.table))),
        }
      : null,
    notes: section.notes ?? null,
    subsections: (section.subsections ?? []).map((sub, index) =>
      toSectionView(sub, `${number}.${index + 1}`, depth + 1, nextTable),
    ),
  };
}

const NUMERIC = /^[-+−]?[$€£¥]?\s?[\d.,\s]+\s?(%|[kKmMbB]n?|[$€£¥])?$/;

function toTableView(table: Table, number: number): TableView {
  const rows = table.rows.map((row) => row.map(String));
  const align = table.columns.map((_, column) => {
    const given = table.align?.[column];
    if (given) return given;
    const cells = rows.map((row) => row[column] ?? '').filter((cell) => cell.trim() !== '');
    return cells.length > 0 && cells.every((cell) => NUMERIC.test(cell.trim())) ? 'right' : 'left';
  });
  return {
    number,
    caption: table.caption ?? null,
    columns: table.columns.map(String),
    rows,
    align,
    source: table.source ?? null,
  };
}

/**
 * A source's address as a template may put it in Markdown (`<url>`, `[title](url)`): as the URL
 * standard writes it (spaces, angle brackets and quotes percent-encoded), and its parentheses encoded
 * when they are unbalanced, so that no address can end the link it sits in and start another.
 */
export function linkableUrl(url: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    href = encodeURI(url);
  }
  const encode = (char: string) =>
    `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  const safe = href.replace(/[<>\\`\s]/g, encode);
  const opened = safe.split('(').length;
  return opened === safe.split(')').length ? safe : safe.replace(/[()]/g, encode);
}
