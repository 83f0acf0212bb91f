import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RenderOptions, render } from '../../src/index.js';
import { readDeckTemplate, type TemplateBox } from '../../src/render/pptx/template/read.js';
import { officeShapedTemplate } from '../fixtures/templates/officeShaped.js';
import { EXAMPLE_YAML, pptxParts, slideNames, tempDir } from '../helpers.js';

/**
 * Nothing overflows, as LibreOffice lays the deck out: every word pdftotext finds on a converted slide
 * lies inside a frame of that slide whose text holds the word (a chart's frame holds any of its words;
 * the master's footer frames hold the footer and the slide number).
 */
function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}
const required = process.env.BRIEFWRIGHT_REQUIRE_TOOLS === '1';
const missing = ['soffice', 'pdftotext'].filter((tool) => !has(tool));
if (required && missing.length > 0) throw new Error(`deck frame tests need ${missing.join(', ')}`);

const EMU_PER_POINT = 12700;
/** How far a word's box may stand outside its frame, in points (rounding of glyph boxes). */
const TOLERANCE = 2;

interface Frame {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** The frame's text without spaces; undefined for a chart, which holds any word. */
  readonly text: string | undefined;
}

interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const fromXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The frames of a slide or a layout part: shapes and graphic frames, in points. A placeholder the
 * slide does not place takes its layout's box (`inherited`, by type and index).
 */
function framesOf(
  xml: string,
  inherited: (type: string, idx: number | undefined) => TemplateBox | undefined = () => undefined,
): Frame[] {
  return [...xml.matchAll(/<p:(sp|graphicFrame)>([\s\S]*?)<\/p:\1>/g)].flatMap((m) => {
    const inner = m[2] ?? '';
    const ph = /<p:ph\b([^>]*)\/>/.exec(inner)?.[1];
    const box =
      ph === undefined || inner.includes('<a:off ')
        ? undefined
        : inherited(
            /type="(\w+)"/.exec(ph)?.[1] ?? 'obj',
            /idx="(\d+)"/.test(ph) ? Number(/idx="(\d+)"/.exec(ph)?.[1]) : undefined,
          );
    const inch = (v: number) => String(Math.round(v * 914400));
    const off = box
      ? ['', inch(box.x), inch(box.y)]
      : /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(inner);
    const ext = box
      ? ['', inch(box.w), inch(box.h)]
      : /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(inner);
    if (!off || !ext) return [];
    const chart = inner.includes('drawingml/2006/chart');
    // A table is as tall as its rows (its frame's own height is not what viewers lay out).
    const rows = [...inner.matchAll(/<a:tr h="(\d+)"/g)].map((r) => Number(r[1]));
    const text = [...inner.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
      .map((t) => fromXml(t[1] ?? ''))
      .join('');
    return [
      {
        x: Number(off[1]) / EMU_PER_POINT,
        y: Number(off[2]) / EMU_PER_POINT,
        w: Number(ext[1]) / EMU_PER_POINT,
        h: (rows.length > 0 ? rows.reduce((a, b) => a + b, 0) : Number(ext[2])) / EMU_PER_POINT,
        text: chart ? undefined : squeeze(text),
      },
    ];
  });
}

/** The words pdftotext finds on each page, with their boxes in points. */
function wordsByPage(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: fromXml(m[5] ?? ''),
      })),
    );
}

/**
 * Whether a word lies in a frame: across, its whole box; down, the core of its box (pdftotext's boxes
 * run from the font's highest to its lowest point, well beyond the line's own height).
 */
const inside = (word: Word, frame: Frame) => {
  const core = (word.yMax - word.yMin) * 0.3;
  const middle = (word.yMin + word.yMax) / 2;
  return (
    word.xMin >= frame.x - TOLERANCE &&
    word.xMax <= frame.x + frame.w + TOLERANCE &&
    middle - core >= frame.y - TOLERANCE &&
    middle + core <= frame.y + frame.h + TOLERANCE
  );
};

/** Bullets and list numbers a viewer draws itself: they are in no frame's text. */
const MARKER = /^(?:[•◦▪–-]|\d+[.)])$/;

