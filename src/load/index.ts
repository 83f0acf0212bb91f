import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { assetsDir } from '../assets/locate.js';
import { BriefwrightError, isBriefwrightError } from '../diagnostics/errors.js';
import type { Warning } from '../diagnostics/warnings.js';
import type { Report } from '../model/schema.js';
import { writeFilesAtomic } from '../output/writeAtomic.js';
import { importArticle } from './article.js';
import { articleYaml } from './articleYaml.js';
import { jsonErrorOffset } from './jsonError.js';
import { checkLimits, checkNesting, type Limits, resolveLimits } from './limits.js';
import { parseMarkdownSource } from './markdownSource.js';
import { lineColumnAt, normalizeNewlines, readSourceText } from './sourceText.js';
import { validateReport } from './validate.js';
import { type Locate, type ParsedSource, parseYamlSource } from './yamlSource.js';

/** The input syntaxes briefwright reads. */
export type InputFormat = 'json' | 'yaml' | 'markdown';

const EXTENSIONS: Record<string, InputFormat> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/** Loads and validates a report from a `.json`, `.yaml`/`.yml` or `.md` file. */
export async function loadReport(
  file: string,
  options: { limits?: Partial<Limits> } = {},
): Promise<Report> {
  const format = inputFormatOf(file);
  const limits = resolveLimits(options.limits);
  const text = await readSourceText(file, limits.maxInputBytes);
  return parseReport(text, { file, format, limits });
}

/** Options of {@link parseReport}. */
export interface ParseReportOptions {
  /** Name used in error messages. @default "<input>" */
  file?: string;
  /** The syntax of the text. @default "yaml" (which also reads JSON) */
  format?: InputFormat;
  /** Limits on size, nesting, tables and charts, checked before the model is validated. @default DEFAULT_LIMITS */
  limits?: Partial<Limits>;
  /** Receives what loading noticed without failing (front matter keys the model has no place for). */
  warn?: (warning: Warning) => void;
}

/** Parses and validates a report from text already in memory. */
export function parseReport(text: string, options: ParseReportOptions = {}): Report {
  return parseLocatedReport(text, options).report;
}

/** {@link parseReport}, with where each field of the model came from in the text (for warnings' lines). */
export function parseLocatedReport(
  text: string,
  options: ParseReportOptions = {},
): { report: Report; locate: Locate } {
  const file = options.file ?? '<input>';
  const limits = resolveLimits(options.limits);
  const format = options.format ?? 'yaml';
  const clean = normalizeNewlines(text.replace(/^\uFEFF/, ''));
  if (format === 'markdown') {
    // Splitting Markdown into sections lexes it, and lexing is recursive: bound the nesting first.
    checkNesting(clean, limits, (line) => ({ file, line, column: 1 }));
  }
  const source = parseSource(clean, file, format, limits, options.warn);
  checkLimits(source.value, limits, file, source.locate);
  return { report: validateReport(source.value, file, source.locate), locate: source.locate };
}

/** The input format a file name implies, or a clear error. */
export function inputFormatOf(file: string): InputFormat {
  const format = EXTENSIONS[extname(file).toLowerCase()];
  if (!format) {
    throw new BriefwrightError(
      'INPUT_FORMAT',
      `cannot read "${extname(file) || 'files without an extension'}" inputs`,
      {
        file,
        hint: 'use a .json, .yaml, .yml or .md file',
      },
    );
  }
  return format;
}

function parseSource(
  text: string,
  file: string,
  format: InputFormat,
  limits: Limits,
  warn: ((warning: Warning) => void) | undefined,
): ParsedSource {
  if (format === 'markdown') return parseMarkdownSource(text, file, limits, warn);
  if (format !== 'json') return parseYamlSource(text, file, 0, limits);
  checkJsonSyntax(text, file);
  try {
    return parseYamlSource(text, file, 0, limits);
  } catch (error) {
    // Valid JSON that the YAML reader (used for positions) refuses: a repeated key, most often.
    if (!isBriefwrightError(error) || error.code !== 'PARSE_YAML') throw error;
    const { message, line, column, hint } = error;
    throw new BriefwrightError('PARSE_JSON', message, { file, line, column, hint, cause: error });
  }
}

/** JSON is parsed as YAML for positions, but JSON's own parser decides what is valid JSON. */
function checkJsonSyntax(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : jsonErrorOffset(text);
    const at = offset >= 0 ? lineColumnAt(text, offset) : {};
    // Newer engines quote the whole input in the message: keep the first clause only.
    const short = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '');
    throw new BriefwrightError('PARSE_JSON', short, {
      file,
      ...at,
      cause,
      hint: 'check for a missing comma or quote, or a trailing comma, near this position',
    });
  }
}

export { validateReport } from './validate.js';

/**
 * Reads a plain article and returns the YAML of its report model (see {@link importArticle}); with `out`,
 * also writes it there atomically.
 */
export async function importArticleFile(
  file: string,
  options: { out?: string; force?: boolean } = {},
): Promise<string> {
  if (['.yaml', '.yml', '.json'].includes(extname(file).toLowerCase())) {
    throw new BriefwrightError('USAGE', 'this is already a model, not an article to import', {
      file,
      hint: 'render or validate it as it is; import reads plain articles (.txt, .md)',
    });
  }
  return importArticleText(await readSourceText(file), { ...options, source: file });
}

/**
 * {@link importArticleFile} for an article's text (standard input): `source` names it in the YAML's
 * header and in messages.
 */
export async function importArticleText(
  text: string,
  options: { source: string; out?: string; force?: boolean },
): Promise<string> {
  if (options.out && !options.force && existsSync(options.out)) {
    throw new BriefwrightError('USAGE', 'the file to write already exists', {
      file: options.out,
      hint: 'pass --force to overwrite it, or write to another file',
    });
  }
  const report = importArticle(text);
  // What import writes must load: validate it like any input.
  validateReport(report, options.source);
  const yaml = articleYaml(report, basename(options.source), schemaPath(options.out));
  if (options.out)
    await writeFilesAtomic([{ path: options.out, bytes: new TextEncoder().encode(yaml) }]);
  return yaml;
}

/** The installed `report.schema.json` as a path from the folder a YAML file is written to. */
function schemaPath(out: string | undefined): string {
  let installed: string;
  try {
    installed = join(assetsDir(), 'schema', 'report.schema.json');
  } catch {
    return './node_modules/briefwright/schema/report.schema.json';
  }
  const path = relative(resolve(out ? dirname(out) : '.'), installed)
    .split(sep)
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export { importArticle } from './article.js';
