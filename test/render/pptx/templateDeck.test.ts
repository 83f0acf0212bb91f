import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../../src/index.js';
import {
  caughtError,
  EXAMPLE_YAML,
  ooxmlDangling,
  ooxmlXmlErrors,
  tempDir,
} from '../../helpers.js';

const CORPORATE = 'examples/templates/corporate-16x9.potx';
const CLASSIC = 'examples/templates/classic-4x3.potx';

const partsOf = (bytes: Uint8Array) => unzipSync(bytes);
const text = (parts: Record<string, Uint8Array>, name: string) =>
  strFromU8(parts[name] ?? new Uint8Array());
const slidesOf = (parts: Record<string, Uint8Array>) =>
  Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));

/** The name of the layout each slide uses, through its relationship. */
function layoutNames(parts: Record<string, Uint8Array>): string[] {
  return slidesOf(parts).map((slide) => {
    const rels = text(parts, slide.replace('slides/', 'slides/_rels/').concat('.rels'));
    const target = /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)?.[1] ?? '';
    return (
      /<p:cSld\b[^>]*\bname="([^"]*)"/.exec(text(parts, `ppt/slideLayouts/${target}`))?.[1] ?? '?'
    );
  });
}

describe.each([
  [
    'the corporate 16:9 template, mapped by the theme',
    { theme: 'examples/templates/corporate-theme.json' },
    CORPORATE,
  ],
  ['the classic 4:3 template, by PowerPoint’s names', { pptxTemplate: CLASSIC }, CLASSIC],
] as const)('the sample deck on %s', (_, options, file) => {
  let bytes: Uint8Array;
  let parts: Record<string, Uint8Array>;
  let template: Record<string, Uint8Array>;
  let warnings: string[];
  beforeAll(async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'], ...options });
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    warnings = result.warnings.map((w) => w.code);
    parts = partsOf(bytes);
    template = partsOf(new Uint8Array(readFileSync(file)));
  });

  it('puts every slide on a layout of the template, its title and body in the layout’s placeholders', () => {
    const templateLayouts = Object.keys(template).filter((n) =>
      n.startsWith('ppt/slideLayouts/slideLayout'),
    );
    const names = layoutNames(parts);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names)
      expect(
        templateLayouts.map((l) => /<p:cSld\b[^>]*\bname="([^"]*)"/.exec(text(template, l))?.[1]),
      ).toContain(name);
    for (const slide of slidesOf(parts).slice(1, -1))
      expect(text(parts, slide), slide).toMatch(
        /name="Title"[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph type="title"\/><\/p:nvPr>/,
      );
    expect(warnings).not.toContain('TEMPLATE_LAYOUT_MISSING');
    // A text slide's body is the layout's body placeholder (by its index).
    const bodies = slidesOf(parts)
      .map((s) => text(parts, s))
      .filter((xml) => xml.includes('name="Body"'));
    expect(bodies.length).toBeGreaterThan(0);
    // The title slide's subtitle in the layout's subtitle (or only body) placeholder.
    expect(text(parts, slidesOf(parts)[0] ?? '')).toMatch(
      /name="Subtitle"[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph type="(?:subTitle|body)"(?: idx="\d+")?\/><\/p:nvPr>/,
    );
    for (const xml of bodies)
      expect(xml).toMatch(
        /name="Body"[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph type="body" idx="\d+"\/><\/p:nvPr>/,
      );
  });

  it('keeps the template’s masters, layouts and theme as they are, and none of its example slides', () => {
    for (const name of Object.keys(template).filter((n) =>
      /^ppt\/(slideMasters|slideLayouts|theme)\//.test(n),
    ))
      expect(Buffer.from(parts[name] ?? []).equals(Buffer.from(template[name] ?? [])), name).toBe(
        true,
      );
    const all = slidesOf(parts)
      .map((s) => text(parts, s))
      .join('');
    expect(all).not.toContain('Example:');
    expect(text(parts, '[Content_Types].xml')).toContain('presentationml.presentation.main+xml');
    expect(text(parts, '[Content_Types].xml')).not.toContain('template.main+xml');
    expect(ooxmlXmlErrors(bytes)).toEqual([]);
    // Every relationship's target is there (a template's custom properties were once named, not held).
    expect(ooxmlDangling(bytes)).toEqual([]);
  });

  it('has the template’s slide size and colours', () => {
    expect(text(parts, 'ppt/presentation.xml')).toContain(
      /<p:sldSz [^>]*\/>/.exec(text(template, 'ppt/presentation.xml'))?.[0] ?? 'x',
    );
    const accent = /<a:accent1><a:srgbClr val="([0-9A-F]{6})"/.exec(
      text(template, 'ppt/theme/theme1.xml'),
    )?.[1];
    const chartOrTable =
      slidesOf(parts)
        .map((s) => text(parts, s))
        .join('') +
      Object.keys(parts)
        .filter((n) => n.startsWith('ppt/charts/chart'))
        .map((n) => text(parts, n))
        .join('');
    expect(chartOrTable).toContain(`<a:srgbClr val="${accent}"`);
  });

  it('is byte-identical on a second render', async () => {
    const again = await render(EXAMPLE_YAML, { formats: ['pptx'], ...options });
    expect(Buffer.from(again.outputs[0]?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('a deck on a template that lacks layouts, or on a file that is no template', () => {
  it('takes a layout by its placeholders where no name finds one, with a warning naming it', async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'], pptxTemplate: CORPORATE });
    const codes = result.warnings.map((w) => w.code);
    expect(codes).not.toContain('TEMPLATE_LAYOUT_MISSING');
    const guessed = result.warnings.find((w) => w.code === 'TEMPLATE_LAYOUT_GUESSED');
    expect(guessed?.message).toContain('text on "Body – One Column"');
    expect(guessed?.message).toContain('two on "Body – Two Columns"');
    expect(guessed?.file).toBe(resolve(CORPORATE));
    expect(layoutNames(partsOf(result.outputs[0]?.bytes ?? new Uint8Array()))).toContain(
      'Body – One Column',
    );
  });

  it('falls back to the layout with only a title, with a warning naming what it lacks', async () => {
    // The corporate template with its body layouts holding pictures: nothing to put text in.
    const parts = partsOf(new Uint8Array(readFileSync(CORPORATE)));
    for (const name of ['ppt/slideLayouts/slideLayout4.xml', 'ppt/slideLayouts/slideLayout5.xml'])
      parts[name] = strToU8(text(parts, name).replace(/type="body"/g, 'type="pic"'));
    const file = `${tempDir()}/pictures.potx`;
    writeFileSync(file, zipSync(parts));
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'], pptxTemplate: file });
    const warning = result.warnings.find((w) => w.code === 'TEMPLATE_LAYOUT_MISSING');
    expect(warning?.message).toMatch(
      /has no layout for text \("Title and Content" or "Title, Content" or "Content"\)/,
    );
    expect(warning?.file).toBe(file);
    const bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    expect(layoutNames(partsOf(bytes))).toContain('Headline Only');
    expect(ooxmlDangling(bytes)).toEqual([]);
  });

  it('refuses a file that is not a template, or is encrypted, with THEME_INVALID naming it', async () => {
    const dir = tempDir();
    const notDeck = `${dir}/notes.potx`;
    writeFileSync(notDeck, 'plain text');
    const error = await caughtError(() =>
      render(EXAMPLE_YAML, { formats: ['pptx'], pptxTemplate: notDeck }),
    );
    expect([error.code, error.file]).toEqual(['THEME_INVALID', notDeck]);
    const locked = `${dir}/locked.potx`;
    writeFileSync(
      locked,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    );
    const encrypted = await caughtError(() =>
      render(EXAMPLE_YAML, { formats: ['pptx'], pptxTemplate: locked }),
    );
    expect([encrypted.code, encrypted.file]).toEqual(['THEME_INVALID', locked]);
    expect(encrypted.message).toContain('encrypted');
  });
});
