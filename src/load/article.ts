import type { ReportInput, SectionInput } from '../model/schema.js';

/** A line of a plain article, classified. */
type ArticleLine =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string; ordered: boolean }
  | { kind: 'row'; cells: string[] }
  | { kind: 'rule' };

/** A block of consecutive lines of one kind. */
type ArticleBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[]; ordered: boolean }
  | { kind: 'table'; columns: string[]; rows: string[][] };

const TAKEAWAYS = /^(key\s+)?(takeaways?|conclusions?|bottom\s+line|in\s+summary|summary)$/i;

/**
 * Turns a plain article into a report: short lines without final punctuation are headings (the first is
 * also the title unless the article opens with one), `- ` lines are bullets, pipe rows are tables (with or
 * without a blank line before them), the text before the first heading is the lede, a closing "Key
 * takeaways"-style section becomes the takeaways, everything else is prose.
 */
export function importArticle(text: string): ReportInput {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  const classified = lines.map(classify);
  const firstContent = classified.findIndex((line) => line !== undefined);
  const opening = classified[firstContent];
  const titledByFirstLine =
    opening?.kind === 'heading' &&
    classified.slice(firstContent + 1).some((l) => l?.kind === 'heading');
  const title =
    titledByFirstLine && opening?.kind === 'heading'
      ? opening.text
      : (firstHeading(classified) ?? 'Untitled');
  const body = titledByFirstLine ? classified.slice(firstContent + 1) : classified;

  const lede: ArticleBlock[] = [];
  const sections: { title: string; blocks: ArticleBlock[] }[] = [];
  for (const block of toBlocks(body)) {
    if ('heading' in block) sections.push({ title: block.heading, blocks: [] });
    else (sections.at(-1)?.blocks ?? lede).push(block);
  }
  const last = sections.at(-1);
  const takeaways = last && TAKEAWAYS.test(last.title) ? sections.pop() : undefined;
  return {
    meta: { title },
    ...(lede.length > 0 ? { summary: toMarkdown(lede) } : {}),
    sections: sections.map(toSection),
    ...(takeaways ? { takeaways: takeawayItems(takeaways.blocks) } : {}),
  };
}

function classify(line: string): ArticleLine | undefined {
  if (!line) return undefined;
  if (/^\|.*\|$/.test(line)) {
    if (/^\|[\s:|-]+\|$/.test(line)) return { kind: 'rule' };
    return {
      kind: 'row',
      cells: line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    };
  }
  const bullet = /^([-*•–])\s+(.*)$/.exec(line);
  if (bullet) return { kind: 'bullet', text: bullet[2] ?? '', ordered: false };
  const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
  if (numbered) return { kind: 'bullet', text: numbered[1] ?? '', ordered: true };
  const hashes = /^#{1,6}\s+(.*)$/.exec(line);
  if (hashes) return { kind: 'heading', text: hashes[1] ?? '' };
  if (isHeading(line)) return { kind: 'heading', text: line };
  return { kind: 'paragraph', text: line };
}

/** A heading: a short line, starting with a capital or a digit, with no final punctuation. */
function isHeading(line: string): boolean {
  return (
    line.length <= 140 &&
    /^[\p{Lu}\p{N}]/u.test(line) &&
    !/[.!?:;,…]["”’)]?$/.test(line) &&
    line.split(/\s+/).length <= 20
  );
}

function firstHeading(lines: readonly (ArticleLine | undefined)[]): string | undefined {
  const heading = lines.find((line) => line?.kind === 'heading');
  return heading?.kind === 'heading' ? heading.text : undefined;
}

/** Groups lines into blocks; a heading stays its own marker. */
function toBlocks(
  lines: readonly (ArticleLine | undefined)[],
): (ArticleBlock | { heading: string })[] {
  const blocks: (ArticleBlock | { heading: string })[] = [];
  for (const line of lines) {
    const last = blocks.at(-1);
    if (!line) {
      // A blank line ends a list; paragraphs are one per line already.
      continue;
    }
    switch (line.kind) {
      case 'heading':
        blocks.push({ heading: line.text });
        break;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', text: line.text });
        break;
      case 'bullet':
        if (last && 'kind' in last && last.kind === 'list' && last.ordered === line.ordered)
          last.items.push(line.text);
        else blocks.push({ kind: 'list', items: [line.text], ordered: line.ordered });
        break;
      case 'row':
        if (last && 'kind' in last && last.kind === 'table')
          last.rows.push(fitRow(line.cells, last.columns.length));
        else blocks.push({ kind: 'table', columns: line.cells, rows: [] });
        break;
      case 'rule':
        break;
    }
  }
  return blocks;
}

/** Pads or trims a row to the table's columns (a ragged pipe row is common in drafts). */
function fitRow(cells: string[], count: number): string[] {
  return cells.length >= count
    ? cells.slice(0, count)
    : [...cells, ...new Array<string>(count - cells.length).fill('')];
}

/** A section: its prose as body, then its bullets and its table as fields when they come in that order. */
function toSection(section: { title: string; blocks: ArticleBlock[] }): SectionInput {
  const { blocks } = section;
  const prose = blocks.findIndex((block) => block.kind !== 'paragraph');
  const tail = prose < 0 ? [] : blocks.slice(prose);
  const paragraphs = prose < 0 ? blocks : blocks.slice(0, prose);
  const [first, second, ...more] = tail;
  const list = first?.kind === 'list' && !first.ordered ? first : undefined;
  const table =
    (list ? second : first)?.kind === 'table'
      ? ((list ? second : first) as Extract<ArticleBlock, { kind: 'table' }>)
      : undefined;
  const fitsFields =
    more.length === 0 &&
    (list ? !second || table : !second) &&
    (list || table || tail.length === 0);
  const result: SectionInput = { title: section.title };
  if (!fitsFields) {
    result.body = toMarkdown(blocks);
    return result;
  }
  if (paragraphs.length > 0) result.body = toMarkdown(paragraphs);
  if (list) result.bullets = list.items;
  if (table) result.table = { columns: table.columns, rows: table.rows };
  return result;
}

function toMarkdown(blocks: readonly ArticleBlock[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return block.text;
      if (block.kind === 'list')
        return block.items
          .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item}`)
          .join('\n');
      const row = (cells: readonly string[]) =>
        `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
      return [
        row(block.columns),
        `|${block.columns.map(() => '---|').join('')}`,
        ...block.rows.map(row),
      ].join('\n');
    })
    .join('\n\n');
}

/** Takeaways: the section's bullets, or else its sentences. */
function takeawayItems(blocks: readonly ArticleBlock[]): string[] {
  const list = blocks.find((block) => block.kind === 'list');
  if (list?.kind === 'list') return list.items;
  return blocks
    .flatMap((block) =>
      block.kind === 'paragraph' ? block.text.split(/(?<=[.!?])\s+(?=[\p{Lu}"“‘])/u) : [],
    )
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
