import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { caughtError, tempDir } from '../helpers.js';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('limits', () => {
  it('refuses an input over the size limit, naming the limit and how to raise it', async () => {
    const dir = tempDir();
    const input = join(dir, 'big.yaml');
    writeFileSync(input, `meta:\n  title: Big\nsummary: "${'x'.repeat(300_000)}"\n`);
    const error = await caughtError(() => render(input, { limits: { maxInputBytes: 100_000 } }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.file).toBe(input);
    expect(error.message).toContain('maxInputBytes');
    expect(error.hint).toContain('--max-input-mb');
    expect(
      (await render(input, { formats: ['pdf'], limits: { maxInputBytes: 1_000_000 } })).outputs,
    ).toHaveLength(1);
  });

  it('refuses Markdown nested deeper than the limit, with the field’s pointer', async () => {
    const deep = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const error = await caughtError(() =>
      render({ meta: { title: 'Deep' }, sections: [{ title: 'S', body: deep }] }),
    );
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.pointer).toBe('/sections/0/body');
    expect(error.message).toContain('maxNesting');
    const quotes = `${'>'.repeat(40)} deep quote`;
    expect(
      (await caughtError(() => render({ meta: { title: 'Q' }, summary: quotes }))).pointer,
    ).toBe('/summary');
  });

  it('refuses a table over the cell limit', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [String(i), 'x']);
    const error = await caughtError(() =>
      render(
        { meta: { title: 'T' }, sections: [{ title: 'S', table: { columns: ['a', 'b'], rows } }] },
        { limits: { maxTableCells: 500 } },
      ),
    );
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', pointer: '/sections/0/table' });
    expect(error.message).toContain('maxTableCells');
  });

  it('refuses an image over the size or pixel limits', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dot.png'), PNG);
    const input = join(dir, 'brief.json');
    writeFileSync(
      input,
      JSON.stringify({
        meta: { title: 'I' },
        sections: [{ title: 'S', image: { src: 'dot.png', alt: 'dot' } }],
      }),
    );
    const bytes = await caughtError(() =>
      render(input, { formats: ['pdf'], limits: { maxImageBytes: 10 } }),
    );
    expect(bytes.message).toContain('maxImageBytes');
    const pixels = await caughtError(() =>
      render(input, { formats: ['pdf'], limits: { maxImagePixels: 0 } }),
    );
    expect(pixels.message).toContain('maxImagePixels');
    expect(pixels.hint).toContain('limits');
  });
});
