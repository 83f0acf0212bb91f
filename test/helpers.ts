import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SaxesParser } from 'saxes';
import { runCli } from '../src/cli/run.js';
import { BriefwrightError } from '../src/diagnostics/errors.js';

/** The sample brief. */
export const EXAMPLE_YAML = 'examples/carney-xi/carney-xi.yaml';
export const EXAMPLE_MD = 'examples/carney-xi/carney-xi.md';

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'briefwright-'));
}

/**
 * Makes a folder a project whose `npx briefwright` runs this checkout's CLI, as it runs the installed
 * package's in a project (for the CI workflow examples).
 */
export function projectWithCli(dir: string): void {
  writeFileSync(join(dir, 'package.json'), '{ "name": "briefs", "private": true }\n');
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  const bin = join(dir, 'node_modules', '.bin', 'briefwright');
  writeFileSync(bin, `#!/bin/sh\nexec node ${resolve('dist/cli/main.js')} "$@"\n`);
  chmodSync(bin, 0o755);
}

/** The files of a folder, sorted. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** The text of each page of a PDF, read back with pdf.js. */
export async function pdfPages(bytes: Uint8Array): Promise<{
  pages: string[];
  info: Record<string, unknown>;
  outline: string[];
  outlinePages: (number | undefined)[];
}> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  const meta = await doc.getMetadata();
  const entries = (await doc.getOutline()) ?? [];
  const outline = entries.map((entry) => entry.title);
  const outlinePages = await Promise.all(
    entries.map(async (entry) => {
      const dest =
        typeof entry.dest === 'string' ? await doc.getDestination(entry.dest) : entry.dest;
      const ref = Array.isArray(dest) ? dest[0] : undefined;
      return ref && typeof ref === 'object'
        ? (await doc.getPageIndex(ref as never)) + 1
        : undefined;
    }),
  );
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, outline, outlinePages };
}

/** The parts of a PPTX and a reader for each. */
export async function pptxParts(
  bytes: Uint8Array,
): Promise<{ names: string[]; read: (name: string) => Promise<string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).sort();
  return {
    names,
    read: async (name) => {
      const file = zip.file(name);
      if (!file) throw new Error(`no part ${name}`);
      return file.async('string');
    },
  };
}

/** Texts of `<a:t>` elements of slide XML, joined by spaces. */
export function slideText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1] ?? '')).join(' ');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Slide part names in slide order. */
export function slideNames(
  names: readonly string[],
  kind: 'slides' | 'notesSlides' = 'slides',
): string[] {
  const prefix = kind === 'slides' ? 'ppt/slides/slide' : 'ppt/notesSlides/notesSlide';
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.xml'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
}

/** The parts of the seed article a reader must find: headings, bullets and table cells, in order. */
export function seedParts(): {
  headings: string[];
  bullets: string[];
  cells: string[];
  ordered: string[];
  prose: string[];
} {
  const lines = readFileSync('test/fixtures/seed/carney-xi-article.txt', 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const headings: string[] = [];
  const bullets: string[] = [];
  const cells: string[] = [];
  const ordered: string[] = [];
  const prose: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.startsWith('- ')) {
      bullets.push(line.slice(2));
      ordered.push(line.slice(2));
    } else if (line.startsWith('|')) {
      if (/^\|[-|\s:]+\|$/.test(line)) continue;
      const row = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      cells.push(...row);
      ordered.push(...row);
    } else if (index > 0 && !/[.:!?]$/.test(line) && line.length < 120) {
      headings.push(line);
      ordered.push(line);
    } else {
      prose.push(line);
    }
  }
  return { headings, bullets, cells, ordered, prose };
}

/** Whether every needle occurs in the text in order; returns the first one missing. */
export function firstMissingInOrder(text: string, needles: readonly string[]): string | undefined {
  const flat = text.replace(/\s+/g, ' ');
  let from = 0;
  for (const needle of needles) {
    const at = flat.indexOf(needle.replace(/\s+/g, ' '), from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return undefined;
}

/** The BriefwrightError a call throws (or rejects with); fails the test if it throws nothing or something else. */
export async function caughtError(run: () => unknown): Promise<BriefwrightError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error('expected a BriefwrightError');
}

/** Every structure element (tagged PDF) of every page, as `role` or `role[alt]`, in order. */
export async function pdfStructure(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const roles: string[] = [];
  interface Node {
    role?: string;
    alt?: string;
    children?: Node[];
  }
  const visit = (node: Node | null | undefined) => {
    if (!node) return;
    if (node.role) roles.push(node.alt ? `${node.role}[${node.alt}]` : node.role);
    for (const child of node.children ?? []) visit(child);
  };
  for (let i = 1; i <= doc.numPages; i++)
    visit((await (await doc.getPage(i)).getStructTree()) as Node);
  await doc.destroy();
  return roles;
}

/** Runs the CLI in-process, capturing what it prints; `isTTY` makes stderr a terminal. */
export async function runCliCaptured(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  isTTY = false,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY },
    env,
  });
  return { code, stdout, stderr };
}

