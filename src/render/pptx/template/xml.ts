import { decodeXML } from 'entities';

/*
 * Reading a template's XML without a parser: each helper scans forward with indexOf, so that its time
 * stays linear in the part's size whatever a crafted part holds (a regular expression such as
 * /<p:sp>[\s\S]*?<\/p:sp>/ rescans the rest of the part from every unclosed start: quadratic).
 */

/** The XML without its comments (an unclosed comment runs to the end). */
export function withoutComments(xml: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<!--', at);
    if (start < 0) return out + xml.slice(at);
    out += xml.slice(at, start);
    const end = xml.indexOf('-->', start + 4);
    if (end < 0) return out;
    at = end + 3;
  }
}

/** Each `<tag …>…</tag>` (or self-closed `<tag …/>`) in order, not nested in one another. */
export function elements(xml: string, tag: string): string[] {
  const found: string[] = [];
  const close = `</${tag}>`;
  let at = 0;
  for (;;) {
    const start = startOf(xml, tag, at);
    if (start < 0) return found;
    const headEnd = xml.indexOf('>', start);
    if (headEnd < 0) return found;
    if (xml[headEnd - 1] === '/') {
      found.push(xml.slice(start, headEnd + 1));
      at = headEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, headEnd);
    if (end < 0) return found;
    found.push(xml.slice(start, end + close.length));
    at = end + close.length;
  }
}

/** The first `<tag …>…</tag>`, or undefined. */
export function element(xml: string, tag: string): string | undefined {
  return elements(xml, tag)[0];
}

/** The start tag (`<tag …>` or `<tag …/>`) of the first such element, or undefined. */
export function startTag(xml: string, tag: string): string | undefined {
  const start = startOf(xml, tag, 0);
  if (start < 0) return undefined;
  const end = xml.indexOf('>', start);
  return end < 0 ? undefined : xml.slice(start, end + 1);
}

/** An attribute of a start tag, in double or single quotes, with its entities decoded. */
export function attribute(tag: string | undefined, name: string): string | undefined {
  if (!tag) return undefined;
  let at = 0;
  for (;;) {
    const found = tag.indexOf(`${name}=`, at);
    if (found < 0) return undefined;
    const before = tag[found - 1];
    const quote = tag[found + name.length + 1];
    at = found + name.length + 1;
    if (before !== undefined && /\s/.test(before) && (quote === '"' || quote === "'")) {
      const end = tag.indexOf(quote, at + 1);
      if (end < 0) return undefined;
      return decodeXML(tag.slice(at + 1, end));
    }
  }
}

/** A relationship of a part: its id, type, target and whether the target is outside the package. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The relationships a `.rels` part lists. */
export function relationships(rels: string): Relationship[] {
  return elements(withoutComments(rels), 'Relationship').map((tag) => ({
    id: attribute(tag, 'Id') ?? '',
    type: attribute(tag, 'Type') ?? '',
    target: attribute(tag, 'Target') ?? '',
    external: attribute(tag, 'TargetMode') === 'External',
  }));
}

/** A relationship's target as a part name, against the folder of the part that names it. */
export function resolvePart(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = folder.split('/').filter(Boolean);
  for (const piece of target.split('/'))
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  return out.join('/');
}

/** The `.rels` part of a part. */
export function relsOf(part: string): string {
  return part.replace(/([^/]*)$/, '_rels/$1.rels');
}

/** The folder a part is in, with its trailing slash. */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Where `<tag` starts at or after `from`, followed by a space, `>` or `/` (so `<p:sp` is not `<p:spPr`). */
function startOf(xml: string, tag: string, from: number): number {
  let at = from;
  for (;;) {
    const found = xml.indexOf(`<${tag}`, at);
    if (found < 0) return -1;
    const next = xml[found + tag.length + 1];
    if (next === '>' || next === '/' || (next !== undefined && /\s/.test(next))) return found;
    at = found + tag.length + 1;
  }
}
