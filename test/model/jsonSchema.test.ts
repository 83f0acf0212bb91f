import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJsonSchema } from '../../src/model/jsonSchema.js';

describe('the JSON Schema', () => {
  it('is up to date with the zod model (run `npm run schema` when this fails)', () => {
    expect(readFileSync('schema/report.schema.json', 'utf8')).toBe(renderJsonSchema());
  });

  it('requires meta.title and forbids unknown fields', () => {
    const schema = JSON.parse(renderJsonSchema());
    expect(schema.required).toContain('meta');
    expect(schema.properties.meta.required).toContain('title');
    expect(schema.additionalProperties).toBe(false);
  });
});
