import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/index.js';
import { readDeckTemplate } from '../../../src/render/pptx/template/read.js';
import { officeShapedTemplate } from '../../fixtures/templates/officeShaped.js';
import {
  caughtError,
  EXAMPLE_YAML,
  ooxmlDangling,
  ooxmlXmlErrors,
  tempDir,
} from '../../helpers.js';

// Templates crafted from the PowerPoint-shaped fixture as an attacker, or a careless tool, would make
// them: each gives a clear THEME_INVALID naming the file, or a whole deck, quickly.

type Parts = Record<string, Uint8Array>;
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const PRESENTATION = 'ppt/presentation.xml';
const TYPES = '[Content_Types].xml';
const read = (parts: Parts, name: string) => strFromU8(parts[name] ?? new Uint8Array());
const edit = (parts: Parts, name: string, change: (xml: string) => string) => {
  parts[name] = strToU8(change(read(parts, name)));
};

/** The fixture, changed, as a file; returns its path. */
function crafted(change: (parts: Parts) => void, name = 'crafted.potx'): string {
  const parts = unzipSync(officeShapedTemplate());
  change(parts);
  const file = join(tempDir(), name);
  writeFileSync(file, zipSync(parts));
  return file;
}

/** A deck on a template: its bytes, after checking it is whole. */
async function deckOn(file: string, keep = false): Promise<Parts> {
  const theme = join(tempDir(), 'theme.json');
  writeFileSync(theme, JSON.stringify({ deck: { template: file, keepTemplateSlides: keep } }));
  const result = await render(EXAMPLE_YAML, { formats: ['pptx'], theme });
  const bytes = result.outputs[0]?.bytes ?? new Uint8Array();
  expect(ooxmlXmlErrors(bytes)).toEqual([]);
  expect(ooxmlDangling(bytes)).toEqual([]);
  return unzipSync(bytes);
}

