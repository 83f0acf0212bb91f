import { describe, expect, it, vi } from 'vitest';
import { render } from '../../src/index.js';
import { setLetterByLetter } from '../../src/text/measure.js';
import { defaultResolvedTheme } from '../../src/theme/index.js';
import { pdfLinks } from '../helpers.js';

/** Long texts an attacker can write: each costs what its length does, and no render fails on them. */
describe('long texts found from outside', () => {
  it('a long address written as a link: its URI is written once, however many lines it takes', async () => {
    const url = `https://example.com/${'a'.repeat(200_000)}`;
    const { outputs } = await render(`# Link\n\n<${url}>\n`, { formats: ['pdf'] });
    const pdf = Buffer.from(outputs[0]?.bytes ?? new Uint8Array());
    // Before: one URI per line of the address (2,000 lines × 200 KB), a file of hundreds of megabytes.
    expect(pdf.length).toBeLessThan(3_000_000);
    const links = await pdfLinks(pdf);
    expect(links.length).toBeGreaterThan(1000);
    expect(links.every((link) => link.url === url)).toBe(true);
    expect(pdf.toString('latin1').split('/URI (https://example.com/aaaa').length - 1).toBe(1);
  }, 60_000);

  it('a pile of combining marks is set letter by letter: shaping work grows with its length, not its square', async () => {
    const pile = `a${'\u0301'.repeat(3000)}`;
    expect(setLetterByLetter(pile)).toBe(true);
    expect(setLetterByLetter(`e\u0301\u0302 word`)).toBe(false);
    const font = defaultResolvedTheme().fonts['serif-regular'].font;
    const layout = vi.spyOn(font, 'layout');
    try {
      const { outputs } = await render(`# Marks\n\n${pile}\n`, { formats: ['pdf'] });
      expect(outputs[0]?.bytes.length).toBeGreaterThan(1000);
      // No call shapes more than one character of the pile (shaping the pile whole costs its square).
      expect(layout.mock.calls.length).toBeGreaterThan(0);
      const longest = Math.max(...layout.mock.calls.map(([text]) => String(text).length));
      expect(longest).toBeLessThan(64);
    } finally {
      layout.mockRestore();
    }
  }, 60_000);

  it('one grapheme cluster longer than a shaping piece (4,096 units) renders', async () => {
    const family = `${'\u{1F469}\u200d'.repeat(2000)}\u{1F469}`;
    const { outputs } = await render(`# Family\n\n${family}\n`, { formats: ['pdf', 'pptx'] });
    expect(outputs.map((o) => o.bytes.length > 1000)).toEqual([true, true]);
  }, 60_000);
});
