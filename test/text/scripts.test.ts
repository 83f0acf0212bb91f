import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { buildDocTree } from '../../src/markdown/index.js';
import { layoutDocument } from '../../src/render/pdf/layout/index.js';
import type { PageModel, TextItem } from '../../src/render/pdf/layout/types.js';
import { paragraphDirection, visualRuns } from '../../src/text/bidi.js';
import { coverageHint, FallbackFinder } from '../../src/text/fallback.js';
import { measureText } from '../../src/text/measure.js';
import { defaultResolvedTheme } from '../../src/theme/index.js';
import { fontFor } from '../../src/theme/resolve.js';
import { pdfPages, pptxParts, scriptLines, slideNames, tempDir } from '../helpers.js';

const require = createRequire(import.meta.url);

/** Lays out Markdown with the default theme and the fallbacks a render would have. */
function layout(markdown: string, language = 'en'): { model: PageModel; warnings: string[] } {
  const warnings: string[] = [];
  const theme = {
    ...defaultResolvedTheme(),
    fallback: new FallbackFinder({ fonts: [], language, system: false }),
  };
  const meta = { title: 'Scripts', authors: [], language, keywords: [] };
  const doc = buildDocTree(markdown, { meta, warn: () => {}, source: markdown });
  const model = layoutDocument(doc, {
    theme,
    images: new Map(),
    warn: (w) => warnings.push(w.message),
    file: 'scripts.md',
  });
  return { model, warnings };
}

/** The text items of the body (not the running header and footer), in drawing order. */
const texts = (model: PageModel): TextItem[] =>
  model.pages.flatMap((page) => page.items.filter((i): i is TextItem => i.type === 'text'));

/** The items of the line at a baseline, left to right. */
function lineAt(model: PageModel, containing: string): TextItem[] {
  const all = texts(model);
  const y = all.find((item) => item.text.includes(containing))?.y;
  return all.filter((item) => item.y === y).sort((a, b) => a.x - b.x);
}

describe('Chinese and Japanese', () => {
  const chinese =
    '中华人民共和国主席习近平在北京会见了加拿大总理卡尼，双方就贸易、气候变化和人文交流等议题深入交换了意见，同意推动中加关系健康稳定发展。'.repeat(
      3,
    );

  it('draws ideographs with a CJK font, mixed with the theme font in one line', () => {
    const { model, warnings } = layout('President 习近平 met Prime Minister Carney.');
    expect(warnings).toEqual([]);
    const line = lineAt(model, 'President');
    expect(line.map((i) => i.text)).toEqual([
      'President ',
      '习近平 ',
      'met Prime Minister Carney.',
    ]);
    expect(line[1]?.font).toMatch(/^fallback:.*NotoSansSC_400Regular\.ttf$/);
    expect(line[0]?.font).toBe('serif-regular');
    // Measured with each run's own font: the runs abut.
    const first = line[0];
    const cjk = line[1];
    if (!first || !cjk) throw new Error('no line');
    const width = measureText(fontFor(defaultResolvedTheme(), first.font), first.text, first.size);
    expect(cjk.x).toBeCloseTo(first.x + width, 3);
  });

  it('breaks lines between ideographs, never before closing punctuation, inside the column', () => {
    const { model } = layout(chinese);
    const lines = new Map<number, TextItem[]>();
    for (const item of texts(model).filter((i) => /[\u4e00-\u9fff]/.test(i.text)))
      lines.set(item.y, [...(lines.get(item.y) ?? []), item]);
    expect(lines.size).toBeGreaterThanOrEqual(4);
    const right = model.width - 22 * (72 / 25.4) + 0.5;
    for (const items of lines.values()) {
      const last = items.at(-1);
      if (!last) continue;
      const end =
        last.x + measureText(fontFor(defaultResolvedTheme(), last.font), last.text, last.size);
      expect(end).toBeLessThanOrEqual(right);
      expect(items[0]?.text).not.toMatch(/^[，、。]/);
    }
  });

  it('keeps the text whole and in order when read back, and subsets the CJK font', async () => {
    const dir = tempDir();
    const file = join(dir, 'cjk.md');
    writeFileSync(file, `# 中文\n\n${chinese}\n\n日本語の文章も正しく表示されるべきです。\n`);
    const result = await render(file, { formats: ['pdf'], systemFonts: false });
    expect(result.warnings).toEqual([]);
    const bytes = result.outputs[0]?.bytes ?? new Uint8Array();
    const text = (await pdfPages(bytes)).pages.join('').replace(/\s+/g, '');
    expect(text).toContain(chinese);
    expect(text).toContain('日本語の文章も正しく表示されるべきです。');
    expect(Buffer.from(bytes).toString('latin1')).toMatch(
      /\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/,
    );
    // The font file is 10 MB; the subset of a hundred ideographs is not.
    const size = readFileSync(
      require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    ).length;
    expect(bytes.length).toBeLessThan(size / 20);
  });
});

