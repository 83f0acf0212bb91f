import Handlebars from 'handlebars';
import { BriefwrightError } from '../diagnostics/errors.js';
import { escapeMarkdown } from './escape.js';
import { createHelpers } from './helpers.js';
import { precompiledCode } from './precompiled.js';

/** A filled-in template: data in, Markdown out. */
export type TemplateFn = (data: unknown) => string;

/** One isolated Handlebars environment: our helpers only, Markdown escaping, no effect on other users. */
const hb = Handlebars.create();
const helpers = createHelpers((text) => new hb.SafeString(text));
hb.registerHelper(helpers);
// `{{log}}` would print template data to the console: not a helper a template may call.
hb.unregisterHelper('log');
const knownHelpers = {
  ...Object.fromEntries(Object.keys(helpers).map((name) => [name, true])),
  log: false,
};

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers,
  noEscape: false,
  preventIndent: true,
} as const;

/** Compiles a template's text to the code of its spec (at build time for the built-in ones). */
export function precompile(text: string): string {
  // A copy each time: Handlebars adds to the options it is given.
  return String(hb.precompile(text, { ...COMPILE_OPTIONS, knownHelpers: { ...knownHelpers } }));
}

/** The compile options as they are written, part of the key of a template compiled at build time. */
export const COMPILE_KEY = JSON.stringify(COMPILE_OPTIONS);

/** Where a template's text came from, for error messages. */
export interface TemplateSource {
  readonly text: string;
  readonly file: string;
}

/**
 * Compiles a template with Markdown escaping. The escape function is swapped on the shared Handlebars
 * `Utils` only while `template()` builds the runtime (which copies it then), and restored at once, so no
 * other Handlebars user in the process is affected.
 */
export function compileTemplate(source: TemplateSource): HandlebarsTemplateDelegate {
  let spec: unknown;
  try {
    const code = precompiledCode(source.text, COMPILE_KEY) ?? precompile(source.text);
    spec = new Function(`return ${String(code)};`)();
  } catch (cause) {
    throw templateError(cause, source);
  }
  const original = hb.Utils.escapeExpression;
  (hb.Utils as { escapeExpression: (value: unknown) => string }).escapeExpression = escapeMarkdown;
  try {
    return hb.template(spec as TemplateSpecification);
  } finally {
    (hb.Utils as { escapeExpression: typeof original }).escapeExpression = original;
  }
}

/** Registers compiled partials for the next fills (they are passed per call, not globally). */
export function fillTemplate(
  main: HandlebarsTemplateDelegate,
  partials: Record<string, HandlebarsTemplateDelegate>,
  data: unknown,
  sources: readonly TemplateSource[],
): string {
  try {
    return main(data, {
      partials,
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (cause) {
    throw templateError(cause, undefined, sources);
  }
}

function templateError(
  cause: unknown,
  source: TemplateSource | undefined,
  sources: readonly TemplateSource[] = [],
): BriefwrightError {
  const error = cause as {
    message?: string;
    lineNumber?: number;
    column?: number;
    hash?: { loc?: { first_line?: number; first_column?: number } };
  };
  const lines = String(error.message ?? cause).split('\n');
  const parseError = lines[0]?.startsWith('Parse error') === true;
  const message =
    (parseError ? `parse error: ${lines.at(-1) ?? ''}` : lines[0]) ?? 'template error';
  const line = error.lineNumber ?? error.hash?.loc?.first_line ?? lineFromMessage(lines[0]);
  const rawColumn = error.column ?? error.hash?.loc?.first_column;
  const column = rawColumn === undefined ? undefined : rawColumn + 1;
  const missing = /^"(.+)" not defined in/.exec(message);
  const where =
    source ?? (line === undefined ? sources[0] : findSource(sources, missing?.[1], line, column));
  const path =
    missing && where && line !== undefined ? pathAt(where.text, line, column) : undefined;
  const text = missing
    ? `the template uses "${path ?? missing[1]}", which the data does not have`
    : message;
  return new BriefwrightError('TEMPLATE_ERROR', text, {
    file: where?.file,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    cause,
    hint: missing
      ? 'check the spelling against the template data (README: "Templates"), or guard it with {{#if …}}'
      : 'check the template syntax near this position',
  });
}

/** The line a Handlebars parse error names in its message ("Parse error on line 2:"). */
function lineFromMessage(message: string | undefined): number | undefined {
  const match = /on line (\d+)/.exec(message ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Among several template files, the one whose text has an expression at that line and column. */
function findSource(
  sources: readonly TemplateSource[],
  name: string | undefined,
  line: number,
  column: number | undefined,
) {
  return (
    sources.find((s) => {
      const text = s.text.split('\n')[line - 1] ?? '';
      return (
        name !== undefined &&
        text.includes(name) &&
        (column === undefined || text.length >= column - 1)
      );
    }) ?? sources[0]
  );
}

/** The full dotted path of the expression at a line and column, read from the template's syntax tree. */
function pathAt(text: string, line: number, column: number | undefined): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    const candidate = node as { type?: string; original?: string; loc?: hbs.AST.SourceLocation };
    if (candidate.type === 'PathExpression' && candidate.loc?.start.line === line) {
      if (column === undefined || candidate.loc.start.column + 1 === column)
        found = candidate.original;
    }
    for (const value of Object.values(node)) visit(value);
  };
  try {
    visit(hb.parse(text));
  } catch {
    return undefined;
  }
  return found;
}
