import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJsonSchema, SCHEMA_FILES } from '../../src/model/jsonSchema.js';
import { REPORT_TYPES_FILE, renderReportTypes } from '../../src/model/reportTypes.js';

describe('the JSON Schemas', () => {
  for (const file of SCHEMA_FILES) {
    it(`${file} is up to date with the zod schema (run \`npm run schema\` when this fails)`, () => {
      expect(readFileSync(`schema/${file}`, 'utf8')).toBe(renderJsonSchema(file));
    });
  }

  it('the documented input types are up to date, every field described (run `npm run schema`)', async () => {
    const text = await renderReportTypes();
    expect(readFileSync(REPORT_TYPES_FILE, 'utf8')).toBe(text);
    // What an editor shows on hover: the field's description as TSDoc, right above it.
    expect(text).toMatch(/\/\*\*\n\s+\* Title of the brief\n\s+\*\/\n\s+title: string;/);
    expect(text).toMatch(/\* The lede[^\n]*\n\s+\*\/\n\s+summary\?: string;/);
  });

  it('describes every theme field and forbids unknown ones', () => {
    const theme = JSON.parse(renderJsonSchema('theme.schema.json'));
    expect(theme.additionalProperties).toBe(false);
    const undescribed: string[] = [];
    const visit = (node: Record<string, unknown>, path: string) => {
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [name, child] of Object.entries(properties)) {
        if (!child.description) undescribed.push(`${path}/${name}`);
        visit(child, `${path}/${name}`);
      }
    };
    visit(theme, '');
    // Margins' sides and a family's name speak for themselves; everything else is described.
    expect(undescribed.filter((p) => !/\/margins\/\w+$|\/size\/(width|height)$/.test(p))).toEqual(
      [],
    );
  });

  it('requires meta.title and forbids unknown fields', () => {
    const schema = JSON.parse(renderJsonSchema());
    expect(schema.required).toContain('meta');
    expect(schema.properties.meta.required).toContain('title');
    expect(schema.additionalProperties).toBe(false);
  });
});
