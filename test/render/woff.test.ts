import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { sfntToWoff } from '../../src/render/html/woff.js';

const require = createRequire(import.meta.url);

describe('sfntToWoff', () => {
  it('wraps a font as WOFF 1.0 that a WOFF reader (fontkit) reads back glyph for glyph', () => {
    const ttf = readFileSync(
      require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    );
    const woff = sfntToWoff(ttf);
    const header = new DataView(woff.buffer, woff.byteOffset);
    expect(header.getUint32(0)).toBe(0x774f4646);
    expect(header.getUint32(8)).toBe(woff.length);
    expect(woff.length).toBeLessThan(ttf.length * 0.7);
    const original = fontkit.create(Buffer.from(ttf));
    const wrapped = fontkit.create(Buffer.from(woff));
    for (const text of ['Carney in Beijing', '15% → 2026 ffi']) {
      const [a, b] = [original.layout(text), wrapped.layout(text)];
      expect(b.glyphs.map((g) => g.id)).toEqual(a.glyphs.map((g) => g.id));
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });
});