describe('right to left', () => {
  it('takes the direction from the first strong letter, else from the language', () => {
    expect(paragraphDirection('שלום world', 'en')).toBe('rtl');
    expect(paragraphDirection('Hello שלום', 'he')).toBe('ltr');
    expect(paragraphDirection('2026 — 15%', 'ar')).toBe('rtl');
    expect(paragraphDirection('2026 — 15%', 'en')).toBe('ltr');
  });

  it('orders a mixed Arabic, English and number line visually (UAX #9)', () => {
    const text = 'أ ب ENG 12 ج';
    const runs = visualRuns(text, 'rtl', [0]);
    // Left to right on the page: the last word (its run drawn right to left), the English and the
    // number together left to right, then the first words.
    expect(runs.map((r) => [text.slice(r.start, r.end), r.level])).toEqual([
      [' ج', 1],
      ['ENG 12', 2],
      ['أ ب ', 1],
    ]);
  });

  it('right-aligns a Hebrew paragraph and places its words right to left, each run shaped in reading order', () => {
    const { model } = layout('שלום עולם, זהו טקסט עם מספר 42 ו-English באמצע.');
    const line = lineAt(model, 'שלום');
    const right = model.width - 22 * (72 / 25.4);
    const last = line.at(-1);
    if (!last) throw new Error('no line');
    const end =
      last.x + measureText(fontFor(defaultResolvedTheme(), last.font), last.text, last.size);
    expect(end).toBeCloseTo(right, 0);
    // Visual order, left to right: the end of the sentence first, its start last.
    const order = line.map((i) => i.text.trim()).filter(Boolean);
    expect(order.at(-1)).toBe('שלום עולם');
    expect(order.indexOf('English')).toBeLessThan(order.indexOf('42'));
    expect(order.indexOf('42')).toBeLessThan(order.indexOf('שלום עולם'));
    // Right-to-left runs are marked so, to be shaped whole and drawn right to left.
    const hebrew = line.filter((i) => /[\u05d0-\u05ea]/.test(i.text));
    for (const item of hebrew) expect(item.rtl).toBe(true);
    expect(line.find((i) => i.text.includes('English'))?.rtl).toBeUndefined();
  });

  it('shapes Arabic with an Arabic font and mirrors brackets in right-to-left runs', () => {
    const { model, warnings } = layout('مرحبا (بالعالم) 2026', 'ar');
    expect(warnings).toEqual([]);
    const line = lineAt(model, 'مرحبا');
    const arabic = line.filter((i) => /[\u0600-\u06ff]/.test(i.text));
    for (const item of arabic) expect(item.font).toMatch(/NotoSansArabic/);
    expect(line.filter((i) => i.rtl && /[\u0600-\u06ff]/.test(i.text)).map((i) => i.text)).toEqual([
      'بالعالم',
      'مرحبا ',
    ]);
    // Left to right as seen: the number, then the bracketed word (brackets mirrored), then the first word.
    // (Characters of a run of neutrals at a right-to-left level are placed one by one.)
    expect(line.map((i) => i.text)).toEqual(['2026', ' ', '(', 'بالعالم', ')', 'مرحبا ']);
    // The number, left to right, sits at the left end of the right-to-left line.
    expect(line[0]?.text.trim()).toBe('2026');
  });

  it('puts the bullets of a right-to-left list on the right', () => {
    const { model } = layout('- تعزيز التبادل التجاري\n- التعاون في مجال الطاقة النظيفة\n', 'ar');
    const bullets = texts(model).filter((i) => i.text === '•');
    const words = texts(model).filter((i) => /[\u0600-\u06ff]/.test(i.text));
    expect(bullets).toHaveLength(2);
    for (const bullet of bullets)
      for (const word of words) expect(bullet.x).toBeGreaterThan(word.x);
  });

  it('reads back Hebrew in reading order, placed right to left (pdf.js)', async () => {
    const dir = tempDir();
    const file = join(dir, 'he.md');
    writeFileSync(file, '---\ntitle: T\nlanguage: he\n---\n\nשלום עולם, זהו טקסט בעברית.\n');
    const result = await render(file, { formats: ['pdf'] });
    const pages = await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array());
    expect(pages.pages.join(' ')).toMatch(
      /זהו טקסט בעברית[\s\S]*שלום עולם|שלום עולם[\s\S]*זהו טקסט בעברית/,
    );
  });

  it('copies a right-to-left paragraph in reading order with its own letters (pdf.js), without ActualText', async () => {
    const dir = tempDir();
    const file = join(dir, 'ar.md');
    const text = 'مرحبا بالعالم، هذا نص عربي: بيت تبت ثبت نبت يبت (بالعربية).';
    writeFileSync(file, `---\ntitle: T\nlanguage: ar\n---\n\n${text}\n`);
    const result = await render(file, { formats: ['pdf'] });
    const pdf = result.outputs[0]?.bytes ?? new Uint8Array();
    const { pages } = await pdfPages(pdf);
    // pdf.js joins the pieces of a line without the spaces at their edges: letters and order are what count.
    const bare = (s: string) => s.replace(/\s+/g, '');
    expect(bare(pages.join(''))).toContain(bare(text));
    // The letters are the glyphs' own, mapped one by one: no ActualText span stands in for them.
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('/ActualText');
  });

  it('marks right-to-left paragraphs in the deck', async () => {
    const dir = tempDir();
    const file = join(dir, 'ar.md');
    writeFileSync(
      file,
      '---\ntitle: ملخص\nlanguage: ar\n---\n\n# العلاقات\n\n## التجارة\n\n- تعزيز التبادل التجاري\n- Trade in English\n',
    );
    const result = await render(file, { formats: ['pptx'] });
    const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    const slides = await Promise.all(slideNames(parts.names).map((n) => parts.read(n)));
    const slide = slides.find((xml) => xml.includes('تعزيز')) ?? '';
    expect(slide).toMatch(/<a:pPr[^>]*rtl="1"[^>]*algn="r"|<a:pPr[^>]*algn="r"[^>]*rtl="1"/);
    // The English bullet stays left to right.
    const english = /<a:p>(?:(?!<\/a:p>).)*Trade in English/s.exec(slide)?.[0] ?? '';
    expect(english).not.toContain('rtl="1"');
  });
});

