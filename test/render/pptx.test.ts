import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { slideTitles } from '../corpus/words.js';
import {
  EXAMPLE_MD,
  EXAMPLE_YAML,
  ooxmlDangling,
  pptxParts,
  seedParts,
  slideNames,
  slideText,
} from '../helpers.js';

describe('the PPTX renderer on the sample brief', () => {
  let slides: string[];
  let notes: string[];
  let names: string[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'] });
    bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    const parts = await pptxParts(bytes);
    names = parts.names;
    slides = await Promise.all(slideNames(parts.names).map(parts.read));
    notes = await Promise.all(slideNames(parts.names, 'notesSlides').map(parts.read));
  });

  it('holds every part it names, and names every part it holds', () => {
    // pptxgenjs lists six slide masters' content types and writes one master: the other five go.
    expect(ooxmlDangling(bytes)).toEqual([]);
  });

  it('starts with a title slide and ends with a closing slide', () => {
    expect(slideText(slides[0] ?? '')).toContain('Carney in Beijing');
    expect(slideText(slides.at(-1) ?? '')).toContain('Thank you');
  });

  it('has a section header and content for every section, as editable text', () => {
    const all = slides.map(slideText).join('\n');
    for (const title of [
      'Canada Prime Minister Carney’s Visit to China',
      'Implications of Carney’s Meeting',
      'Recommendations for Strengthening',
    ]) {
      expect(all).toContain(title);
    }
    expect(all).toContain('Trade tariff reductions to enhance market access for Canadian goods.');
    expect(all).toContain('Agenda');
    expect(all).toContain('Key takeaways');
  });

  it('puts every table cell in native tables', () => {
    const tables = slides
      .filter((xml) => xml.includes('<a:tbl>'))
      .map(slideText)
      .join('\n');
    for (const cell of [
      'Key Topics',
      'Increased bilateral trade by 15% over 2 years',
      'Canada’s Goals',
      'Scale green innovation',
      'Trade & Investment',
      'Establish forums to address regional stability',
    ]) {
      expect(tables).toContain(cell);
    }
  });

  it('writes one paragraph-properties element per paragraph, before its runs (valid OOXML)', () => {
    for (const xml of slides) {
      for (const [, inner] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const count = (inner?.match(/<a:pPr\b/g) ?? []).length;
        expect(count).toBeLessThanOrEqual(1);
        if (count === 1) expect(inner?.startsWith('<a:pPr')).toBe(true);
      }
    }
  });

  it('keeps the bullet of a bullet with bold text in it', async () => {
    const result = await render(
      '---\ntitle: Deck\n---\n\n## Points\n\nSome text first.\n\n- A point with **bold words** in it\n- Another point\n',
      {
        formats: ['pptx'],
      },
    );
    const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    const xml = await Promise.all(slideNames(parts.names).map(parts.read));
    const points = xml.find((x) => slideText(x).startsWith('Points')) ?? '';
    const paragraphs = [...points.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1] ?? '');
    const first = paragraphs.find((p) => p.includes('bold words')) ?? '';
    expect(first).toContain('<a:buChar');
  });

  it('sets the key points as cards, the figures they lead with large', () => {
    const keyPoints = slides.find((xml) => slideText(xml).startsWith('Key points')) ?? '';
    const sizes = (text: string) =>
      [...keyPoints.matchAll(/<a:r><a:rPr[^>]*sz="(\d+)"[^>]*>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)]
        .filter((m) => m[2] === text)
        .map((m) => Number(m[1]) / 100);
    expect(sizes('15%')[0]).toBeGreaterThanOrEqual(40);
    expect(sizes('Over three years')[0]).toBeGreaterThanOrEqual(40);
    // One tinted card per key point.
    expect((keyPoints.match(/<p:sp>/g) ?? []).length).toBeGreaterThanOrEqual(4 * 4);
    expect(slideText(keyPoints)).toContain('Education, culture and a security dialogue');
  });

  it('puts each section’s prose in the notes of the slide the section starts on, from Markdown too', async () => {
    const result = await render(EXAMPLE_MD, { formats: ['pptx'] });
    const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    const names = slideNames(parts.names);
    const starts = new Map<string, string>();
    for (const name of names) {
      const xml = await parts.read(name);
      const rels = await parts.read(
        name.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'),
      );
      const note = /notesSlides\/(notesSlide\d+\.xml)/.exec(rels)?.[1];
      const text = slideText(xml);
      if (/^0\d/.test(text) && note)
        starts.set(text, slideText(await parts.read(`ppt/notesSlides/${note}`)));
    }
    const notesOf = (start: string) =>
      [...starts].find(([text]) => text.startsWith(start))?.[1] ?? '';
    expect(notesOf('01')).toContain('symbolizes a renewed commitment to deepening diplomatic');
    expect(notesOf('02')).toContain('The high-profile meeting between Canada');
    expect(notesOf('03')).toContain('Enhancing people-to-people connections');
  });

  it('carries the prose in the speaker notes', () => {
    const all = notes.map(slideText).join('\n');
    expect(all).toContain('symbolizes a renewed commitment to deepening diplomatic');
    expect(all).toContain('Enhancing people-to-people connections');
  });

  it('uses the theme masters and never asks the viewer to autofit', () => {
    expect(
      names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).length,
    ).toBeGreaterThanOrEqual(4);
    for (const xml of slides) {
      expect(xml).not.toContain('normAutofit');
      expect(xml).not.toContain('spAutoFit');
    }
  });
});

