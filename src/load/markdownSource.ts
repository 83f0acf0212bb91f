import type { Token, Tokens } from 'marked';
import { BriefwrightError } from '../diagnostics/errors.js';
import type { Warning } from '../diagnostics/warnings.js';
import { lexBlocks, plainInline } from '../markdown/lexer.js';
import { MetaSchema } from '../model/schema.js';
import { readFrontMatter } from './frontMatter.js';
import type { Limits } from './limits.js';
import { suggest } from './suggest.js';
import { type Locate, type ParsedSource, parseYamlSource } from './yamlSource.js';

/** The fields front matter may give, for "did you mean" hints. */
const MODEL_KEYS = [
  ...Object.keys(MetaSchema.shape),
  'summary',
  'keyPoints',
  'takeaways',
  'recommendations',
  'sources',
  'sections',
];

interface RawSection {
  title: string;
  line: number;
  body: string[];
  subsections: RawSection[];
  depth: number;
}

/**
 * Turns Markdown with optional YAML front matter into the raw model: front matter gives meta and other
 * fields; without a title there, the first heading is the title; text before the first section heading
 * is the summary; headings of the shallowest level start sections and deeper ones subsections.
 */
export function parseMarkdownSource(
  text: string,
  file: string,
  limits?: Limits,
  warn?: (warning: Warning) => void,
): ParsedSource {
  const { frontMatter, body, bodyLine } = splitFrontMatter(text, file);
  const front = frontMatter
    ? parseYamlSource(frontMatter.text, file, frontMatter.line - 1, limits)
    : undefined;
  const data = isRecord(front?.value) ? front.value : {};
  if (front && front.value != null && !isRecord(front.value)) {
    throw new BriefwrightError('PARSE_YAML', 'the front matter must be a mapping of fields', {
      file,
      line: frontMatter?.line,
      column: 1,
      hint: 'write it as "title: …" lines between the two "---" lines',
    });
  }
  const read = readFrontMatter(data);
  const report: Record<string, unknown> = { ...read.fields };
  const meta = isRecord(read.meta) ? read.meta : {};
  if (read.ignored.length > 0 && front) warnIgnored(read.ignored, front, file, warn);

  const blocks = splitBlocks(body, bodyLine);
  let titleLine: number | undefined;
  if (meta.title === undefined) {
    // The first heading with words in it is the title; an empty one (`#` alone) stays a section.
    const index = blocks.findIndex((block) => block.heading?.text);
    const heading = blocks[index]?.heading;
    if (heading) {
      meta.title = heading.text;
      titleLine = blocks[index]?.line;
      blocks.splice(index, 1);
    } else {
      meta.title = titleFromFileName(file);
    }
  }
  const preamble: string[] = [];
  const roots: RawSection[] = [];
  const stack: RawSection[] = [];
  for (const block of blocks) {
    if (block.heading) {
      const section: RawSection = {
        title: block.heading.text,
        line: block.line,
        body: [],
        subsections: [],
        depth: block.heading.depth,
      };
      while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= section.depth) stack.pop();
      const parent = stack.at(-1);
      if (parent) parent.subsections.push(section);
      else roots.push(section);
      stack.push(section);
    } else {
      (stack.at(-1)?.body ?? preamble).push(block.raw);
    }
  }
  const summary = preamble.join('').trim();
  if (summary)
    report.summary =
      typeof report.summary === 'string' ? `${report.summary}\n\n${summary}` : summary;
  if (roots.length > 0 || report.sections === undefined) {
    report.sections = [
      ...(Array.isArray(report.sections) ? report.sections : []),
      ...roots.map(toSection),
    ];
  }
  // A `meta` that is not a mapping stays as written, so that validation names it.
  report.meta = isRecord(read.meta) ? meta : read.meta;

  const locate: Locate = (path, at) => {
    const [head, second, ...rest] = path;
    if (head === 'meta' && second === 'title' && titleLine !== undefined)
      return { line: titleLine, column: 1 };
    if (head === 'sections' && typeof second === 'number') {
      const fromFront = Array.isArray(data.sections) ? data.sections.length : 0;
      const section = findSection(roots, second - fromFront, rest);
      if (section) return { line: section.line, column: 1 };
    }
    if (!front) return undefined;
    if (head === 'meta' && !('meta' in data)) {
      const key = second === undefined ? undefined : (read.origins.get(String(second)) ?? second);
      return front.locate(key === undefined ? [] : [key, ...rest], at);
    }
    return front.locate(path, at);
  };
  return { value: report, locate };
}

