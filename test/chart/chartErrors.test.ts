import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, validate } from '../../src/index.js';
import { caughtError, tempDir } from '../helpers.js';

const dir = tempDir();
const brief = (name: string, chart: string, table = '') => {
  const path = join(dir, name);
  writeFileSync(
    path,
    `meta:\n  title: Charts\nsections:\n  - title: S\n${table}    chart:\n${chart}`,
  );
  return path;
};

describe('chart mistakes in the model', () => {
  it('names the file, the field and its line when a series is short', async () => {
    const file = brief(
      'short.yaml',
      '      categories: [a, b, c]\n      series:\n        - name: s\n          values: [1, 2]\n',
    );
    const error = await caughtError(() => validate(file));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      file,
      pointer: '/sections/0/chart/series/0/values',
      line: 9,
    });
    expect(error.message).toContain('series "s" has 2 values for 3 categories');
  });

  it('suggests the field meant by a misspelt one', async () => {
    const file = brief('typo.yaml', '      categories: [a]\n      serie: []\n');
    const error = await caughtError(() => validate(file));
    expect(error).toMatchObject({
      code: 'UNKNOWN_FIELD',
      file,
      pointer: '/sections/0/chart/serie',
    });
    expect(error.hint).toContain('series');
  });

  it('refuses a chart that takes its data from a table the section does not have', async () => {
    const file = brief('notable.yaml', '      from: table\n');
    const error = await caughtError(() => validate(file));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      file,
      pointer: '/sections/0/chart/from',
      line: 6,
    });
    expect(error.message).toContain('needs a table');
  });

  it("checks a from: table chart against the section's table", async () => {
    const table =
      '    table:\n      columns: [Year, Note]\n      rows:\n        - ["2025", "n/a"]\n';
    const file = brief('textonly.yaml', '      from: table\n', table);
    const error = await caughtError(() => validate(file));
    expect(error).toMatchObject({ code: 'INVALID_VALUE', pointer: '/sections/0/chart/from' });
    expect(error.message).toContain('no column of numbers');
  });

  it('refuses a negative slice of a pie, naming the value', async () => {
    const file = brief(
      'pie.yaml',
      '      kind: pie\n      categories: [a, b]\n      series:\n        - name: s\n          values: [3, -1]\n',
    );
    const error = await caughtError(() => validate(file));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      pointer: '/sections/0/chart/series/0/values/1',
    });
  });
});

describe('chart mistakes in Markdown', () => {
  it('warns with the line and the field, and shows the fence as code', async () => {
    const file = join(dir, 'fence.md');
    writeFileSync(
      file,
      '# Brief\n\nText.\n\n```chart\nkind: bar\ncategories: [a, b]\nseries:\n  - name: s\n    values: [1]\n```\n',
    );
    const result = await render(file, { formats: ['pdf'] });
    const warning = result.warnings.find((w) => w.code === 'CHART_INVALID');
    expect(warning).toMatchObject({ file, line: 5 });
    expect(warning?.message).toContain('chart field series.0.values');
  });

  it('takes a fence with from: table from the table just before it', async () => {
    const file = join(dir, 'table.md');
    writeFileSync(
      file,
      '# Brief\n\n| Year | Trade |\n|---|---:|\n| 2025 | 118.5 |\n| 2026 | 121 |\n\n```chart\nfrom: table\ntitle: Trade\n```\n\n# Next\n\n```chart\nfrom: table\n```\n',
    );
    const result = await render(file, { formats: ['pdf'] });
    // The second fence has a heading between it and the table: it has no table.
    const warnings = result.warnings.filter((w) => w.code === 'CHART_INVALID');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 15 });
    expect(warnings[0]?.message).toContain('chart field from: from: table needs a table');
  });
});
