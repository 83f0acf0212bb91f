import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, parseReport } from '../../src/load/index.js';
import { caughtError, EXAMPLE_MD, EXAMPLE_YAML, tempDir } from '../helpers.js';

describe('loadReport', () => {
  it('loads the YAML sample with all its sections and tables', async () => {
    const report = await loadReport(EXAMPLE_YAML);
    expect(report.meta.title).toBe('Carney in Beijing');
    expect(report.sections).toHaveLength(3);
    expect(report.sections.map((s) => s.table?.rows.length)).toEqual([3, 3, 4]);
    expect(report.meta.language).toBe('en-CA');
  });

  it('loads the Markdown sample into the same meta and section titles', async () => {
    const [yaml, md] = await Promise.all([loadReport(EXAMPLE_YAML), loadReport(EXAMPLE_MD)]);
    expect(md.meta).toEqual(yaml.meta);
    expect(md.sections.map((s) => s.title)).toEqual(yaml.sections.map((s) => s.title));
    expect(md.summary).toBe(yaml.summary);
  });

  it('names the file and the line of malformed YAML', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'meta:\n  title: "unclosed\n  subtitle: x\n');
    const error = await caughtError(() => loadReport(file));
    expect(error.code).toBe('PARSE_YAML');
    expect(error.file).toBe(file);
    expect(error.line).toBeGreaterThan(0);
  });

  it('reports a missing title with its pointer and line', async () => {
    const error = await caughtError(() =>
      parseReport('meta:\n  subtitle: x\n', { file: 'brief.yaml' }),
    );
    expect(error.code).toBe('MISSING_FIELD');
    expect(error.pointer).toBe('/meta/title');
    expect(error.file).toBe('brief.yaml');
    expect(error.line).toBe(2);
    expect(error.message).toContain('title');
  });

  it('reports a title of the wrong type with a hint', async () => {
    const error = await caughtError(() =>
      parseReport('meta:\n  title: [1, 2]\n', { file: 'brief.yaml' }),
    );
    expect(error.code).toBe('WRONG_TYPE');
    expect(error.pointer).toBe('/meta/title');
    expect(error.line).toBe(2);
    expect(error.column).toBe(10);
  });

  it('suggests the right name for a misspelt field', async () => {
    const error = await caughtError(() =>
      parseReport('meta:\n  title: T\n  subtitel: S\n', { file: 'brief.yaml' }),
    );
    expect(error.code).toBe('UNKNOWN_FIELD');
    expect(error.pointer).toBe('/meta/subtitel');
    expect(error.hint).toContain('subtitle');
    expect(error.line).toBe(3);
  });

  it('reports every fault at once, with the pointer of a ragged table row', async () => {
    const text = JSON.stringify({
      meta: { title: 'T' },
      sections: [{ title: 'S', table: { columns: ['a', 'b'], rows: [['1']] } }],
      extra: 1,
    });
    const error = await caughtError(() =>
      parseReport(text, { file: 'brief.json', format: 'json' }),
    );
    const pointers = [error, ...error.related].map((e) => e.pointer);
    expect(pointers).toContain('/sections/0/table/rows/0');
    expect(pointers).toContain('/extra');
  });

  it('gives line and column for invalid JSON', async () => {
    const error = await caughtError(() =>
      parseReport('{\n  "meta": {"title": "x",}\n}', { file: 'brief.json', format: 'json' }),
    );
    expect(error.code).toBe('PARSE_JSON');
    expect(error.line).toBe(2);
  });

  it('refuses a nonexistent file by name', async () => {
    const error = await caughtError(() => loadReport('no/such/brief.yaml'));
    expect(error.code).toBe('INPUT_NOT_FOUND');
    expect(error.file).toBe('no/such/brief.yaml');
  });

  it('refuses invalid UTF-8 and accepts a BOM and CRLF line endings', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, Buffer.from([0x6d, 0x65, 0x74, 0x61, 0x3a, 0xff, 0x0a]));
    expect((await caughtError(() => loadReport(bad))).code).toBe('INPUT_ENCODING');
    const good = join(dir, 'good.yaml');
    writeFileSync(good, '\uFEFFmeta:\r\n  title: Windows\r\n');
    expect((await loadReport(good)).meta.title).toBe('Windows');
  });

  it('refuses duplicate keys in front matter', async () => {
    const error = await caughtError(() =>
      parseReport('---\ntitle: A\ntitle: B\n---\nBody\n', { file: 'a.md', format: 'markdown' }),
    );
    expect(error.code).toBe('PARSE_YAML');
    expect(error.line).toBe(3);
  });
});

