import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/diagnostics/warnings.js';
import { buildDocTree } from '../../src/markdown/index.js';

const DIR = 'test/fixtures/markdown';
const META = { title: 'Fixture', authors: [], language: 'en', keywords: [] };

/** Each `name.md` beside its expected `name.tree.json` (set UPDATE_GOLDEN=1 to rewrite them). */
describe('Markdown → DocTree fixtures', () => {
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    it(`converts ${file}`, () => {
      const source = readFileSync(join(DIR, file), 'utf8');
      const warnings: Warning[] = [];
      const tree = buildDocTree(source, {
        meta: META,
        warn: (w) => warnings.push(w),
        file,
        source,
      });
      const actual = `${JSON.stringify({ tree, warnings }, null, 2)}\n`;
      const golden = join(DIR, file.replace(/\.md$/, '.tree.json'));
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, actual);
      expect(existsSync(golden), `${golden} is missing: write it with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