describe.each([EXAMPLE_YAML, EXAMPLE_MD])('the deck of %s against the seed article', (input) => {
  it('holds every section title, bullet and table cell on its slides and every paragraph of prose in its notes', async () => {
    const result = await render(input, { formats: ['pptx'] });
    const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    const slides = (await Promise.all(slideNames(parts.names).map(parts.read)))
      .map(slideText)
      .join(' ');
    const notes = (await Promise.all(slideNames(parts.names, 'notesSlides').map(parts.read)))
      .map(slideText)
      .join(' ')
      .replace(/\s+/g, ' ');
    const seed = seedParts();
    for (const needle of [...seed.headings.slice(0, 3), ...seed.bullets, ...seed.cells])
      expect(slides).toContain(needle);
    // The lede and the closing takeaways are on slides as bullets; the section prose is in the notes.
    for (const paragraph of seed.prose.slice(1, -1))
      expect(notes).toContain(paragraph.slice(0, 80));
  });
});

describe('East Asian text in decks', () => {
  it('gives runs of Chinese text an East Asian typeface, and other runs none', async () => {
    const result = await render(
      {
        meta: { title: 'Visit', language: 'en' },
        keyPoints: ['President 习近平 met Prime Minister Carney.', 'No CJK here.'],
      },
      { formats: ['pptx'] },
    );
    const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    const xml = (await Promise.all(slideNames(parts.names).map(parts.read))).join('');
    const runs = [...xml.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((m) => m[1] ?? '');
    const cjk = runs.find((r) => r.includes('习近平'));
    expect(cjk).toContain('<a:ea typeface="Microsoft YaHei"');
    const plain = runs.find((r) => r.includes('No CJK here.'));
    expect(plain).not.toContain('Microsoft YaHei');
  });
});

describe('bullet levels', () => {
  it('writes nested bullets as paragraph levels, not as indented text', async () => {
    const result = await render(
      {
        meta: { title: 'Levels' },
        sections: [{ title: 'Plan', body: '- Trade\n  - Tariffs\n    - Steel\n- Climate' }],
      },
      { formats: ['pptx'] },
    );
    const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    const xml = (await Promise.all(slideNames(parts.names).map(parts.read))).join('');
    const levelOf = (text: string) => {
      const paragraph = [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
        .map((m) => m[1] ?? '')
        .find((p) => p.includes(`<a:t>${text}</a:t>`));
      return Number(/lvl="(\d)"/.exec(paragraph ?? '')?.[1] ?? 0);
    };
    expect([levelOf('Trade'), levelOf('Tariffs'), levelOf('Steel'), levelOf('Climate')]).toEqual([
      0, 1, 2, 0,
    ]);
  });
});

describe('speaker notes', () => {
  it("puts a section's prose on the slide where the section starts (its header), not on the last", async () => {
    const body = 'The opening argument of the section.\n\n| A | B |\n|---|---|\n| 1 | 2 |';
    const inputs = [
      { meta: { title: 'T' }, sections: [{ title: 'Argued', body, bullets: ['One point'] }] },
      { meta: { title: 'T' }, sections: [{ title: 'Argued', body }] },
    ];
    for (const input of inputs) {
      const { outputs } = await render(input, { formats: ['pptx'], systemFonts: false });
      const parts = await pptxParts(outputs[0]?.bytes ?? new Uint8Array());
      const slides = await Promise.all(slideNames(parts.names).map(parts.read));
      const notes = await Promise.all(slideNames(parts.names, 'notesSlides').map(parts.read));
      const titles = await slideTitles(outputs[0]?.bytes ?? new Uint8Array());
      const first = titles.indexOf('Argued');
      expect(slides[first]).toBeDefined();
      expect(first).toBeGreaterThan(0);
      expect(slideText(notes[first] ?? '')).toContain('The opening argument of the section.');
      const others = notes
        .filter((_, i) => i !== first)
        .map(slideText)
        .join(' ');
      expect(others).not.toContain('The opening argument');
    }
  });
});