describe('Markdown inputs', () => {
  it('takes the first heading as the title and the shallowest headings as sections', () => {
    const report = parseReport(
      '# Title\n\nLede.\n\n## One\n\nText.\n\n### Sub\n\nMore.\n\n## Two\n',
      { file: 'x.md', format: 'markdown' },
    );
    expect(report.meta.title).toBe('Title');
    expect(report.summary).toBe('Lede.');
    expect(report.sections.map((s) => s.title)).toEqual(['One', 'Two']);
    expect(report.sections[0]?.subsections?.[0]?.title).toBe('Sub');
    expect(report.sections[0]?.body).toBe('Text.');
  });

  it('does not start a section at a heading inside a directive or a code fence', () => {
    const report = parseReport(
      '# T\n\n## One\n\n::: callout\n## Not a section\n:::\n\n```\n## Nor this\n```\n',
      {
        file: 'x.md',
        format: 'markdown',
      },
    );
    expect(report.sections.map((s) => s.title)).toEqual(['One']);
    expect(report.sections[0]?.body).toContain('## Not a section');
  });

  it('loads a file with no front matter and no headings, only a table', () => {
    const report = parseReport('| a | b |\n|---|---|\n| 1 | 2 |\n', {
      file: 'my-table.md',
      format: 'markdown',
    });
    expect(report.meta.title).toBe('My table');
    expect(report.summary).toContain('| a | b |');
    expect(report.sections).toEqual([]);
  });

  it('maps a front matter fault to its line in the file', async () => {
    const error = await caughtError(() =>
      parseReport('---\ntitle: T\nlang: not a tag!\n---\n# Body\n', {
        file: 'x.md',
        format: 'markdown',
      }),
    );
    // Read from pandoc's `lang`, reported at that key's line.
    expect(error.pointer).toBe('/meta/language');
    expect(error.line).toBe(3);
  });
});

describe('Markdown titles', () => {
  it('takes headings as plain text, without emphasis or code marks', () => {
    const report = parseReport('# The *new* `Canada` & China\n\n## Trade **and** climate\n', {
      file: 'x.md',
      format: 'markdown',
    });
    expect(report.meta.title).toBe('The new Canada & China');
    expect(report.sections[0]?.title).toBe('Trade and climate');
  });

  it('reports a __proto__ key in front matter as an unknown field, as in a YAML model', async () => {
    for (const front of [
      'title: T\n__proto__:\n  summary: injected',
      'meta:\n  title: T\n  __proto__: { subtitle: injected }',
    ]) {
      const error = await caughtError(() =>
        parseReport(`---\n${front}\n---\n\nBody\n`, { format: 'markdown', file: 'p.md' }),
      );
      expect(error.code, front).toBe('UNKNOWN_FIELD');
      expect(error.message).toContain('__proto__');
      expect(error.file).toBe('p.md');
      expect(error.line).toBeGreaterThan(1);
    }
  });

  it('reports a front matter meta that is not a mapping', async () => {
    const error = await caughtError(() =>
      parseReport('---\nmeta: oops\n---\n# Title\n', { file: 'x.md', format: 'markdown' }),
    );
    expect(error.pointer).toBe('/meta');
    expect(error.code).toBe('WRONG_TYPE');
  });
});

describe('JSON syntax errors', () => {
  it('find the line and column even when the engine does not say, and never quote the whole input', async () => {
    const error = await caughtError(() =>
      parseReport('{\n  "meta": {\n    "title": }\n}\n', { file: 'b.json', format: 'json' }),
    );
    expect(error.code).toBe('PARSE_JSON');
    expect([error.line, error.column]).toEqual([3, 14]);
    expect(error.message).not.toContain('"meta"');
  });
});
