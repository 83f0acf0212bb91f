import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  ERROR_CODES,
  formatError,
  parseReport,
  type Renderer,
  render,
  validate,
} from '../../src/index.js';
import { caughtError, EXAMPLE_YAML, pdfPages, tempDir } from '../helpers.js';

describe('errors people understand', () => {
  it('refuses an input extension it does not read, naming the file', async () => {
    const error = await caughtError(() => validate('brief.docx'));
    expect(error.code).toBe('INPUT_FORMAT');
    expect(error.file).toBe('brief.docx');
    expect(error.hint).toContain('.yaml');
  });

  it('lists the allowed values of an enum and suggests the closest', async () => {
    const error = await caughtError(() =>
      parseReport(
        'meta:\n  title: T\nsections:\n  - title: S\n    callout:\n      body: x\n      kind: warnng\n',
        { file: 'b.yaml' },
      ),
    );
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.pointer).toBe('/sections/0/callout/kind');
    expect(error.line).toBe(7);
    expect(error.message).toContain('"warning"');
    expect(error.hint).toBe('did you mean "warning"?');
  });

  it('explains a malformed date', async () => {
    const error = await caughtError(() =>
      parseReport('meta:\n  title: T\n  date: 24/11/2026\n', { file: 'b.yaml' }),
    );
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.message).toContain('YYYY-MM-DD');
    expect(error.line).toBe(3);
  });

  it('names a template folder without main.md.hbs', async () => {
    const dir = join(tempDir(), 'empty-template');
    mkdirSync(dir);
    const error = await caughtError(() =>
      render(EXAMPLE_YAML, { template: dir, formats: ['pdf'] }),
    );
    expect(error.code).toBe('TEMPLATE_NOT_FOUND');
    expect(error.file).toBe(dir);
    expect(error.message).toContain('main.md.hbs');
  });

  it('refuses a renderer without a format or render()', async () => {
    const error = await caughtError(() =>
      createEngine({ renderers: [{ format: '' } as unknown as Renderer] }),
    );
    expect(error.code).toBe('USAGE');
    expect(error.hint).toContain('README');
  });

  it('formats every error as file:line:col, the code, the message, the pointer and the hint', async () => {
    const error = await caughtError(() => parseReport('meta:\n  title: 42\n', { file: 'b.yaml' }));
    expect(formatError(error)).toBe(
      'b.yaml:2:10: error WRONG_TYPE: title must be a text, not a number (at /meta/title)\n  hint: put the value in quotes',
    );
  });

  it('documents every code', () => {
    expect(Object.keys(ERROR_CODES).sort()).toMatchSnapshot();
  });
});

describe('content warnings', () => {
  it('names the line of raw HTML in the user’s YAML and drops it', async () => {
    const dir = tempDir();
    const input = join(dir, 'brief.yaml');
    writeFileSync(
      input,
      'meta:\n  title: T\nsections:\n  - title: S\n    body: |\n      Before <script>alert(1)</script> after.\n',
    );
    const result = await render(input, { formats: ['pdf'] });
    const warning = result.warnings.find((w) => w.code === 'RAW_HTML_DROPPED');
    expect(warning).toMatchObject({ file: input, line: 6 });
    expect(warning?.format).toBeUndefined();
    const { pages } = await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array());
    expect(pages.join(' ')).toContain('Before after.');
    expect(pages.join(' ')).not.toContain('alert');
  });
});

describe('warnings across formats', () => {
  it('reports a problem in the content once, whichever formats meet it', async () => {
    const result = await render({ meta: { title: 'T' }, summary: 'A <b>bold</b> claim.' });
    expect(result.warnings.filter((w) => w.code === 'RAW_HTML_DROPPED')).toHaveLength(2);
  });
});