describe('a crafted template', () => {
  it('is read in time linear in its size (comments and unclosed shapes that regular expressions rescanned)', async () => {
    // 60,000 shapes opened in a comment at the end of the master's shapes once took 82 s (each was
    // rescanned to the part's end); linear scanning takes milliseconds.
    const file = crafted((parts) =>
      edit(parts, MASTER, (xml) =>
        xml.replace('</p:spTree>', `<!--${'<p:sp>'.repeat(60_000)}--></p:spTree>`),
      ),
    );
    const template = readDeckTemplate(new Uint8Array(readFileSync(file)), file);
    expect(template.layouts).toHaveLength(7);
    await deckOn(file);
  }, 30_000);

  it('keeps its slides whatever their relationship ids hold (once built into a regular expression)', async () => {
    const file = crafted((parts) => {
      edit(parts, PRESENTATION, (xml) => xml.replace('r:id="rId2"', 'r:id="(.|.)*Q"'));
      edit(parts, 'ppt/_rels/presentation.xml.rels', (xml) =>
        xml.replace('Id="rId2"', 'Id="(.|.)*Q"'),
      );
    });
    const deck = await deckOn(file, true);
    const slides = Object.keys(deck).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.some((n) => read(deck, n).includes('Example: Quarterly review'))).toBe(true);
  }, 30_000);

  it('is refused when it would inflate beyond 300 MB, from the sizes it declares', async () => {
    const bytes = zipSync(unzipSync(officeShapedTemplate()));
    // The central directory's entry for the logo claims 400 MB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < bytes.length - 46; at++)
      if (view.getUint32(at, true) === 0x02014b50) {
        const nameLength = view.getUint16(at + 28, true);
        const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
        if (name === 'ppt/media/image1.png') view.setUint32(at + 24, 400_000_000, true);
      }
    const error = await caughtError(() => readDeckTemplate(bytes, 'bomb.potx'));
    expect([error.code, error.file]).toEqual(['THEME_INVALID', 'bomb.potx']);
    expect(error.message).toContain('inflates to more than 300000000 bytes');
  });

  it('is refused when damaged, naming the file and what is missing', async () => {
    const cases: [string, (parts: Parts) => void, string][] = [
      ['no content types', (parts) => delete parts[TYPES], 'has no content types'],
      [
        'no master list',
        (parts) =>
          edit(parts, PRESENTATION, (xml) =>
            xml.replace(/<p:sldMasterIdLst>.*<\/p:sldMasterIdLst>/, ''),
          ),
        'lists no slide master',
      ],
      [
        'a layout without its master',
        (parts) => delete parts['ppt/slideLayouts/_rels/slideLayout2.xml.rels'],
        'ppt/slideLayouts/slideLayout2.xml has no slide master',
      ],
      [
        'a master naming a missing theme',
        (parts) => delete parts['ppt/theme/theme1.xml'],
        'ppt/slideMasters/slideMaster1.xml names ppt/theme/theme1.xml, which it does not hold',
      ],
      [
        'slides an inch wide',
        (parts) => edit(parts, PRESENTATION, (xml) => xml.replace('cx="12192000"', 'cx="914400"')),
        'outside 3 to 56 inches',
      ],
    ];
    for (const [label, change, message] of cases) {
      const parts = unzipSync(officeShapedTemplate());
      change(parts);
      const error = await caughtError(() => readDeckTemplate(zipSync(parts), 'damaged.potx'));
      expect([error.code, error.file], label).toEqual(['THEME_INVALID', 'damaged.potx']);
      expect(error.message, label).toContain(message);
    }
  });

  it('leaves macros, custom shows, sections and entries outside the package behind', async () => {
    const file = crafted((parts) => {
      parts['ppt/vbaProject.bin'] = strToU8('macro bytes');
      edit(parts, 'ppt/_rels/presentation.xml.rels', (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
      );
      edit(parts, TYPES, (xml) =>
        xml
          .replace(
            'presentationml.template.main+xml',
            'ms-powerpoint.template.macroEnabled.main+xml',
          )
          .replace(
            '<Default Extension="png"',
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png"',
          ),
      );
      edit(parts, PRESENTATION, (xml) =>
        xml
          .replace(
            '<p:sldSz',
            '<p:custShowLst><p:custShow name="Short" id="0"><p:sldLst><p:sld r:id="rId2"/></p:sldLst></p:custShow></p:custShowLst><p:sldSz',
          )
          .replace(
            '</p:presentation>',
            '<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"><p14:section name="Default" id="{00000000-0000-0000-0000-000000000001}"><p14:sldIdLst><p14:sldId id="256"/></p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst></p:presentation>',
          ),
      );
      parts['../../evil.txt'] = strToU8('outside');
    }, 'macros.potm');
    const deck = await deckOn(file);
    expect(Object.keys(deck).filter((n) => /vba|evil/.test(n))).toEqual([]);
    expect(read(deck, TYPES)).toContain('presentationml.presentation.main+xml');
    expect(read(deck, TYPES)).not.toContain('macroEnabled');
    expect(read(deck, PRESENTATION)).not.toMatch(/custShow|sectionLst/);
  });

  it('keeps an object embedded on a layout, and reads colours only from its own scheme', async () => {
    const file = crafted((parts) => {
      parts['ppt/embeddings/oleObject1.bin'] = strToU8('ole');
      edit(parts, 'ppt/slideLayouts/_rels/slideLayout2.xml.rels', (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="../embeddings/oleObject1.bin"/></Relationships>',
        ),
      );
      edit(parts, TYPES, (xml) =>
        xml.replace(
          '<Default Extension="png"',
          '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/><Default Extension="png"',
        ),
      );
      // A scheme colour named like an object's own property.
      edit(parts, 'ppt/slideLayouts/slideLayout3.xml', (xml) =>
        xml.replace(
          '<p:cSld name="Section Header">',
          '<p:cSld name="Section Header"><p:bg><p:bgPr><a:solidFill><a:schemeClr val="constructor"/></a:solidFill></p:bgPr></p:bg>',
        ),
      );
    });
    const deck = await deckOn(file);
    expect(deck['ppt/embeddings/oleObject1.bin']).toBeDefined();
  });

  it('keeps every frame on the slide when its content layout puts the title below the body', async () => {
    const file = crafted((parts) =>
      edit(parts, 'ppt/slideLayouts/slideLayout2.xml', (xml) =>
        xml.replace(
          '<p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr>',
          '<p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="838200" y="5486400"/><a:ext cx="10515600" cy="914400"/></a:xfrm>',
        ),
      ),
    );
    const deck = await deckOn(file);
    for (const name of Object.keys(deck).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)))
      for (const [, y, h] of read(deck, name).matchAll(
        /<a:off x="-?\d+" y="(-?\d+)"\/>\s*<a:ext cx="\d+" cy="(-?\d+)"\/>/g,
      ))
        expect(
          Number(y) >= 0 && Number(h) >= 0 && Number(y) + Number(h) <= 6858000,
          `${name}: ${y} + ${h}`,
        ).toBe(true);
  });

  it('reads names and boxes in single quotes, in any attribute order, ignoring comments', () => {
    const parts = unzipSync(officeShapedTemplate());
    edit(parts, 'ppt/slideLayouts/slideLayout5.xml', (xml) =>
      xml
        .replace(
          '<p:cSld name="Title Only">',
          '<!-- <p:cSld name="Old"> --><p:cSld name=\'Title &amp; Only\'>',
        )
        .replace(
          '<p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr>',
          "<p:ph type='title'/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off y='457200' x='914400'/><a:ext cy='914400' cx='9144000'/></a:xfrm>",
        ),
    );
    const layout = readDeckTemplate(zipSync(parts), 'quotes.potx').layouts[4];
    expect(layout?.name).toBe('Title & Only');
    expect(layout?.placeholders[0]?.box).toEqual({ x: 1, y: 0.5, w: 10, h: 1 });
  });

  it('takes colours and fonts from the theme of the master its content layout is on', async () => {
    // A second theme (navy, gold, Cambria) for the only master: its scheme, not the first theme file's.
    const file = crafted((parts) => {
      parts['ppt/theme/theme2.xml'] = strToU8(
        read(parts, 'ppt/theme/theme1.xml')
          .replace('<a:srgbClr val="1F5F99"/></a:accent1>', '<a:srgbClr val="C99A2E"/></a:accent1>')
          .replace('"Calibri"', '"Cambria"'),
      );
      edit(parts, 'ppt/slideMasters/_rels/slideMaster1.xml.rels', (xml) =>
        xml.replace('../theme/theme1.xml', '../theme/theme2.xml'),
      );
      edit(parts, TYPES, (xml) =>
        xml.replace(
          '</Types>',
          '<Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>',
        ),
      );
    });
    const deck = await deckOn(file);
    const slide = Object.keys(deck)
      .map((n) => read(deck, n))
      .find((xml) => xml.includes('name="Body"'));
    expect(slide).toContain('typeface="Cambria"');
    expect(slide).toContain('<a:srgbClr val="C99A2E"/>');
  });

  it('puts one date, footer and number on a slide whose layout repeats them by the thousand', async () => {
    const footers = Array.from(
      { length: 5_000 },
      (_, i) =>
        `<p:sp><p:nvSpPr><p:cNvPr id="${100 + i}" name="F"/><p:cNvSpPr/><p:nvPr><p:ph type="ftr" idx="11"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>`,
    ).join('');
    const file = crafted((parts) =>
      edit(parts, 'ppt/slideLayouts/slideLayout2.xml', (xml) =>
        xml.replace('</p:spTree>', `${footers}</p:spTree>`),
      ),
    );
    const deck = await deckOn(file);
    for (const name of Object.keys(deck).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)))
      expect((read(deck, name).match(/<p:ph type="ftr"/g) ?? []).length, name).toBeLessThanOrEqual(
        1,
      );
  });

  it('leaves its example slides’ SmartArt and comments behind, and keeps a layout’s workbook by its name', async () => {
    const file = crafted((parts) => {
      parts['ppt/diagrams/data1.xml'] = strToU8('<dgm:dataModel xmlns:dgm="urn:x"/>');
      parts['ppt/comments/comment1.xml'] = strToU8('<p:cmLst xmlns:p="urn:x"/>');
      // A workbook on a layout named as pptxgenjs names a chart's: a deck's charts must not renumber it.
      parts['ppt/embeddings/Microsoft_Excel_Worksheet9.xlsx'] = zipSync({
        'x.xml': strToU8('<a/>'),
      });
      edit(parts, 'ppt/slideLayouts/_rels/slideLayout2.xml.rels', (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/Microsoft_Excel_Worksheet9.xlsx"/></Relationships>',
        ),
      );
      edit(parts, TYPES, (xml) =>
        xml.replace(
          '<Default Extension="png"',
          '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Default Extension="png"',
        ),
      );
    });
    const deck = await deckOn(file);
    expect(Object.keys(deck).filter((n) => /diagrams|comments/.test(n))).toEqual([]);
    expect(deck['ppt/embeddings/Microsoft_Excel_Worksheet9.xlsx']).toBeDefined();
  });
});
