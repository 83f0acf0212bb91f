import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../../src/index.js';
import { readDeckTemplate } from '../../../src/render/pptx/template/read.js';
import { officeShapedTemplate } from '../../fixtures/templates/officeShaped.js';
import { EXAMPLE_YAML, ooxmlDangling, ooxmlXmlErrors, tempDir } from '../../helpers.js';
import { everythingFixture } from '../formatFixture.js';

const text = (parts: Record<string, Uint8Array>, name: string) =>
  strFromU8(parts[name] ?? new Uint8Array());
const edit = (parts: Record<string, Uint8Array>, name: string, change: (xml: string) => string) => {
  parts[name] = strToU8(change(text(parts, name)));
};
const slides = (parts: Record<string, Uint8Array>) =>
  Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
    .map((n) => text(parts, n));

describe('a template shaped as PowerPoint saves one', () => {
  const template = officeShapedTemplate();
  let file: string;
  let parts: Record<string, Uint8Array>;
  let bytes: Uint8Array;
  let codes: string[];
  beforeAll(async () => {
    file = join(tempDir(), 'harbour.potx');
    writeFileSync(file, template);
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'], pptxTemplate: file });
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    parts = unzipSync(bytes);
    codes = result.warnings.map((w) => w.code);
  });

  it('reads boxes the layouts inherit from the master, content placeholders and backgrounds', () => {
    const read = readDeckTemplate(template, 'harbour.potx');
    const content = read.layouts.find((l) => l.name === 'Title and Content');
    // Neither placeholder is placed by the layout: both boxes are the master's.
    expect(content?.placeholders.map((p) => [p.type, p.idx])).toEqual([
      ['title', undefined],
      ['obj', 1],
      ['dt', 10],
      ['ftr', 11],
      ['sldNum', 12],
    ]);
    expect(content?.placeholders[0]?.box?.y).toBeCloseTo(365125 / 914400, 3);
    expect(content?.placeholders[1]?.box?.h).toBeCloseTo(4351338 / 914400, 3);
    expect(content?.placeholders[4]?.box?.x).toBeCloseTo(8610600 / 914400, 3);
    const cover = read.layouts.find((l) => l.name === 'Title Slide');
    expect(cover?.placeholders.map((p) => p.type).slice(0, 2)).toEqual(['ctrTitle', 'subTitle']);
    // The master's background is the theme's light 1 through its colour map (bg1 → lt1).
    expect(cover?.background).toBe('#FFFFFF');
    expect(read.fonts).toEqual({ major: 'Calibri Light', minor: 'Calibri' });
    // Sizes: the title layout's own (60 pt), else the master's text styles (44 pt titles, 28 pt body).
    expect(cover?.placeholders[0]?.size).toBe(60);
    expect(content?.placeholders.slice(0, 2).map((p) => p.size)).toEqual([44, 28]);
  });

  it('sets titles and bodies at most at the template’s sizes, unless the theme sets its own', async () => {
    const largest = (xml: string, name: string) =>
      Math.max(
        ...[...xml.matchAll(new RegExp(`name="${name}"[\\s\\S]*?</p:sp>`, 'g'))].flatMap((m) =>
          [...m[0].matchAll(/ sz="(\d+)"/g)].map((z) => Number(z[1]) / 100),
        ),
      );
    const all = slides(parts);
    const content = all.filter((xml) => xml.includes('name="Body"'));
    expect(Math.max(...content.map((xml) => largest(xml, 'Title')))).toBe(44);
    expect(Math.max(...content.map((xml) => largest(xml, 'Body')))).toBeLessThanOrEqual(28);
    // Bodies start at the top of their placeholder, and no rule of LOOK.md's is drawn under titles.
    for (const xml of content) {
      expect(/name="Body"[\s\S]*?<a:bodyPr [^>]*anchor="(\w+)"/.exec(xml)?.[1]).toBe('t');
      const fills = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
        .map((m) => m[0])
        .filter((sp) => !sp.includes('<a:t>') && /<p:spPr>[\s\S]*?<a:solidFill>/.test(sp));
      expect(fills).toEqual([]);
    }
    const theme = join(tempDir(), 'sized.json');
    writeFileSync(theme, JSON.stringify({ deck: { template: file, titleSize: 30 } }));
    const own = await render(EXAMPLE_YAML, { formats: ['pptx'], theme });
    const ownSlides = slides(unzipSync(own.outputs[0]?.bytes ?? new Uint8Array()));
    const titled = ownSlides.filter((xml) => xml.includes('name="Body"'));
    expect(Math.max(...titled.map((xml) => largest(xml, 'Title')))).toBe(30);
  });

  it('measures Calibri with its metric twin, Carlito, without a warning', () => {
    expect(codes).not.toContain('TEMPLATE_FONT_UNMEASURED');
    expect(codes).not.toContain('TEMPLATE_LAYOUT_MISSING');
    expect(slides(parts).join('')).toContain('typeface="Calibri"');
  });

  it('fills the title slide’s centred title and subtitle, and the content layout’s untyped body', () => {
    const [cover = '', ...rest] = slides(parts);
    expect(cover).toMatch(
      /name="Title"[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph type="ctrTitle"\/>/,
    );
    expect(cover).toMatch(
      /name="Subtitle"[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph type="subTitle" idx="1"\/>/,
    );
    // On the white title layout the title is in the accent, not in white.
    expect(/name="Title"[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/.exec(cover)?.[1]).toBe('1F5F99');
    // The title where the layout's title sits, centred as it is centred; the section's title in the
    // section layout's title placeholder and its lead in the layout's text placeholder.
    expect(frameOf(cover, 'Title')).toEqual([1524000, 1122363, 9144000, 2387600]);
    expect(cover).toMatch(/name="Title"[\s\S]*?<a:pPr [^>]*algn="ctr"/);
    const section = rest.find((xml) => xml.includes('<p:ph type="body" idx="1"/>')) ?? '';
    expect(frameOf(section, 'Title')).toEqual([831850, 1709738, 10515600, 2852737]);
    expect(frameOf(section, 'Subtitle')?.slice(0, 3)).toEqual([831850, 4589463, 10515600]);
    expect(
      rest.some((xml) =>
        /name="Body"[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph idx="1"\/>/.test(xml),
      ),
    ).toBe(true);
  });

  it('shows the layout’s date, footer and slide number on every slide but the first and last', () => {
    const all = slides(parts);
    for (const [i, xml] of all.entries()) {
      const numbers = xml.match(/<p:ph type="sldNum"/g) ?? [];
      if (i === 0 || i === all.length - 1) {
        expect(numbers, `slide ${i + 1}`).toEqual([]);
        continue;
      }
      // One number: the layout's, as a field showing the slide's number (pptxgenjs's own is gone).
      expect(numbers, `slide ${i + 1}`).toHaveLength(1);
      expect(xml).toContain(`<p:ph type="sldNum" idx="12"/>`);
      expect(xml).toMatch(new RegExp(`type="slidenum"><a:rPr lang="[^"]+"/><a:t>${i + 1}</a:t>`));
      expect(xml).toMatch(/<p:ph type="dt" idx="10"\/>[\s\S]*?<a:t>24 November 2026<\/a:t>/);
      expect(xml).toMatch(
        /<p:ph type="ftr" idx="11"\/>[\s\S]*?<a:t>Example Institute for Policy Studies<\/a:t>/,
      );
    }
  });

  it('keeps the master’s logo and drops the example slide and the template’s custom properties', () => {
    expect(parts['ppt/media/image1.png']).toBeDefined();
    expect(slides(parts).join('')).not.toContain('Example:');
    expect(parts['docProps/custom.xml']).toBeUndefined();
    expect(text(parts, '_rels/.rels')).not.toContain('custom.xml');
    expect(ooxmlXmlErrors(bytes)).toEqual([]);
    expect(ooxmlDangling(bytes)).toEqual([]);
  });

  it('keeps the template’s own slides after the deck’s when the theme asks', async () => {
    const theme = join(tempDir(), 'keep.json');
    writeFileSync(theme, JSON.stringify({ deck: { template: file, keepTemplateSlides: true } }));
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'], theme });
    const kept = result.outputs[0]?.bytes ?? new Uint8Array();
    const keptParts = unzipSync(kept);
    const all = slides(keptParts);
    expect(all).toHaveLength(slides(parts).length + 1);
    expect(all.at(-1)).toContain('Example: Quarterly review');
    const last = `ppt/slides/_rels/slide${all.length}.xml.rels`;
    expect(text(keptParts, last)).toContain('Target="../slideLayouts/slideLayout1.xml"');
    expect(text(keptParts, 'ppt/presentation.xml').match(/<p:sldId /g)).toHaveLength(all.length);
    expect(ooxmlXmlErrors(kept)).toEqual([]);
    expect(ooxmlDangling(kept)).toEqual([]);
  });

  it('puts a figure slide’s picture in the layout’s picture placeholder, with its image there', async () => {
    const dir = dirname(everythingFixture());
    const input = join(dir, 'figure.md');
    writeFileSync(
      input,
      '---\ntitle: Figures\n---\n\n## A figure\n\n![A small square](square.png)\n',
    );
    const result = await render(input, { formats: ['pptx'], pptxTemplate: file });
    const deck = result.outputs[0]?.bytes ?? new Uint8Array();
    const figure = slides(unzipSync(deck)).find((xml) => xml.includes('descr="A small square"'));
    expect(figure).toMatch(
      /name="Picture" descr="A small square"[\s\S]*?<p:nvPr><p:ph type="pic" idx="1"\/><\/p:nvPr>/,
    );
    // The picture's relationship names the medium the deck holds.
    expect(ooxmlDangling(deck)).toEqual([]);
  });

  it('sets text light on a template whose layouts are dark, with an accent that stands out', async () => {
    // The same template with the master's background in dark 2 (#17324D).
    const dark = unzipSync(template);
    const master = 'ppt/slideMasters/slideMaster1.xml';
    dark[master] = strToU8(
      text(dark, master).replace(
        '<a:schemeClr val="bg1"/></p:bgRef>',
        '<a:schemeClr val="tx2"/></p:bgRef>',
      ),
    );
    const darkFile = join(tempDir(), 'night.potx');
    writeFileSync(darkFile, zipSync(dark));
    expect(readDeckTemplate(zipSync(dark), darkFile).layouts[1]?.background).toBe('#17324D');
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'], pptxTemplate: darkFile });
    const all = slides(unzipSync(result.outputs[0]?.bytes ?? new Uint8Array()));
    const colour = (xml: string, name: string) =>
      new RegExp(`name="${name}"[\\s\\S]*?<a:srgbClr val="([0-9A-F]{6})"`).exec(xml)?.[1];
    // The cover's title in light 1; a content slide's body in light 1 and its title in accent 2
    // (accent 1, #1F5F99, has 2:1 contrast on the background; accent 2, #D9822B, 4.4:1).
    expect(colour(all[0] ?? '', 'Title')).toBe('FFFFFF');
    const body = all.find((xml) => xml.includes('name="Body"')) ?? '';
    expect(colour(body, 'Body')).toBe('FFFFFF');
    expect(colour(body, 'Title')).toBe('D9822B');
  });

  it('sets slide titles in the heading font where it can be measured (Cambria, by Caladea)', async () => {
    const cambria = unzipSync(template);
    edit(cambria, 'ppt/theme/theme1.xml', (xml) => xml.replace('"Calibri Light"', '"Cambria"'));
    const cambriaFile = join(tempDir(), 'cambria.potx');
    writeFileSync(cambriaFile, zipSync(cambria));
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'], pptxTemplate: cambriaFile });
    expect(result.warnings.map((w) => w.code)).not.toContain('TEMPLATE_FONT_UNMEASURED');
    const all = slides(unzipSync(result.outputs[0]?.bytes ?? new Uint8Array()));
    const face = (xml: string, name: string) =>
      new RegExp(`name="${name}"[\\s\\S]*?<a:latin typeface="([^"]+)"`).exec(xml)?.[1];
    const content = all.find((xml) => xml.includes('name="Body"')) ?? '';
    expect(face(content, 'Title')).toBe('Cambria');
    expect(face(content, 'Body')).toBe('Calibri');
    expect(face(all[0] ?? '', 'Title')).toBe('Cambria');
    // Calibri Light has no metric twin: titles stay in the body font, measured.
    expect(face(slides(parts).find((xml) => xml.includes('name="Body"')) ?? '', 'Title')).toBe(
      'Calibri',
    );
  });
});

/** A named shape's frame in EMU, snapped to the layout's values within 1,000 (pptxgenjs rounds through inches). */
function frameOf(xml: string, name: string): number[] | undefined {
  const shape = new RegExp(
    `name="${name}"[\\s\\S]*?<a:off x="(\\d+)" y="(\\d+)"/>\\s*<a:ext cx="(\\d+)" cy="(\\d+)"/>`,
  ).exec(xml);
  const exact = [1524000, 1122363, 9144000, 2387600, 831850, 1709738, 10515600, 2852737, 4589463];
  return shape?.slice(1).map((v) => exact.find((e) => Math.abs(e - Number(v)) < 1000) ?? Number(v));
}
