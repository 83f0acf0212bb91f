import type { z } from 'zod';
import { BriefwrightError, type ErrorCode } from '../diagnostics/errors.js';
import { type Report, ReportSchema } from '../model/schema.js';
import { suggest } from './suggest.js';
import type { Locate } from './yamlSource.js';

/** Validates parsed data against the model; every fault becomes a {@link BriefwrightError} with its pointer. */
export function validateReport(value: unknown, file: string | undefined, locate?: Locate): Report {
  const result = ReportSchema.safeParse(value);
  if (result.success) return result.data;
  throw faultsError(schemaFaults(ReportSchema, result.error, value, { file, locate }), file);
}

/** Where the faults of a value are, and where its fields are documented. */
export interface FaultContext {
  readonly file: string | undefined;
  readonly locate?: Locate | undefined;
  /** Where a field's allowed values are described, for hints. */
  readonly docs?: string;
}

/**
 * Every fault zod found in a value, as errors with pointers, lines and "did you mean" hints: misspelt
 * fields first (one explains others: the field it meant is then missing), then in the order of the
 * file, so the list reads as the file does.
 */
export function schemaFaults(
  schema: z.ZodType,
  error: z.ZodError,
  value: unknown,
  context: FaultContext,
): BriefwrightError[] {
  // The first faults zod found (in the order of the input), enough to fix the input by: a generated
  // file with a fault in each of 100,000 items would otherwise print 200,000 lines.
  const issues = error.issues.slice(0, MAX_FAULTS);
  const faults = issues
    .flatMap((issue) => toErrors(issue, value, schema, context))
    .sort(
      (a, b) =>
        Number(b.code === 'UNKNOWN_FIELD') - Number(a.code === 'UNKNOWN_FIELD') ||
        (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
  const more = error.issues.length - issues.length;
  if (more > 0) {
    const { code } = faults.at(-1) ?? { code: 'INVALID_VALUE' as const };
    faults.push(
      new BriefwrightError(code, `and ${more} more faults like these, not listed`, {
        file: context.file,
        hint: `fix the first ${MAX_FAULTS}, then validate again`,
      }),
    );
  }
  return faults;
}

/** The most faults of one input that are reported one by one. */
const MAX_FAULTS = 100;

/** The first fault, carrying the others as related ones (under `code` when given, such as THEME_INVALID). */
export function faultsError(
  faults: readonly BriefwrightError[],
  file: string | undefined,
  code?: ErrorCode,
): BriefwrightError {
  const retag = (fault: BriefwrightError) =>
    code ? new BriefwrightError(code, fault.message, { ...fault, file, related: [] }) : fault;
  const [first, ...related] = faults.map(retag);
  if (!first)
    return new BriefwrightError(code ?? 'INVALID_VALUE', 'the input does not match the model', {
      file,
    });
  return new BriefwrightError(first.code, first.message, { ...first, file, related });
}

function toErrors(
  issue: z.core.$ZodIssue,
  root: unknown,
  schema: z.ZodType,
  {
    file,
    locate,
    docs = 'the model table of the README or schema/report.schema.json',
  }: FaultContext,
): BriefwrightError[] {
  const path = issue.path.filter(
    (segment): segment is string | number => typeof segment !== 'symbol',
  );
  if (issue.code === 'unrecognized_keys') {
    const allowed = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const guess = suggest(key, allowed);
      return new BriefwrightError('UNKNOWN_FIELD', `unknown field "${key}"`, {
        file,
        pointer: toPointer(keyPath),
        ...locate?.(keyPath, 'key'),
        hint: guess
          ? `did you mean "${guess}"?`
          : `allowed here: ${allowed.join(', ') || 'no fields'}`,
      });
    });
  }
  const actual = valueAt(root, path);
  const { code, message, hint } = describe(issue, actual, path, docs);
  return [
    new BriefwrightError(code, message, {
      file,
      pointer: toPointer(path),
      ...locate?.(path),
      ...(hint ? { hint } : {}),
    }),
  ];
}

function describe(
  issue: z.core.$ZodIssue,
  actual: unknown,
  path: readonly (string | number)[],
  docs: string,
): { code: ErrorCode; message: string; hint?: string } {
  const field = fieldName(path);
  if (issue.code === 'invalid_type') {
    if (actual === undefined) {
      return {
        code: 'MISSING_FIELD',
        message: `${field} is required`,
        hint: `add "${field}" (${issue.expected})`,
      };
    }
    return {
      code: 'WRONG_TYPE',
      message: `${field} must be ${article(issue.expected)}, not ${article(typeName(actual))}`,
      ...(issue.expected === 'string' && typeof actual !== 'object'
        ? { hint: 'put the value in quotes' }
        : {}),
    };
  }
  if (issue.code === 'invalid_union') {
    return {
      code: 'WRONG_TYPE',
      message: `${field} has the wrong shape (${typeName(actual)})`,
      hint: `see "${field}" in ${docs}`,
    };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return {
      code: 'INVALID_VALUE',
      message: `${field} must not be empty`,
      hint: `give "${field}" a value, or leave the field out if it is optional`,
    };
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return {
      code: 'INVALID_VALUE',
      message: `${field} needs at least ${String(issue.minimum)} item(s)`,
    };
  }
  if (issue.code === 'invalid_value') {
    const choices = issue.values.map((v) => JSON.stringify(v)).join(', ');
    const guess =
      typeof actual === 'string' ? suggest(actual, issue.values.map(String)) : undefined;
    return {
      code: 'INVALID_VALUE',
      message: `${field} must be one of ${choices}, not ${JSON.stringify(actual)}`,
      hint: guess ? `did you mean "${guess}"?` : `use one of ${choices}`,
    };
  }
  return {
    code: 'INVALID_VALUE',
    message: `${field}: ${issue.message}`,
    hint: `see "${field}" in ${docs}`,
  };
}

/** The path a JSON pointer (RFC 6901) names; numbers stand for list indexes. */
export function pathOfPointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** Formats a path as a JSON pointer (RFC 6901). */
export function toPointer(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

function fieldName(path: readonly (string | number)[]): string {
  const last = [...path].reverse().find((segment) => typeof segment === 'string');
  const index = path.at(-1);
  if (typeof index === 'number') return `${String(last ?? 'item')}[${index}]`;
  return String(last ?? 'the document');
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  getter?: () => unknown;
  options?: unknown[];
  in?: unknown;
}

function defOf(schema: unknown): SchemaDef {
  return (schema as { _zod?: { def?: SchemaDef } })?._zod?.def ?? {};
}

/** Unwraps optional, default, lazy, pipe and union wrappers down to an object or array schema. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
      current = def.innerType;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'union')
      current = def.options?.find((o) => defOf(unwrap(o)).type === 'object') ?? def.options?.[0];
    else return current;
  }
  return current;
}

/** The field names a schema allows at a path, for "did you mean" hints. */
function knownKeys(root: z.ZodType, path: readonly (string | number)[]): string[] {
  let schema = unwrap(root);
  for (const segment of path) {
    const def = defOf(schema);
    if (def.type === 'array') schema = unwrap(def.element);
    else if (def.type === 'object') schema = unwrap(def.shape?.[String(segment)]);
    else return [];
  }
  return Object.keys(defOf(schema).shape ?? {});
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN (not a number)';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'an infinite number';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    list: 'a list',
    object: 'a mapping',
    mapping: 'a mapping',
    null: 'null',
  };
  return names[type] ?? type;
}
