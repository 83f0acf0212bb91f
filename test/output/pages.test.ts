import { describe, expect, it } from 'vitest';
import { countPages, render } from '../../src/index.js';
import { EXAMPLE_YAML } from '../helpers.js';

describe('countPages', () => {
  it('counts the pages of a PDF and the slides of a deck from their bytes', async () => {
    const { outputs } = await render(EXAMPLE_YAML);
    const pdf = outputs.find((o) => o.format === 'pdf')?.bytes ?? new Uint8Array();
    const deck = outputs.find((o) => o.format === 'pptx')?.bytes ?? new Uint8Array();
    const text = Buffer.from(pdf).toString('latin1');
    // The page tree's own `/Type /Pages` is not a page.
    expect(text).toContain('/Type /Pages');
    expect(countPages('pdf', pdf)).toBe(text.match(/\/Type \/Page\b/g)?.length);
    expect(countPages('pdf', pdf)).toBeGreaterThan(2);
    expect(countPages('pptx', deck)).toBeGreaterThan(8);
    expect(countPages('html', pdf)).toBe(0);
  });

  it('reads a PDF that is a view into a larger buffer without reading past it', () => {
    const whole = Buffer.from('xx/Type /Page /Type /Pages /Type /Page', 'latin1');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 2, 12);
    expect(countPages('pdf', view)).toBe(1);
  });
});
