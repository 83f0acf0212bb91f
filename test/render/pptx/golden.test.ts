import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../../src/index.js';
import { EXAMPLE_YAML, pptxParts, slideNames } from '../../helpers.js';

const DIR = 'test/fixtures/deck';

/** A slide's XML one element a line, so that a change to it reads as a diff of the elements changed. */
function readable(xml: string): string {
  return `${xml.replace(/></g, '>\n<').trim()}\n`;
}

/**
 * The sample deck, slide by slide and with its notes, against the golden files in test/fixtures/deck
 * (reviewed in the diff when the look changes; set UPDATE_GOLDEN=1 to rewrite them). A missing golden
 * file fails rather than being written.
 */
describe('the sample deck against its golden slides', () => {
  const actual = new Map<string, string>();
  beforeAll(async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['pptx'] });
    const parts = await pptxParts(result.outputs[0]?.bytes ?? new Uint8Array());
    for (const folder of ['slides', 'notesSlides'] as const) {
      for (const name of slideNames(parts.names, folder)) {
        const file = name.split('/').at(-1) ?? name;
        actual.set(file, readable(await parts.read(name)));
      }
    }
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(DIR, { recursive: true });
      for (const [file, xml] of actual) writeFileSync(join(DIR, file), xml);
    }
  });

  it('has a golden file for every slide and notes page, and no golden file for a slide it lacks', () => {
    const golden = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.xml')) : [];
    expect([...actual.keys()].sort()).toEqual(golden.sort());
  });

  it('writes every slide and notes page as its golden file says', () => {
    for (const [file, xml] of actual) {
      const path = join(DIR, file);
      expect(existsSync(path), `${path} is missing: write it with UPDATE_GOLDEN=1`).toBe(true);
      expect(xml, file).toBe(readFileSync(path, 'utf8'));
    }
  });
});