function findSection(
  roots: RawSection[],
  index: number,
  rest: readonly PropertyKey[],
): RawSection | undefined {
  let section = roots[index];
  let remaining = rest;
  while (section && remaining[0] === 'subsections' && typeof remaining[1] === 'number') {
    section = section.subsections[remaining[1]];
    remaining = remaining.slice(2);
  }
  return section;
}

function toSection(raw: RawSection): Record<string, unknown> {
  const body = raw.body.join('').trim();
  return {
    title: raw.title,
    ...(body ? { body } : {}),
    ...(raw.subsections.length > 0 ? { subsections: raw.subsections.map(toSection) } : {}),
  };
}

interface Block {
  raw: string;
  line: number;
  heading?: { depth: number; text: string };
}

function splitBlocks(body: string, firstLine: number): Block[] {
  const tokens: Token[] = lexBlocks(body);
  const blocks: Block[] = [];
  let line = firstLine;
  for (const token of tokens) {
    const block: Block = { raw: token.raw, line };
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      // Titles in the model are plain text: a heading's *emphasis* or `code` marks are not part of them.
      block.heading = { depth: heading.depth, text: plainInline(heading.text) };
    }
    blocks.push(block);
    line += countNewlines(token.raw);
  }
  return blocks;
}

function splitFrontMatter(text: string, file: string) {
  const match = /^---[ \t]*\n/.exec(text);
  if (!match) return { frontMatter: undefined, body: text, bodyLine: 1 };
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(match[0].length);
  const end = close.exec(rest);
  if (!end) {
    throw new BriefwrightError('PARSE_YAML', 'the front matter has no closing "---" line', {
      file,
      line: 1,
      column: 1,
      hint: 'end the front matter with a line holding only "---"',
    });
  }
  const frontText = rest.slice(0, end.index);
  const afterClose = rest.slice(end.index + end[0].length).replace(/^\n/, '');
  const bodyLine = 1 + countNewlines(text.slice(0, text.length - afterClose.length));
  return { frontMatter: { text: frontText, line: 2 }, body: afterClose, bodyLine };
}

function titleFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : 'Untitled';
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/**
 * One warning for the front matter keys the model has no place for (another tool's settings, or a
 * misspelt field), at the first one's line, with the field it most likely meant.
 */
function warnIgnored(
  paths: readonly (readonly (string | number)[])[],
  front: ParsedSource,
  file: string,
  warn: ((warning: Warning) => void) | undefined,
): void {
  const keys = paths.map((path) => path.filter((p) => typeof p === 'string').join('.'));
  const guesses = keys
    .map((key) => ({ key, guess: suggest(key, MODEL_KEYS) }))
    .filter((g): g is { key: string; guess: string } => g.guess !== undefined)
    .map(({ key, guess }) => `"${key}" (did you mean "${guess}"?)`);
  const one = keys.length === 1;
  warn?.({
    code: 'FRONT_MATTER_IGNORED',
    message: `front matter ${one ? 'key' : 'keys'} ${keys.map((k) => `"${k}"`).join(', ')} ${one ? 'has' : 'have'} no place in the model and ${one ? 'is' : 'are'} left out${guesses.length > 0 ? `; ${guesses.join(', ')}` : ''}`,
    file,
    ...front.locate(paths[0] ?? [], 'key'),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