describe('fallback and missing glyphs', () => {
  it("tries the caller's fonts first", async () => {
    const arimo = readFileSync(
      require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf'),
    );
    const dir = tempDir();
    const file = join(dir, 'he.md');
    writeFileSync(file, '# T\n\nשלום עולם\n');
    const result = await render(file, { formats: ['pdf'], fonts: [new Uint8Array(arimo)] });
    const pdf = Buffer.from(result.outputs[0]?.bytes ?? []).toString('latin1');
    expect(pdf).toMatch(/\+Arimo-Regular/);
    expect(pdf).not.toMatch(/NotoSansHebrew/);
  });

  it('refuses a WOFF2 font with a clear message', async () => {
    const woff2 = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0]);
    await expect(render('examples/carney-xi/carney-xi.yaml', { fonts: [woff2] })).rejects.toThrow(
      'WOFF2 fonts cannot be embedded in PDF',
    );
  });

  it('warns with the character, its line and what to install', async () => {
    const dir = tempDir();
    const file = join(dir, 'glyph.md');
    writeFileSync(file, '# T\n\nText.\n\nA hieroglyph \u{13000} here.\n');
    const result = await render(file, { formats: ['pdf'], systemFonts: false });
    const warning = result.warnings.find((w) => w.code === 'MISSING_GLYPH');
    expect(warning).toMatchObject({ file, line: 5 });
    expect(warning?.message).toContain('"\u{13000}" (U+13000)');
    expect(warning?.message).toContain('register a font');
  });

  it('names the npm and Debian packages for a script without a font', () => {
    const finder = new FallbackFinder({ fonts: [], language: 'ko', system: false });
    // Korean: Noto Sans KR is not installed here (nor is Hangul in Noto Sans SC), so nothing is found.
    expect(finder.find(0xd55c, false)).toBeUndefined();
    // Thai and Devanagari fonts come with briefwright.
    expect(finder.find(0x0e01, false)?.key).toMatch(/NotoSansThai/);
    expect(finder.find(0x0915, false)?.key).toMatch(/NotoSansDevanagari/);
    expect(coverageHint('ก', 'th')).toBe(
      'install @expo-google-fonts/noto-sans-thai (npm) or fonts-noto-core (Debian), or register a font that has "ก" (U+0E01)',
    );
    expect(coverageHint('漢', 'ja')).toContain(
      '@expo-google-fonts/noto-sans-jp (npm) or fonts-noto-cjk',
    );
  });

  it('keeps combining marks on their letter and breaks a 300-character word inside the column', () => {
    const word = 'x'.repeat(300);
    const { model, warnings } = layout(`Cafe\u0301 and ${word} end.`);
    expect(warnings).toEqual([]);
    const right = model.width - 22 * (72 / 25.4) + 0.5;
    for (const item of texts(model)) {
      const end =
        item.x + measureText(fontFor(defaultResolvedTheme(), item.font), item.text, item.size);
      expect(end).toBeLessThanOrEqual(right);
    }
    expect(texts(model).some((i) => i.text.includes('Cafe\u0301'))).toBe(true);
  });
});

describe('copied text in pdf.js', () => {
  // pdf.js joins the pieces of a line without the spaces at their edges: letters and order are what count.
  const bare = (s: string) => s.replace(/\s+/g, '');

  it.each(['arabic', 'world'])(
    'gives every line of the %s sample in reading order with its own letters',
    async (name) => {
      const result = await render(`test/fixtures/scripts/${name}.md`, { formats: ['pdf'] });
      expect(result.warnings).toEqual([]);
      const text = bare(
        (await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array())).pages.join(''),
      );
      for (const line of scriptLines(name)) expect(text, line).toContain(bare(line));
    },
  );
});