/** Words that lie in no frame of theirs, per slide: "slide 3: 'word' at y 412". */
async function overflowing(bytes: Uint8Array, pdf: string): Promise<string[]> {
  const parts = await pptxParts(bytes);
  const pages = wordsByPage(pdf);
  // The deck read as a template: each layout's placeholders with their boxes (the master's where the
  // layout does not place them).
  const layouts = readDeckTemplate(bytes, 'deck.pptx').layouts;
  const problems: string[] = [];
  const slides = slideNames(parts.names);
  for (const [index, name] of slides.entries()) {
    const xml = await parts.read(name);
    const rels = await parts.read(
      name.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'),
    );
    const layout = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels)?.[1];
    const placeholders = layouts.find((l) => l.part === `ppt/slideLayouts/${layout}`)?.placeholders;
    const own = framesOf(
      xml,
      (type, idx) =>
        placeholders?.find((p) => p.type === type && (idx === undefined || p.idx === idx))?.box,
    );
    const chrome = layout ? framesOf(await parts.read(`ppt/slideLayouts/${layout}`)) : [];
    for (const word of pages[index] ?? []) {
      // A number a viewer draws before a list item may run into the item’s first word ("1.A").
      const key = squeeze(word.text).replace(/^\d+[.)](?=.)/, '');
      const fits = own.some(
        (f) =>
          (f.text === undefined || f.text.includes(key) || MARKER.test(key)) && inside(word, f),
      );
      // The footer and the slide number live on the master.
      const footer = chrome.some(
        (f) => (/^\d+$/.test(key) || (f.text ?? '').includes(key)) && inside(word, f),
      );
      if (!fits && !footer)
        problems.push(
          `slide ${index + 1}: "${word.text}" at y ${word.yMin.toFixed(0)}–${word.yMax.toFixed(0)}`,
        );
    }
  }
  return problems;
}

const LONG = [
  '---',
  'title: A long deck to stress every layout, with a title that runs on over more than one line of the slide',
  'organization: Example Institute',
  '---',
  '',
  '# A section whose title is long enough to wrap over two lines or perhaps three on a wide slide',
  '',
  'The first sentence of the section. More follows.',
  '',
  '## Many bullets',
  '',
  ...Array.from(
    { length: 23 },
    (_, i) => `- Bullet ${i + 1} says something about trade, climate and people, at some length`,
  ),
  '',
  '::: keypoints {title="Key points"}',
  '- **15% more trade** over two years',
  '- **C$2.1 bn** of new investment in ports and rail',
  '- A point with no figure and no bold phrase, but with a long sentence that has to wrap in the card',
  '- **Three years** since the last visit',
  '- **Security** dialogue to open in the spring',
  ':::',
  '',
  '::: recommendations {title="Recommendations"}',
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `${i + 1}. Recommendation ${i + 1}: establish regular channels and review them every year`,
  ),
  ':::',
  '',
  '## A long table',
  '',
  '| Region | Share | Note |',
  '|---|--:|---|',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `| Region ${i} | ${i * 3}% | A note on region ${i} that is long enough to wrap in its cell |`,
  ),
  '',
  '## A wide table',
  '',
  `| Country | ${Array.from({ length: 9 }, (_, i) => `Indicator ${i + 1} measured`).join(' | ')} |`,
  `|${'---|'.repeat(10)}`,
  `| Canada | ${Array.from({ length: 9 }, (_, i) => `Value ${i + 1} with parts`).join(' | ')} |`,
  '',
  '::: callout {kind="warning" title="A caution"}',
  `${'A long caution that goes on. '.repeat(30)}`,
  ':::',
  '',
].join('\n');