/** Every link annotation of a PDF as pdf.js reads it: its external URL, or its internal destination. */
export async function pdfLinks(
  bytes: Uint8Array,
): Promise<{ url?: string | undefined; dest?: unknown }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const links: { url?: string | undefined; dest?: unknown }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const annotations = (await (await doc.getPage(i)).getAnnotations()) as {
      subtype?: string;
      url?: string;
      unsafeUrl?: string;
      dest?: unknown;
    }[];
    for (const a of annotations) {
      if (a.subtype !== 'Link') continue;
      links.push({ url: a.unsafeUrl ?? a.url, dest: a.dest });
    }
  }
  await doc.destroy();
  return links;
}

/** Every external relationship target of a deck (hyperlinks), from every part's relationships. */
export async function pptxExternalTargets(bytes: Uint8Array): Promise<string[]> {
  const { names, read } = await pptxParts(bytes);
  const targets: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    const xml = await read(name);
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/TargetMode="External"/.test(m[0])) continue;
      targets.push(decodeXml(/Target="([^"]*)"/.exec(m[0])?.[1] ?? ''));
    }
  }
  return targets;
}

/**
 * The well-formedness errors of every XML part of an OOXML package (a deck, and the workbook of each of
 * its charts), read with a strict XML 1.0 parser: `part: message`. Empty for a well-formed package.
 */
export function ooxmlXmlErrors(bytes: Uint8Array, prefix = ''): string[] {
  const errors: string[] = [];
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (name.endsWith('.xlsx') || name.endsWith('.docx')) {
      errors.push(...ooxmlXmlErrors(data, `${prefix}${name}!`));
      continue;
    }
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      errors.push(`${prefix}${name}: not valid UTF-8`);
      continue;
    }
    const parser = new SaxesParser({ xmlns: true });
    let first: string | undefined;
    parser.on('error', (error) => {
      first ??= error.message;
    });
    try {
      parser.write(text).close();
    } catch (error) {
      first ??= error instanceof Error ? error.message : String(error);
    }
    if (first) errors.push(`${prefix}${name}: ${first}`);
  }
  return errors;
}

/**
 * What an OOXML package names but does not hold: each internal relationship's target that is no part
 * (`source → target`), each content-type override for no part, and each part without a content type.
 * Empty for a whole package.
 */
export function ooxmlDangling(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes);
  const found: string[] = [];
  const types = new TextDecoder().decode(parts['[Content_Types].xml'] ?? new Uint8Array());
  const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]));
  const defaults = new Set(
    [...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1]?.toLowerCase()),
  );
  for (const override of overrides)
    if (override && !parts[override]) found.push(`[Content_Types].xml: /${override} is not held`);
  for (const name of Object.keys(parts)) {
    if (name.endsWith('/') || name === '[Content_Types].xml') continue;
    const extension = name.split('.').pop()?.toLowerCase();
    if (!overrides.has(name) && !defaults.has(extension)) found.push(`${name}: no content type`);
    if (!name.endsWith('.rels')) continue;
    // A part's relationships sit in `_rels/` beside it; the package's own (`_rels/.rels`) at the root.
    const folder = name.slice(0, name.lastIndexOf('_rels/'));
    for (const [tag] of new TextDecoder().decode(parts[name]).matchAll(/<Relationship [^>]*>/g)) {
      if (/TargetMode="External"/.test(tag)) continue;
      const target = /Target="([^"]+)"/.exec(tag)?.[1] ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `${folder}${target}`;
      const resolved: string[] = [];
      for (const piece of path.split('/'))
        if (piece === '..') resolved.pop();
        else if (piece !== '.') resolved.push(piece);
      if (!parts[resolved.join('/')]) found.push(`${name} → ${target}`);
    }
  }
  return found;
}

/** The images pdf.js paints on each page of a PDF, decoded to RGBA (soft masks applied), in order. */
export async function pdfImagesRgba(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; rgba: number[] }[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
  }).promise;
  const images: { width: number; height: number; rgba: number[] }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    for (const [index, fn] of ops.fnArray.entries()) {
      if (fn !== OPS.paintImageXObject) continue;
      const name = String((ops.argsArray[index] as unknown[])[0]);
      const image = await new Promise<{
        width: number;
        height: number;
        kind: number;
        data: Uint8Array;
      }>((resolve) => page.objs.get(name, resolve));
      // Kinds: 1 packed 1-bit grey (rows padded to bytes), 2 RGB, 3 RGBA.
      const rgba: number[] = [];
      const rowBytes = Math.ceil(image.width / 8);
      for (let p = 0; p < image.width * image.height; p++) {
        const { data } = image;
        if (image.kind === 1) {
          const x = p % image.width;
          const at = Math.floor(p / image.width) * rowBytes + (x >> 3);
          const v = ((data[at] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
          rgba.push(v, v, v, 255);
        } else {
          const step = image.kind === 3 ? 4 : 3;
          const at = p * step;
          const alpha = step === 4 ? (data[at + 3] ?? 0) : 255;
          rgba.push(data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0, alpha);
        }
      }
      images.push({ width: image.width, height: image.height, rgba });
    }
  }
  await doc.destroy();
  return images;
}

/** The lines of a scripts fixture's body (`test/fixtures/scripts/<name>.md`), front matter and headings aside. */
export function scriptLines(name: string): string[] {
  return readFileSync(`test/fixtures/scripts/${name}.md`, 'utf8')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
}
