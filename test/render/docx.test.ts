import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { normalizeDocx } from '../../src/render/docx/package.js';
import { zipParts } from '../../src/render/ooxml/zip.js';
import { defaultResolvedTheme } from '../../src/theme/index.js';
import { docxText } from '../corpus/words.js';
import { EXAMPLE_YAML, ooxmlXmlErrors } from '../helpers.js';
import { everythingFixture } from './formatFixture.js';

/** A Word file's parts as text (media as their byte length). */
function partsOf(bytes: Uint8Array): Map<string, string> {
  return new Map(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [
      name,
      /\.(xml|rels)$/.test(name) ? strFromU8(data) : `${data.length} bytes`,
    ]),
  );
}

/** The paragraph styles, by id, with their names and whether Word shows them in the outline. */
function styles(xml: string): Map<string, { name: string; outline?: number; xml: string }> {
  const found = new Map<string, { name: string; outline?: number; xml: string }>();
  for (const match of xml.matchAll(
    /<w:style w:type="(?:paragraph|table)"[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g,
  )) {
    const [, id = '', body = ''] = match;
    const name = /<w:name w:val="([^"]+)"/.exec(body)?.[1] ?? '';
    const outline = /<w:outlineLvl w:val="(\d)"/.exec(body)?.[1];
    found.set(id, { name, xml: body, ...(outline ? { outline: Number(outline) } : {}) });
  }
  return found;
}

const GOLDEN = 'test/fixtures/docx/carney-xi.document.xml';

