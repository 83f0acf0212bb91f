import { decodeHTML } from 'entities';
import { strFromU8, unzipSync } from 'fflate';
import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { pdfPages, pptxParts, slideNames } from '../helpers.js';

/** Words as a reader compares them: compatibility-normalised (ligatures undone), lower-case letters and digits. */
export function wordsOf(text: string): string[] {
  // Letters and digits apart: a footnote's number drawn after a word ("book1") is still the word.
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? []
  );
}

/**
 * The words of a Markdown source as a reader of any Markdown tool sees them, read with plain marked
 * (not briefwright's lexer, so a word our lexer loses is still expected): text, code, link text and
 * image descriptions, entities decoded; raw HTML and link destinations are not words of the text. With
 * front matter, its content fields (title, subtitle, authors, abstract, description) count too.
 */
export function sourceWords(source: string): string[] {
  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(source);
  const body = front ? source.slice(front[0].length) : source;
  const words: string[] = [];
  if (front?.[1]) {
    const data = parseYaml(front[1]) as Record<string, unknown> | null;
    for (const key of ['title', 'subtitle'])
      if (typeof data?.[key] === 'string') words.push(...wordsOf(data[key] as string));
    for (const key of ['abstract', 'description'])
      if (typeof data?.[key] === 'string') words.push(...markdownWords(data[key] as string));
    const authors = data?.author ?? data?.authors;
    for (const author of Array.isArray(authors) ? authors : authors ? [authors] : []) {
      const name = typeof author === 'string' ? author : (author as { name?: unknown }).name;
      if (typeof name === 'string') words.push(...wordsOf(name));
      else if (name && typeof name === 'object')
        words.push(...wordsOf(Object.values(name).join(' ')));
    }
  }
  words.push(...markdownWords(body));
  return words;
}

/** The words of Markdown text, as {@link sourceWords} reads them. */
function markdownWords(markdown: string): string[] {
  const words: string[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'html') continue;
      if (token.type === 'list') visit(token.items as Token[]);
      if (token.type === 'table') {
        for (const cell of [...token.header, ...token.rows.flat()]) visit(cell.tokens as Token[]);
        continue;
      }
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
        visit(token.tokens as Token[]);
        continue;
      }
      if (
        token.type === 'code' ||
        token.type === 'codespan' ||
        token.type === 'text' ||
        token.type === 'escape'
      )
        words.push(...wordsOf(decodeHTML(token.text)));
      else if (token.type === 'image') words.push(...wordsOf(decodeHTML(token.text)));
    }
  };
  visit(new Lexer({ gfm: true }).lex(markdown));
  return words;
}

/** The words of `expected` that `text` does not hold, each once. */
export function missingWords(expected: readonly string[], text: string): string[] {
  const have = new Set(wordsOf(text));
  return [...new Set(expected.filter((word) => !have.has(word)))];
}

/** Everything a PDF's reader copies out of it, by pdf.js. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).pages.join('\n');
}

/** Everything a deck holds as text: every slide's, then every slide's speaker notes. */
export async function deckText(bytes: Uint8Array): Promise<string> {
  const { names, read } = await pptxParts(bytes);
  const texts: string[] = [];
  for (const name of [...slideNames(names), ...slideNames(names, 'notesSlides')]) {
    const xml = await read(name);
    texts.push(
      [...xml.matchAll(/<a:t>([^<]*)<\/a:t>|<c:v>([^<]*)<\/c:v>/g)]
        .map((m) => decodeHTML(m[1] ?? m[2] ?? ''))
        .join(' '),
    );
  }
  // Charts hold their categories and series names in their own parts.
  for (const name of names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
    const xml = await read(name);
    texts.push(
      [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => decodeHTML(m[1] ?? '')).join(' '),
    );
  }
  return texts.join('\n');
}

/** The title of each slide of a deck, in order (the text of its shape named "Title"; empty when none). */
export async function slideTitles(bytes: Uint8Array): Promise<string[]> {
  const { names, read } = await pptxParts(bytes);
  const titles: string[] = [];
  for (const name of slideNames(names)) {
    const xml = await read(name);
    const shape = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="Title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
    titles.push(
      [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeHTML(m[1] ?? '')).join(''),
    );
  }
  return titles;
}

/** The text of every non-empty heading of a Markdown source, in order (front matter skipped). */
export function sourceHeadings(source: string): string[] {
  const body = source.replace(/^---\n[\s\S]*?\n(?:---|\.\.\.)\n/, '');
  return new Lexer({ gfm: true })
    .lex(body)
    .filter((token): token is Tokens.Heading => token.type === 'heading')
    .map((token) => decodeHTML(token.text).trim())
    .filter(Boolean);
}

/** Everything a Word reader shows as text: the body's and the footnotes' runs (with the numbers Word gives footnote references), a line per paragraph. */
export function docxText(bytes: Uint8Array): string {
  const parts = unzipSync(bytes, {
    filter: (file) => file.name === 'word/document.xml' || file.name === 'word/footnotes.xml',
  });
  return ['word/document.xml', 'word/footnotes.xml']
    .map((name) => strFromU8(parts[name] ?? new Uint8Array()))
    .map((xml) =>
      xml
        .replace(/<\/w:p>|<w:br\/>|<w:tab\/>/g, '\n')
        // Word numbers footnote references itself; a reader sees the number.
        .replace(/<w:footnoteReference w:id="(\d+)"\/>/g, ' $1 ')
        .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<[^>]*>/g, (_, text: string | undefined) =>
          text === undefined ? '' : decodeHTML(text),
        ),
    )
    .join('\n');
}

/** The text of an HTML page as its DOM holds it: the body's text nodes, entities decoded (no style). */
export function htmlText(bytes: Uint8Array): string {
  const html = new TextDecoder().decode(bytes);
  const body = html.slice(html.indexOf('<body'));
  return decodeHTML(body.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' '));
}
