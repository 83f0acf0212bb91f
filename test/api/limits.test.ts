import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { caughtError, runCliCaptured, tempDir } from '../helpers.js';

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

  it('counts nesting however it is written: list markers on one line, quotes, emphasis, directives', async () => {
    const cases: [string, string][] = [
      ['one line of list markers', `${'- '.repeat(2000)}x`],
      ['ordered markers', `${'1. '.repeat(2000)}x`],
      ['quotes and lists', `${'> - '.repeat(1000)}x`],
      ['emphasis', `${'*'.repeat(20_000)}a${'*'.repeat(20_000)}`],
      ['directives', `${'::: note\n'.repeat(3000)}x\n${':::\n'.repeat(3000)}`],
    ];
    for (const [what, body] of cases) {
      const error = await caughtError(() =>
        render(
          { meta: { title: 'Deep' }, sections: [{ title: 'S', body }] },
          { file: 'deep.yaml', formats: ['pdf'], systemFonts: false },
        ),
      );
      expect(error.code, what).toBe('LIMIT_EXCEEDED');
      expect(error.file, what).toBe('deep.yaml');
      expect(error.message, what).toMatch(/nested|maxNesting/);
    }
  });

  it('names the line of deep nesting in a Markdown input', async () => {
    const dir = tempDir();
    const input = join(dir, 'deep.md');
    writeFileSync(input, `# Title\n\nText.\n\n${'- '.repeat(2000)}x\n`);
    const error = await caughtError(() => render(input, { formats: ['pdf'] }));
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', file: input, line: 5 });
  });

  it('counts the cells of a pipe table in Markdown against the table limit', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `| ${i} | x | y |`).join('\n');
    const body = `Intro.\n\n| a | b | c |\n|---|---|---|\n${rows}\n`;
    const error = await caughtError(() =>
      render(
        { meta: { title: 'T' }, sections: [{ title: 'S', body }] },
        { file: 'cells.yaml', formats: ['pptx'], limits: { maxTableCells: 1000 } },
      ),
    );
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', file: 'cells.yaml' });
    expect(error.message).toContain('maxTableCells');
  });

  it('counts YAML as its aliases expand, and refuses an alias bomb by name', async () => {
    const dir = tempDir();
    const copies = join(dir, 'copies.yaml');
    const text = 'word '.repeat(4000);
    writeFileSync(
      copies,
      `meta:\n  title: T\nsummary: &a "${text}"\nkeyPoints:\n${'  - *a\n'.repeat(99)}`,
    );
    const error = await caughtError(() =>
      render(copies, { formats: ['pdf'], limits: { maxInputBytes: 1_000_000 } }),
    );
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', file: copies });
    expect(error.message).toMatch(/expands through its aliases.*maxInputBytes/);
    // Within the input limit, a hundredfold expansion is still an alias bomb.
    const expansion = await caughtError(() => render(copies, { formats: ['pdf'] }));
    expect(expansion).toMatchObject({ code: 'LIMIT_EXCEEDED', file: copies });
    expect(expansion.message).toContain('maxAliasExpansion');
    const allowed = await render(copies, { formats: ['pdf'], limits: { maxAliasExpansion: 200 } });
    expect(allowed.outputs).toHaveLength(1);

    const bomb = join(dir, 'bomb.yaml');
    const levels = Array.from(
      { length: 12 },
      (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`,
    );
    writeFileSync(bomb, `meta:\n  title: T\na0: &a0 "lol"\n${levels.join('\n')}\n`);
    const started = Date.now();
    const bombError = await caughtError(() => render(bomb, { formats: ['pdf'] }));
    expect(bombError).toMatchObject({ code: 'LIMIT_EXCEEDED', file: bomb });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses YAML nested deeper than it can be read, by name', async () => {
    const dir = tempDir();
    const input = join(dir, 'nested.yaml');
    writeFileSync(input, `meta:\n  title: T\nextra: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    const error = await caughtError(() => render(input, { formats: ['pdf'] }));
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', file: input });
  });

  it('refuses a chart with more points than the limit before validating it, in a model or a fence', async () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => i);
    const started = Date.now();
    const model = await caughtError(() =>
      render(
        {
          meta: { title: 'T' },
          sections: [{ title: 'S', chart: { categories: ['a'], series: [{ name: 's', values }] } }],
        },
        { file: 'chart.json', formats: ['pdf'] },
      ),
    );
    expect(model).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      file: 'chart.json',
      pointer: '/sections/0/chart',
    });
    expect(model.message).toContain('maxChartPoints');
    expect(Date.now() - started).toBeLessThan(10_000);
    const fence = `\`\`\`chart\ncategories: [a, b]\nseries:\n  - name: s\n    values: [${Array(200).fill(1).join(', ')}]\n\`\`\``;
    const fenced = await caughtError(() =>
      render(
        { meta: { title: 'T' }, sections: [{ title: 'S', body: fence }] },
        { file: 'fence.yaml', formats: ['pdf'], limits: { maxChartPoints: 100 } },
      ),
    );
    expect(fenced).toMatchObject({ code: 'LIMIT_EXCEEDED', file: 'fence.yaml' });
  });

  it('counts the bytes actually read, not the size a file claims (a link to /dev/zero)', async () => {
    const dir = tempDir();
    const input = join(dir, 'zero.yaml');
    symlinkSync('/dev/zero', input);
    const error = await caughtError(() =>
      render(input, { formats: ['pdf'], limits: { maxInputBytes: 1_000_000 } }),
    );
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', file: input });
    expect(error.message).toContain('maxInputBytes');
  });

  it('takes a bad limit as a usage error, in the API and on the command line', async () => {
    const report = { meta: { title: 'T' }, sections: [] };
    for (const limits of [{ maxNesting: Number.NaN }, { maxInputBytes: -1 }]) {
      const error = await caughtError(() => render(report, { limits }));
      expect(error.code).toBe('USAGE');
    }
    for (const value of ['abc', '-5', '0']) {
      const { code, stderr } = await runCliCaptured([
        'render',
        'examples/carney-xi/carney-xi.yaml',
        '--out',
        tempDir(),
        '--max-input-mb',
        value,
      ]);
      expect(code, value).toBe(2);
      expect(stderr, value).toContain('--max-input-mb');
    }
  });

  it('refuses a PDF with more pages or a deck with more slides than the limits, before drawing them', async () => {
    const bullets = Array.from({ length: 60 }, (_, i) => `Point ${i} ${'with words '.repeat(20)}`);
    const report = { meta: { title: 'Long' }, sections: [{ title: 'S', bullets }] };
    const pages = await caughtError(() =>
      render(report, { file: 'long.json', formats: ['pdf'], limits: { maxPages: 2 } }),
    );
    expect(pages).toMatchObject({ code: 'LIMIT_EXCEEDED', file: 'long.json' });
    expect(pages.message).toMatch(/a PDF of \d+ pages is over the maxPages limit \(2 pages\)/);
    const slides = await caughtError(() =>
      render(report, { file: 'long.json', formats: ['pptx'], limits: { maxSlides: 5 } }),
    );
    expect(slides.message).toMatch(/a deck of \d+ slides is over the maxSlides limit \(5 slides\)/);
    expect((await render(report, { formats: ['pptx'] })).outputs).toHaveLength(1);
  });
});
