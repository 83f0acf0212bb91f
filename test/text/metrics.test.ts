import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { covers } from '../../src/text/coverage.js';
import { type LoadedFont, loadFont, loadFontBytes } from '../../src/text/fonts.js';
import { fontShaper, measureText, shapingWords } from '../../src/text/measure.js';
import { type Shaper, shapeFromTables } from '../../src/text/metrics.js';
import { defaultResolvedTheme } from '../../src/theme/index.js';
import { EXAMPLE_YAML, tempDir } from '../helpers.js';

/** Words of real text: the sample brief and the documents shaped for pandoc, Quarto, Marp and others. */
function corpus(): string[] {
  const dir = 'test/fixtures/documents';
  const texts = [
    readFileSync(EXAMPLE_YAML, 'utf8'),
    ...readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8')),
  ];
  const words = texts.flatMap((text) => text.split('\n').flatMap((line) => shapingWords(line)));
  return [...new Set(words)];
}

/**
 * Checks that the tables give a word fontkit's glyphs and pen positions, exactly, and its width within
 * 0.1%; false when the tables do not describe the word (fontkit shapes it).
 */
function expectFontkitsRun(font: LoadedFont, shaper: Shaper, word: string): boolean {
  const ids: number[] = [];
  const pens: number[] = [];
  const width = shapeFromTables(shaper, word, (id, unit, _advance, pen) => {
    ids.push(id ?? font.font.glyphForCodePoint?.(unit.codePointAt(0) ?? 0).id ?? -1);
    pens.push(pen);
  });
  if (width === undefined) return false;
  const run = font.font.layout(word, font.features ? { ...font.features } : undefined);
  const where = `${font.font.postscriptName}: "${word}"`;
  expect(ids, where).toEqual(run.glyphs.map((glyph) => glyph.id));
  expect(pens, where).toEqual(run.positions.map((position) => position.xAdvance));
  expect(Math.abs(width - run.advanceWidth), where).toBeLessThanOrEqual(
    Math.max(run.advanceWidth * 0.001, 1e-6),
  );
  return true;
}

const CJK = 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

describe('precomputed font metrics', () => {
  const theme = defaultResolvedTheme();
  const fonts = [...new Set(Object.values(theme.fonts))];
  const words = corpus();

  it('are written by the build for every font of the default theme and the CJK fallback', () => {
    for (const [key, font] of Object.entries(theme.fonts))
      expect(fontShaper(font), key).toBeDefined();
    expect(fontShaper(loadFont(CJK))?.wide.length).toBeGreaterThan(0);
  });

  it('give fontkit’s glyphs and positions for every word of a corpus they describe, and describe most', () => {
    let described = 0;
    let total = 0;
    for (const font of fonts) {
      const shaper = fontShaper(font);
      if (!shaper) continue;
      for (const word of words) {
        total++;
        if (expectFontkitsRun(font, shaper, word)) described++;
      }
    }
    expect(words.length).toBeGreaterThan(800);
    expect(described).toBeGreaterThan(total * 0.7);
  });

  it('agree with fontkit next to ligatures of three and four letters, and on Inter’s arrows', () => {
    const tricky = [
      'efficient',
      'affluent',
      'offline',
      'x-->y',
      'a<-->b',
      '<--->',
      '==>=',
      'fiffi',
      'ffffl',
      '->>',
      'baffled.',
    ];
    for (const font of [...fonts, loadFont(CJK)]) {
      const shaper = fontShaper(font);
      if (!shaper) continue;
      for (const word of [...tricky, 'ページ', 'サーバー', '漢字かな'])
        expectFontkitsRun(font, shaper, word);
    }
  });

  it('measure Chinese in the fallback font as fontkit shapes it, without the tables for Latin', () => {
    const font = loadFont(CJK);
    const text = '加拿大总理卡尼访问北京，会见习近平';
    const shaper = fontShaper(font);
    // The comma is the font's to shape; the ideographs are in the tables.
    expect(shaper && shapeFromTables(shaper, '习近平')).toBe(3000);
    expect(measureText(font, text, 10)).toBeCloseTo(
      (font.font.layout(text).advanceWidth / font.font.unitsPerEm) * 10,
      6,
    );
  });

  it('tell a font’s coverage without parsing it, as fontkit’s cmap does', () => {
    const font = theme.fonts['serif-regular'];
    const codes = [0x41, 0xe9, 0x2014, 0x4e60, 0x0627, 0x1f600, 0x20ac, 0xfb01];
    const fromTables = codes.map((code) => covers(font, code));
    expect(fromTables).toEqual(codes.map((code) => font.font.hasGlyphForCodePoint(code)));
  });

  it('are looked up by the font file’s bytes: other bytes are parsed, and get none', () => {
    const bytes = readFileSync(
      'node_modules/@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
    );
    // The same font with another checksum for its first table (the directory holds each table's) is
    // another file.
    const changed = Uint8Array.from(bytes);
    changed[16] = (changed[16] ?? 0) ^ 1;
    const other = loadFontBytes(changed);
    expect(fontShaper(other)).toBeUndefined();
    expect(measureText(other, 'officials', 10)).toBeCloseTo(
      measureText(theme.fonts['serif-regular'], 'officials', 10),
      6,
    );
    expect(fontShaper(loadFontBytes(bytes))).toBeDefined();
  });

  it('refuse a precomputed font whose file changed before it was parsed, naming it', () => {
    const path = join(tempDir(), 'serif.ttf');
    const bytes = readFileSync(
      'node_modules/@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
    );
    writeFileSync(path, bytes);
    const font = loadFont(path, { file: 'theme.json', pointer: '/fonts/serif/regular' });
    // Known by its identity: measured from the tables, not parsed yet.
    expect(fontShaper(font)).toBeDefined();
    const changed = Uint8Array.from(bytes);
    changed[16] = (changed[16] ?? 0) ^ 1;
    writeFileSync(path, changed);
    expect(() => font.font).toThrow(
      expect.objectContaining({
        code: 'THEME_INVALID',
        file: 'theme.json',
        pointer: '/fonts/serif/regular',
        message: expect.stringContaining('changed while briefwright ran'),
      }),
    );
  });
});