describe.skipIf(missing.length > 0)('deck frames in LibreOffice', () => {
  const decks: { name: string; bytes: Uint8Array; pdf: string }[] = [];
  beforeAll(async () => {
    const dir = tempDir();
    const long = join(dir, 'long.md');
    writeFileSync(long, LONG);
    const corporate = { theme: 'examples/templates/corporate-theme.json' };
    const classic = { pptxTemplate: 'examples/templates/classic-4x3.potx' };
    // A template shaped as PowerPoint saves one, in Calibri (LibreOffice sets it in Carlito).
    const harbour = join(dir, 'harbour.potx');
    writeFileSync(harbour, officeShapedTemplate());
    const office = { pptxTemplate: harbour };
    // The same with Cambria for headings: titles set in it, measured by Caladea.
    const cambriaParts = unzipSync(officeShapedTemplate());
    cambriaParts['ppt/theme/theme1.xml'] = strToU8(
      strFromU8(cambriaParts['ppt/theme/theme1.xml'] ?? new Uint8Array()).replace(
        '"Calibri Light"',
        '"Cambria"',
      ),
    );
    const cambria = join(dir, 'cambria.potx');
    writeFileSync(cambria, zipSync(cambriaParts));
    // The corporate template as LibreOffice saves it: another program's package (masters of its own,
    // 72 layouts named "Title, Content"…).
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'pptx:Impress Office Open XML',
        '--outdir',
        dir,
        'examples/templates/corporate-16x9.potx',
      ],
      { timeout: 120_000 },
    );
    const saved = { pptxTemplate: join(dir, 'corporate-16x9.pptx') };
    const inputs: { name: string; input: string; options: RenderOptions }[] = [
      { name: 'sample', input: EXAMPLE_YAML, options: {} },
      { name: 'dense', input: EXAMPLE_YAML, options: { template: 'briefing-deck-dense' } },
      { name: 'long', input: long, options: {} },
      { name: 'long-dense', input: long, options: { template: 'briefing-deck-dense' } },
      { name: 'corporate', input: EXAMPLE_YAML, options: corporate },
      { name: 'classic', input: EXAMPLE_YAML, options: classic },
      { name: 'long-corporate', input: long, options: corporate },
      { name: 'office', input: EXAMPLE_YAML, options: office },
      { name: 'long-office', input: long, options: office },
      { name: 'long-cambria', input: long, options: { pptxTemplate: cambria } },
      { name: 'libreoffice-saved', input: EXAMPLE_YAML, options: saved },
    ];
    for (const { name, input, options } of inputs) {
      const result = await render(input, { formats: ['pptx'], ...options });
      const bytes = result.outputs[0]?.bytes ?? new Uint8Array();
      writeFileSync(join(dir, `${name}.pptx`), bytes);
      decks.push({ name, bytes, pdf: join(dir, `${name}.pdf`) });
    }
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...decks.map((d) => join(dir, `${d.name}.pptx`)),
      ],
      { timeout: 240_000 },
    );
  }, 300_000);

  it('keeps every word of the sample deck inside its frame', async () => {
    const deck = decks.find((d) => d.name === 'sample');
    expect(readFileSync(deck?.pdf ?? '').length).toBeGreaterThan(0);
    expect(await overflowing(deck?.bytes ?? new Uint8Array(), deck?.pdf ?? '')).toEqual([]);
  });

  it('keeps every word of the dense sample inside its frame', async () => {
    const deck = decks.find((d) => d.name === 'dense');
    expect(await overflowing(deck?.bytes ?? new Uint8Array(), deck?.pdf ?? '')).toEqual([]);
  });

  it('keeps every word inside its frame on the example templates and a PowerPoint-shaped one', async () => {
    for (const name of [
      'corporate',
      'classic',
      'long-corporate',
      'office',
      'long-office',
      'long-cambria',
      'libreoffice-saved',
    ]) {
      const deck = decks.find((d) => d.name === name);
      const bytes = deck?.bytes ?? new Uint8Array();
      // LibreOffice opened it: a page per slide, with the words on them.
      const pages = wordsByPage(deck?.pdf ?? '');
      expect(pages.length, name).toBe(slideNames((await pptxParts(bytes)).names).length);
      expect(pages.flat().length, name).toBeGreaterThan(200);
      expect(await overflowing(bytes, deck?.pdf ?? ''), name).toEqual([]);
    }
  });

  it('keeps every word of a long deck inside its frame, in both designs', async () => {
    for (const name of ['long', 'long-dense']) {
      const deck = decks.find((d) => d.name === name);
      expect(await overflowing(deck?.bytes ?? new Uint8Array(), deck?.pdf ?? ''), name).toEqual([]);
    }
  });
});
