import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BriefwrightError,
  formatError,
  formatWarning,
  parseReport,
  render,
} from '../../src/index.js';
import { caughtError, pdfPages, pdfStructure, runCliCaptured, tempDir } from '../helpers.js';

/** Characters that drive a terminal (escape sequences, C1 controls), which must never be printed raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u001b\u007f-\u009f]/;

function parseFails(text: string): BriefwrightError {
  try {
    parseReport(text, { file: 'in.yaml' });
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
  }
  throw new Error('expected a BriefwrightError');
}

describe('inputs found breaking things on the way', () => {
  it('tags fifty footnotes of one paragraph, their notes spilling over pages', async () => {
    const refs = Array.from({ length: 50 }, (_, i) => `claim ${i}[^${i}]`).join(' ');
    const notes = Array.from({ length: 50 }, (_, i) => `[^${i}]: Note number ${i}.`).join('\n');
    const { outputs } = await render(
      { meta: { title: 'Notes' }, sections: [{ title: 'S', body: `${refs}\n\n${notes}` }] },
      { formats: ['pdf'], systemFonts: false },
    );
    const pdf = outputs[0]?.bytes ?? new Uint8Array();
    const text = (await pdfPages(pdf)).pages.join('\n');
    expect(text).toContain('Note number 49.');
    expect((await pdfStructure(pdf)).filter((role) => role === 'P').length).toBeGreaterThan(50);
  });

  it('draws a chart whose max is below every value, and refuses values no axis can hold', async () => {
    const chart = (values: number[], extra = {}) => ({
      meta: { title: 'C' },
      sections: [
        {
          title: 'S',
          chart: { categories: ['a', 'b'], series: [{ name: 's', values }], ...extra },
        },
      ],
    });
    const tiny = await render(chart([1, 2], { max: 1e-300 }), { systemFonts: false });
    expect(tiny.outputs).toHaveLength(2);
    for (const kind of ['bar', 'pie']) {
      const error = await caughtError(() =>
        render(chart([1e308, 1e308], { kind }), { file: 'huge.json', systemFonts: false }),
      );
      expect(error).toMatchObject({
        code: 'INVALID_VALUE',
        file: 'huge.json',
        pointer: '/sections/0/chart/series/0/values/0',
      });
    }
  });

  it('says NaN where YAML gives .nan for a number', async () => {
    const error = await caughtError(() =>
      parseReport(
        'meta:\n  title: T\nsections:\n  - title: S\n    chart:\n      categories: [a]\n      series: [{name: s, values: [.nan]}]\n',
        { file: 'nan.yaml' },
      ),
    );
    expect(error.message).toBe('values[0] must be a number, not NaN (not a number)');
    expect(error).toMatchObject({ file: 'nan.yaml', line: 7 });
  });

  it('labels a fault in valid JSON (a repeated key) as JSON, with its line', async () => {
    const error = await caughtError(() =>
      parseReport('{\n  "meta": {"title": "T"},\n  "meta": {"title": "U"}\n}', {
        format: 'json',
        file: 'dup.json',
      }),
    );
    expect(error).toMatchObject({ code: 'PARSE_JSON', file: 'dup.json', line: 3 });
  });

  it('prints escape sequences and bidi overrides from an input as visible escapes', () => {
    const shown = formatWarning({
      code: 'RAW_HTML_DROPPED',
      message: 'raw HTML "<b>\u001b[2J\u202e</b>" is not rendered',
      file: 'a\u001b]0;title\u0007.md',
    });
    expect(shown).toBe(
      'a\\x1B]0;title\\x07.md: warning RAW_HTML_DROPPED: raw HTML "<b>\\x1B[2J\\u202E</b>" is not rendered',
    );
    const error = new BriefwrightError('INVALID_VALUE', 'title "\u001b[31mred" is wrong', {
      file: 'in.yaml',
      hint: 'no \u009b here',
    });
    expect(formatError(error)).toBe(
      'in.yaml: error INVALID_VALUE: title "\\x1B[31mred" is wrong\n  hint: no \\x9B here',
    );
  });

  it('prints what the user named or wrote as escapes everywhere: pointers, file names, usage lines', async () => {
    const error = parseFails('meta:\n  title: t\n  "\u001b]0;pwned\u0007": 1\n');
    expect(formatError(error)).toContain('(at /meta/\\x1B]0;pwned\\x07)');
    expect(formatError(error)).not.toMatch(CONTROL);
    const dir = tempDir();
    const input = join(dir, '\u001b]0;pwned\u0007.yaml');
    writeFileSync(input, 'meta:\n  title: T\n');
    const printed = await runCliCaptured(['render', input, '-o', `${dir}/`, '-f', 'pdf']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('\\x1B]0;pwned\\x07.yaml →');
    const usage = await runCliCaptured(['render', input, '--from', '\u001b[2Jyaml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('not "\\x1B[2Jyaml"');
    expect(usage.stderr + printed.stdout).not.toMatch(CONTROL);
  });

  it('trusted settings that are wrong are named, never a crash or an endless read', async () => {
    // SOURCE_DATE_EPOCH beyond what a date holds.
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '99999999999999';
    try {
      const epoch = await caughtError(() => render('# No date\n', { formats: ['pdf'] }));
      expect(epoch.code).toBe('USAGE');
      expect(epoch.message).toContain('SOURCE_DATE_EPOCH must be whole seconds since 1970');
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
    // A font that is a device: refused, not read for ever.
    const device = await caughtError(() =>
      render('# T\n', { formats: ['pdf'], fonts: ['/dev/zero'] }),
    );
    expect(device.code).toBe('THEME_INVALID');
    expect(device.message).toContain('/dev/zero: it is not a regular file');
    // A template whose partials is a file.
    const template = join(tempDir(), 'tpl');
    mkdirSync(template);
    writeFileSync(join(template, 'main.md.hbs'), '# {{meta.title}}\n');
    writeFileSync(join(template, 'partials'), 'not a folder');
    const partials = await caughtError(() => render('# T\n', { template, formats: ['pdf'] }));
    expect(partials.code).toBe('TEMPLATE_ERROR');
    expect(partials.file).toBe(join(template, 'partials'));
  });

  it('a flood of faults reports the first hundred and how many more', () => {
    const sections = Array.from({ length: 5000 }, () => ({ title: 1, x: 2 }));
    const error = parseFails(JSON.stringify({ meta: { title: 't' }, sections }));
    expect(error.related).toHaveLength(100);
    expect(error.related.at(-1)?.message).toBe('and 9900 more faults like these, not listed');
  });

  it('names the font file, not the input, when a --font cannot be read', async () => {
    const dir = tempDir();
    const input = join(dir, 'brief.yaml');
    writeFileSync(input, 'meta:\n  title: T\n');
    const { code, stderr } = await runCliCaptured([
      'render',
      input,
      '--font',
      '/no/such/font.ttf',
      '--out',
      dir,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\/no\/such\/font\.ttf: error THEME_INVALID/);
  });
});
