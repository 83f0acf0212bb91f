import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it, vi } from 'vitest';
import { BriefwrightError } from '../../src/diagnostics/errors.js';
import { parseReport } from '../../src/load/index.js';
import { escapeMarkdown } from '../../src/template/escape.js';
import { fillReportTemplate } from '../../src/template/index.js';
import { linkableUrl } from '../../src/template/viewModel.js';
import { tempDir } from '../helpers.js';

const report = parseReport(
  'meta:\n  title: "A *star* | pipe"\nsections:\n  - title: "# not a heading"\n    body: "**bold** stays"\n',
);

describe('Markdown escaping', () => {
  it('escapes inline and block syntax and pipes', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) | f')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\| f');
    expect(escapeMarkdown('# x')).toBe('\\# x');
    expect(escapeMarkdown('1. x')).toBe('1\\. x');
  });

  it('escapes {{x}} but inserts {{{x}}} as Markdown in the built-in template', () => {
    const md = fillReportTemplate(report, 'policy-brief');
    expect(md).toContain('# \\# not a heading');
    expect(md).toContain('**bold** stays');
  });

  it('leaves the global Handlebars escaping HTML', () => {
    fillReportTemplate(report, 'policy-brief');
    expect(Handlebars.compile('{{x}}')({ x: '<b>*' })).toBe('&lt;b&gt;*');
  });
});

describe('template errors', () => {
  it('names the template file, the line and the full data path of a misspelt field', () => {
    const dir = join(tempDir(), 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'main.md.hbs'), '# {{meta.title}}\n\n{{meta.subtitel}}\n');
    try {
      fillReportTemplate(report, dir);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(BriefwrightError);
      const e = error as BriefwrightError;
      expect(e.code).toBe('TEMPLATE_ERROR');
      expect(e.file).toBe(join(dir, 'main.md.hbs'));
      expect(e.line).toBe(3);
      expect(e.message).toContain('meta.subtitel');
    }
  });

  it('refuses helpers it does not know', () => {
    const dir = join(tempDir(), 'helpers');
    mkdirSync(dir);
    writeFileSync(join(dir, 'main.md.hbs'), '{{lookupEnv "HOME"}}\n');
    expect(() => fillReportTemplate(report, dir)).toThrow(BriefwrightError);
  });

  it('cannot reach prototypes', () => {
    const dir = join(tempDir(), 'proto');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'main.md.hbs'),
      '{{#with meta}}{{#if constructor}}leak{{/if}}{{/with}}ok\n',
    );
    let out = '';
    try {
      out = fillReportTemplate(report, dir);
    } catch (error) {
      expect(error).toBeInstanceOf(BriefwrightError);
    }
    expect(out).not.toContain('leak');
  });

  it('does not offer {{log}}, which would print template data to the console', () => {
    const dir = join(tempDir(), 'log');
    mkdirSync(dir);
    writeFileSync(join(dir, 'main.md.hbs'), '{{log meta.title}}ok\n');
    const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = (() => {
      try {
        fillReportTemplate(report, dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).file).toBe(join(dir, 'main.md.hbs'));
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
  });

  it('reads no file through a symbolic link that leaves the template folder', () => {
    const secret = join(tempDir(), 'secret.md.hbs');
    writeFileSync(secret, 'SECRET\n');
    const elsewhere = join(tempDir(), 'partials');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'leak.md.hbs'), 'SECRET\n');
    const cases: [string, (dir: string) => void][] = [
      ['a partial', (dir) => symlinkSync(secret, join(dir, 'partials', 'leak.md.hbs'))],
      ['the main file', (dir) => symlinkSync(secret, join(dir, 'main.md.hbs'))],
      ['the partials folder', (dir) => symlinkSync(elsewhere, join(dir, 'partials'))],
    ];
    for (const [what, link] of cases) {
      const dir = join(tempDir(), 'linked');
      mkdirSync(dir);
      if (what !== 'the partials folder') mkdirSync(join(dir, 'partials'));
      if (what !== 'the main file') writeFileSync(join(dir, 'main.md.hbs'), '{{> leak}}\n');
      link(dir);
      let out = '';
      let caught: unknown;
      try {
        out = fillReportTemplate(report, dir);
      } catch (error) {
        caught = error;
      }
      expect(out, what).not.toContain('SECRET');
      expect(caught, what).toBeInstanceOf(BriefwrightError);
      expect((caught as BriefwrightError).message, what).toMatch(/outside the template folder/);
      expect((caught as BriefwrightError).file, what).toContain(dir);
    }
  });

  it('names an unknown template', () => {
    expect(() => fillReportTemplate(report, 'no-such-template')).toThrow(/no template named/);
  });
});

describe('nestHeadings', () => {
  it('pushes a body’s headings below its section, but not inside code fences', async () => {
    const { nestHeadings } = await import('../../src/template/helpers.js');
    expect(nestHeadings('# A\n\n```\n# not a heading\n```\n\n## B\n###### C', 1)).toBe(
      '## A\n\n```\n# not a heading\n```\n\n### B\n###### C',
    );
  });

  it('makes a heading in a section body a subheading in the brief', () => {
    const md = fillReportTemplate(
      parseReport('meta:\n  title: T\nsections:\n  - title: S\n    body: "# Inner\\n\\nText"\n'),
      'policy-brief',
    );
    expect(md).toContain('# S');
    expect(md).toContain('## Inner');
  });
});

describe('splitting a body for slides', () => {
  it('keeps lists, tables and directives for the slide and prose for the notes', async () => {
    const { proseOf, structureOf, hasList } = await import('../../src/template/bodyParts.js');
    const body =
      'Intro paragraph.\n\n- a\n- b\n\n::: table {caption="T"}\n| x |\n|---|\n| 1 |\n:::\n\n> A quote.\n\nClosing.';
    expect(proseOf(body)).toBe('Intro paragraph.\n\n> A quote.\n\nClosing.');
    expect(structureOf(body)).toBe('- a\n- b\n\n::: table {caption="T"}\n| x |\n|---|\n| 1 |\n:::');
    expect(hasList(body)).toBe(true);
    expect(hasList('Just prose.')).toBe(false);
    expect(structureOf('Text.\n\n![A chart](chart.png "Figure 1")')).toBe(
      '![A chart](chart.png "Figure 1")',
    );
  });
});

describe('source addresses in templates', () => {
  it('cannot end the link they sit in: angle brackets, spaces and unbalanced parentheses are encoded', () => {
    expect(linkableUrl('https://example.com/a_(b)?q=1#frag')).toBe(
      'https://example.com/a_(b)?q=1#frag',
    );
    expect(linkableUrl('https://example.com/a b>c')).toBe('https://example.com/a%20b%3Ec');
    expect(linkableUrl('https://example.com/a)b')).toBe('https://example.com/a%29b');
  });
});
