import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, type Warning } from '../../src/index.js';
import { tempDir } from '../helpers.js';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function warningsOf(
  report: Parameters<typeof render>[0],
  formats = ['pdf', 'pptx'],
): Promise<readonly Warning[]> {
  return (await render(report, { formats, systemFonts: false })).warnings;
}

const codes = (warnings: readonly Warning[]) => warnings.map((w) => w.code);

describe('the preflight report', () => {
  it('names an empty section by its pointer', async () => {
    const warnings = await warningsOf({
      meta: { title: 'T' },
      sections: [{ title: 'Full', body: 'Text.' }, { title: 'Empty' }],
    });
    expect(warnings.find((w) => w.code === 'EMPTY_SECTION')).toMatchObject({
      pointer: '/sections/1',
    });
  });

  it('reports a heading that skips a level, and a link to no heading', async () => {
    const warnings = await warningsOf({
      meta: { title: 'T' },
      sections: [{ title: 'S', body: 'See [the annex](#annex).\n\n### Too deep\n\nText.' }],
    });
    expect(codes(warnings)).toEqual(expect.arrayContaining(['HEADING_SKIPS_LEVEL', 'LINK_BROKEN']));
  });

  it('reports an image without alt text and one too coarse for print', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dot.png'), PNG);
    const input = join(dir, 'brief.md');
    writeFileSync(input, '# T\n\n## Figure\n\n![](dot.png)\n');
    const warnings = (await render(input, { formats: ['pdf'] })).warnings;
    expect(codes(warnings)).toEqual(
      expect.arrayContaining(['IMAGE_NO_ALT', 'IMAGE_LOW_RESOLUTION']),
    );
  });

  it('reports text that needed a "(cont.)" slide, and tables shrunk or split by columns', async () => {
    const bullets = Array.from(
      { length: 12 },
      (_, i) => `Point ${i} with enough words to take a line`,
    );
    const wide = {
      columns: ['Country', ...Array.from({ length: 11 }, (_, i) => `Indicator-${i}-measurement`)],
      rows: [['Canada', ...Array.from({ length: 11 }, (_, i) => `Value-${i}-long-enough`)]],
    };
    const warnings = await warningsOf(
      { meta: { title: 'T' }, sections: [{ title: 'Long', bullets, table: wide }] },
      ['pptx'],
    );
    expect(codes(warnings)).toEqual(
      expect.arrayContaining(['CONTENT_SPLIT', 'TABLE_SHRUNK', 'TABLE_SPLIT_COLUMNS']),
    );
  });

  it('reports missing glyphs, raw HTML and unknown directives', async () => {
    const warnings = await warningsOf(
      // No font on any machine has this hieroglyph (system fonts are not asked).
      { meta: { title: 'T' }, summary: '\u{13000} <b>bold</b>\n\n::: mystery\nText\n:::' },
      ['pdf'],
    );
    expect(codes(warnings)).toEqual(
      expect.arrayContaining(['MISSING_GLYPH', 'RAW_HTML_DROPPED', 'UNKNOWN_DIRECTIVE']),
    );
  });

  it('has nothing to say about the sample brief', async () => {
    expect(await warningsOf('examples/carney-xi/carney-xi.yaml')).toEqual([]);
  });
});
