import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BriefwrightError,
  createEngine,
  ERROR_CODES,
  type ErrorCode,
  parseReport,
  pdfRenderer,
  type Renderer,
  render,
  renderToFiles,
  validate,
} from '../../src/index.js';
import { caughtError, EXAMPLE_YAML, tempDir } from '../helpers.js';

/** For every error code: a way to trigger it, and where the error must say the fault is. */
const dir = tempDir();
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const emptyTemplate = join(dir, 'empty-template');
mkdirSync(emptyTemplate, { recursive: true });
const brokenTemplate = join(dir, 'broken-template');
mkdirSync(brokenTemplate, { recursive: true });
writeFileSync(join(brokenTemplate, 'main.md.hbs'), '{{#if meta.title}}unclosed\n');
const failing: Renderer = {
  ...pdfRenderer,
  format: 'failing',
  render: async () => Promise.reject(new Error('boom')),
};

const CASES: Record<ErrorCode, { trigger: () => unknown; where: 'line' | 'pointer' | 'file' }> = {
  INPUT_NOT_FOUND: { trigger: () => validate(join(dir, 'missing.yaml')), where: 'file' },
  INPUT_ENCODING: {
    trigger: () => validate(file('latin1.yaml', Buffer.from([0x6d, 0x3a, 0xe9, 0x0a]))),
    where: 'line',
  },
  INPUT_FORMAT: { trigger: () => validate(file('brief.docx', 'x')), where: 'file' },
  PARSE_JSON: { trigger: () => validate(file('bad.json', '{\n  "meta": }\n')), where: 'line' },
  PARSE_YAML: {
    trigger: () => validate(file('tabs.yaml', 'meta:\n\ttitle: Tabs\n')),
    where: 'line',
  },
  MISSING_FIELD: {
    trigger: () => validate(file('untitled.yaml', 'meta:\n  subtitle: S\n')),
    where: 'pointer',
  },
  WRONG_TYPE: {
    trigger: () => validate(file('typed.yaml', 'meta:\n  title: 42\n')),
    where: 'pointer',
  },
  UNKNOWN_FIELD: {
    trigger: () => validate(file('typo.yaml', 'meta:\n  title: T\n  titel: T\n')),
    where: 'pointer',
  },
  INVALID_VALUE: {
    trigger: () => validate(file('date.yaml', 'meta:\n  title: T\n  date: soon\n')),
    where: 'pointer',
  },
  THEME_INVALID: {
    trigger: () =>
      render(EXAMPLE_YAML, { theme: file('theme.json', '{ "colors": { "accent": "blue" } }') }),
    where: 'pointer',
  },
  TEMPLATE_NOT_FOUND: {
    trigger: () => render(EXAMPLE_YAML, { template: emptyTemplate }),
    where: 'file',
  },
  TEMPLATE_ERROR: {
    trigger: () => render(EXAMPLE_YAML, { template: brokenTemplate, formats: ['pdf'] }),
    where: 'line',
  },
  FORMAT_UNKNOWN: { trigger: () => render(EXAMPLE_YAML, { formats: ['odt'] }), where: 'file' },
  OUTPUT_WRITE: {
    trigger: () =>
      renderToFiles(EXAMPLE_YAML, { formats: ['pdf'], outDir: join(file('blocker', 'x'), 'sub') }),
    where: 'file',
  },
  MISSING_GLYPH: {
    trigger: () =>
      render(file('glyph.md', '# Glyphs\n\nA hieroglyph: \u{13000}.\n'), {
        formats: ['pdf'],
        systemFonts: false,
        missingGlyphs: 'error',
      }),
    where: 'line',
  },
  RENDER_FAILED: {
    trigger: () => render(EXAMPLE_YAML, { engine: createEngine({ renderers: [failing] }) }),
    where: 'file',
  },
  USAGE: { trigger: () => render(EXAMPLE_YAML, { formats: [] }), where: 'file' },
  LIMIT_EXCEEDED: {
    trigger: () => render(EXAMPLE_YAML, { limits: { maxInputBytes: 10 } }),
    where: 'file',
  },
  ASSETS_MISSING: {
    trigger: async () => {
      process.env.BRIEFWRIGHT_ASSETS = dir;
      try {
        return await render(EXAMPLE_YAML, { formats: ['pdf'] });
      } finally {
        delete process.env.BRIEFWRIGHT_ASSETS;
      }
    },
    where: 'file',
  },
};

describe('every error code', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    it(`${code}: ${ERROR_CODES[code]}`, async () => {
      const { trigger, where } = CASES[code];
      const error = await caughtError(trigger);
      expect(error).toBeInstanceOf(BriefwrightError);
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
      expect(error.hint, 'a hint').toBeTruthy();
      if (where === 'line') expect(error.line, 'a line').toBeGreaterThan(0);
      if (where === 'pointer') expect(error.pointer, 'a pointer').toMatch(/^\//);
      if (where !== 'file' || (code !== 'FORMAT_UNKNOWN' && code !== 'USAGE'))
        expect(error.file, 'a file').toBeTruthy();
    });
  }

  it('accepts a BOM and CRLF line endings', () => {
    expect(parseReport('\uFEFFmeta:\r\n  title: Windows\r\n', { file: 'w.yaml' }).meta.title).toBe(
      'Windows',
    );
  });
});