describe('the Word file of the sample', () => {
  let bytes: Uint8Array;
  let parts: Map<string, string>;
  beforeAll(async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['docx'] });
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    parts = partsOf(bytes);
  });

  it('is a package of well-formed parts with the parts a Word file has', () => {
    expect(ooxmlXmlErrors(bytes)).toEqual([]);
    for (const part of [
      '[Content_Types].xml',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'word/footnotes.xml',
      'word/fontTable.xml',
      'docProps/core.xml',
    ])
      expect(parts.has(part), part).toBe(true);
  });

  it('names its styles after their role, with the theme’s fonts, sizes and colours', () => {
    const found = styles(parts.get('word/styles.xml') ?? '');
    // Word's own styles keep Word's names ("footnote text"), which its interface capitalises.
    const names = [...found.values()].map((s) => s.name.toLowerCase());
    for (const name of [
      'Title',
      'Subtitle',
      'Body Text',
      'List Bullet',
      'List Bullet 2',
      'List Number',
      'List Number 2',
      'Caption',
      'Quote',
      'Callout',
      'Footnote Text',
      'Brief Table',
    ])
      expect(names, name).toContain(name.toLowerCase());
    for (const level of [1, 2, 3, 4, 5, 6]) {
      const heading = found.get(`Heading${level}`);
      expect(heading?.outline, `Heading${level} in the outline`).toBe(level - 1);
    }
    expect(found.get('Heading1')?.xml).toContain('w:ascii="Inter"');
    expect(found.get('Heading1')?.xml).toContain('<w:sz w:val="30"/>');
    expect(found.get('Title')?.xml).toContain('<w:sz w:val="48"/>');
    expect(found.get('Callout')?.xml).toContain('w:fill="E8EEF5"');
    expect(found.get('BriefTable')?.xml).toContain('<w:tblStylePr w:type="firstRow">');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(
      parts.get('word/styles.xml') ?? '',
    )?.[0];
    expect(defaults).toContain('w:ascii="Source Serif 4"');
    expect(defaults).toContain('<w:sz w:val="21"/>');
    expect(defaults).toContain('<w:lang w:val="en-CA"/>');
  });

  it('uses the styles: headings, body text, captions, callouts and tables', () => {
    const xml = parts.get('word/document.xml') ?? '';
    const used = (style: string) => xml.split(`<w:pStyle w:val="${style}"/>`).length - 1;
    expect(used('Title')).toBe(1);
    expect(used('Heading1')).toBe(6);
    expect(used('BodyText')).toBeGreaterThan(5);
    expect(used('Caption')).toBe(4);
    expect(used('Callout')).toBeGreaterThan(3);
  });

  it('repeats each table’s header row and never splits a row', () => {
    const xml = parts.get('word/document.xml') ?? '';
    const tables = xml.split('<w:tbl>').length - 1;
    expect(tables).toBe(3);
    expect(xml.split('<w:tblHeader/>').length - 1).toBe(tables);
    expect(xml.split('<w:tr>').length - 1).toBe(xml.split('<w:cantSplit/>').length - 1);
    expect(xml).not.toContain('<w:tblBorders>');
  });

  it('places the chart as an SVG with a PNG beside it, with its alt text and caption', () => {
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).toMatch(/<asvg:svgBlip [^>]*r:embed="rId\w+"/);
    expect(xml).toMatch(
      /<wp:docPr [^>]*descr="Bar chart: The trade goal, indexed to today’s bilateral trade\./,
    );
    const media = [...parts.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media.map((name) => name.split('.').at(-1)).sort()).toEqual(['png', 'svg']);
    const svg = strFromU8(
      unzipSync(bytes)[media.find((m) => m.endsWith('.svg')) ?? ''] ?? new Uint8Array(),
    );
    expect(svg).toContain('font-family="Inter"');
    expect(svg).toContain('>After two years</text>');
  });

  it('carries the document’s properties, dated by the document and not the clock', () => {
    const core = parts.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Carney in Beijing</dc:title>');
    expect(core).toMatch(/<dc:subject>What the Prime Minister’s visit/);
    expect(core).toContain('<cp:keywords>Canada, China, trade, climate, diplomacy</cp:keywords>');
    expect(core).toContain('<dc:language>en-CA</dc:language>');
    expect(core).toContain('2026-11-24T00:00:00Z</dcterms:created>');
    expect(core).toContain('2026-11-24T00:00:00Z</dcterms:modified>');
  });

  it('names its fonts without embedding them, each with a fallback', () => {
    const fonts = parts.get('word/fontTable.xml') ?? '';
    expect(fonts).toContain('<w:font w:name="Source Serif 4"><w:altName w:val="Georgia"/>');
    expect(fonts).toContain('<w:font w:name="Inter"><w:altName w:val="Arial"/>');
    expect([...parts.keys()].filter((name) => /\.(ttf|odttf)$/.test(name))).toEqual([]);
  });

  it('is byte-identical on a second render, its parts sorted', async () => {
    const again = await render(EXAMPLE_YAML, { formats: ['docx'] });
    const second = partsOf(again.outputs[0]?.bytes ?? new Uint8Array());
    for (const [name, text] of parts) expect(second.get(name), name).toBe(text);
    expect(Buffer.from(again.outputs[0]?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    const names = [...parts.keys()];
    expect(names).toEqual([...names].sort());
  });

  it('writes document.xml as its golden file says (UPDATE_GOLDEN=1 rewrites it)', () => {
    const actual = `${(parts.get('word/document.xml') ?? '').replace(/></g, '>\n<')}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, actual);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: write it with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});

describe('the Word file of a document with every kind of block', () => {
  let parts: Map<string, string>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const result = await render(everythingFixture(), { formats: ['docx'] });
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    parts = partsOf(bytes);
  });

  it('numbers each ordered list on its own, from its own start, and nests bullets by level', () => {
    const xml = parts.get('word/document.xml') ?? '';
    const numbering = parts.get('word/numbering.xml') ?? '';
    const items = [
      ...xml.matchAll(
        /<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>[\s\S]*?<w:t[^>]*>([^<]*)</g,
      ),
    ].map(([, level, id, text]) => ({ level: Number(level), id: Number(id), text }));
    const byText = (text: string) => items.find((item) => item.text?.startsWith(text));
    expect(byText('A nested bullet')?.level).toBe(1);
    expect(byText('A third level')?.level).toBe(2);
    const first = byText('Third item');
    const second = byText('A new list');
    expect(first?.id).toBe(byText('Fourth item')?.id);
    expect(second?.id).not.toBe(first?.id);
    const startOf = (id: number | undefined) =>
      new RegExp(`<w:num w:numId="${id}">[\\s\\S]*?<w:startOverride w:val="(\\d+)"/>`).exec(
        numbering,
      )?.[1];
    expect(startOf(first?.id)).toBe('3');
    expect(startOf(second?.id)).toBe('1');
    expect(xml).toContain('<w:pStyle w:val="ListNumber"/>');
    expect(xml).toContain('<w:pStyle w:val="ListBullet2"/>');
  });

  it('writes footnotes as Word footnotes, referenced from the text', () => {
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    const notes = parts.get('word/footnotes.xml') ?? '';
    expect(notes).toContain('The first note, with ');
    expect(notes).toContain('The second note.');
    expect(notes).toContain('<w:pStyle w:val="FootnoteText"/>');
  });

  it('keeps allowed links live, internal ones to a bookmark, and never a javascript: link', () => {
    const xml = parts.get('word/document.xml') ?? '';
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    expect(rels).toMatch(/Target="https:\/\/example\.org\/a\?b=1&amp;c=2" TargetMode="External"/);
    expect(rels).not.toContain('javascript');
    const anchor = /<w:hyperlink [^>]*w:anchor="([^"]+)"/.exec(xml)?.[1];
    expect(anchor).toBe('h_second_section');
    expect(xml).toContain(`<w:bookmarkStart w:name="${anchor}"`);
    const ids = [...xml.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(docxText(bytes)).toContain('bad link');
  });

  it('shows the image with its alt text, code in the mono font, the quote in Quote', () => {
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).toMatch(/<wp:docPr [^>]*descr="A small square"/);
    expect(xml).toContain('<w:pStyle w:val="Code"/>');
    expect(xml).toContain('const x = 1 &lt; 2;');
    expect(xml).toContain('<w:pStyle w:val="Quote"/>');
    expect(xml).toMatch(/w:ascii="JetBrains Mono"[^>]*\/><\/w:rPr><w:t xml:space="preserve">code</);
  });

  it('escapes the title and sets the document’s language', () => {
    const core = parts.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Trade &amp; Climate &lt;Notes&gt;</dc:title>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(ooxmlXmlErrors(bytes)).toEqual([]);
  });
});

describe('normalizeDocx', () => {
  it('renumbers the library’s random link ids whatever characters end them', () => {
    const id = `rId${'a-b_c'.repeat(4)}-`;
    const input = zipParts([
      ['word/document.xml', strToU8(`<w:hyperlink r:id="${id}"/>`)],
      [
        'word/_rels/document.xml.rels',
        strToU8(`<Relationship Id="${id}" Target="https://x.org"/>`),
      ],
    ]);
    const out = unzipSync(
      normalizeDocx(input, {
        date: new Date(0),
        theme: defaultResolvedTheme(),
        fonts: { serif: 'S', sans: 'A', mono: 'M' },
        language: 'en',
      }),
    );
    expect(strFromU8(out['word/document.xml'] ?? new Uint8Array())).toBe(
      '<w:hyperlink r:id="rIdLink1"/>',
    );
    expect(strFromU8(out['word/_rels/document.xml.rels'] ?? new Uint8Array())).toContain(
      'Id="rIdLink1"',
    );
  });
});

describe('the Word file with contents and numbered headings', () => {
  it('has a contents field Word fills on opening, and numbered headings', async () => {
    const result = await render(EXAMPLE_YAML, {
      formats: ['docx'],
      theme: { pdf: { toc: true, tocDepth: 2, numberHeadings: true } },
    });
    const parts = partsOf(result.outputs[0]?.bytes ?? new Uint8Array());
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(parts.get('word/settings.xml')).toContain('<w:updateFields/>');
    expect(xml).toMatch(
      /<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t xml:space="preserve">1\. <\/w:t>/,
    );
  });
});

describe('the Word file, cases found from outside', () => {
  const source = `# Notes and lists\n\n${readFileSync('test/fixtures/formats/notes.md', 'utf8')}`;
  let bytes: Uint8Array;
  let parts: Map<string, string>;
  beforeAll(async () => {
    const result = await render(
      { meta: { title: 'Cases' }, summary: source },
      { formats: ['docx'] },
    );
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    parts = partsOf(bytes);
  });

  it('gives each footnote one reference, its later citations and those inside notes its number', () => {
    const xml = parts.get('word/document.xml') ?? '';
    const references = [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(references).toEqual(['1', '2']);
    const notes = parts.get('word/footnotes.xml') ?? '';
    expect(notes).not.toContain('<w:footnoteReference ');
    // The inner note, cited only from the outer one, follows it; the table's cells are text.
    expect(notes).toMatch(/Outer refers to[\s\S]*Inner words\./);
    expect(docxText(bytes)).toMatch(/WNOTETAB1\s*·?\s*WNOTETAB2|WNOTETAB1 · WNOTETAB2/);
    expect(ooxmlXmlErrors(bytes)).toEqual([]);
  });

  it('restarts a numbered list nested under bullets at every level', () => {
    const numbering = parts.get('word/numbering.xml') ?? '';
    const nums = [...numbering.matchAll(/<w:num w:numId="\d+">([\s\S]*?)<\/w:num>/g)].map(
      (m) => m[1] ?? '',
    );
    for (const num of nums)
      expect(num.match(/<w:lvlOverride w:ilvl="\d"><w:startOverride w:val="\d+"\/>/g)).toHaveLength(
        5,
      );
  });

  it('renames only the library’s relationship ids, never text that looks like one', () => {
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    expect(rels).toContain('Target="https://example.com/?rIdaaaaaaaaaaaaaaaaaaaaa"');
    expect(rels).toMatch(/Id="rIdLink1"/);
  });
});
