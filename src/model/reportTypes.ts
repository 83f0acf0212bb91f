import { buildJsonSchema } from './jsonSchema.js';

/** Where the generated model types live, from the package's root. */
export const REPORT_TYPES_FILE = 'src/model/reportInput.generated.ts';

/**
 * The model's input types as TypeScript interfaces generated from its JSON Schema, each field with its
 * description as TSDoc, so that an editor shows what `meta.title` or `summary` is on hover (types
 * inferred from zod carry no descriptions). A maintainer's tool (`npm run schema`): it loads
 * json-schema-to-typescript, a development dependency, only when called.
 */
export async function renderReportTypes(): Promise<string> {
  const { compile } = await import('json-schema-to-typescript');
  const schema = buildJsonSchema('report.schema.json');
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const named = {
    ...schema,
    $id: undefined,
    title: 'ReportInput',
    description: 'A report as a caller writes it: the input of `render`, `validate` and the CLI.',
    $defs: { Section: { ...defs.Section, title: 'SectionInput' } },
  };
  const body = await compile(named, 'ReportInput', {
    bannerComment: '',
    additionalProperties: false,
    format: true,
    style: { singleQuote: true, printWidth: 100, semi: true },
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
  });
  return `// Generated from the zod model by \`npm run schema\`: do not edit (a test fails when it is stale).\n\n${body}`;
}
