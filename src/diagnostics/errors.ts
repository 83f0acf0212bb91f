/** Every error code briefwright raises, with the exit code the CLI maps it to. */
export const ERROR_CODES = {
  INPUT_NOT_FOUND: 'the input file does not exist or cannot be read',
  INPUT_ENCODING: 'the input file is not valid UTF-8 text',
  INPUT_FORMAT: 'the input file has an extension briefwright does not read',
  PARSE_JSON: 'the input is not valid JSON',
  PARSE_YAML: 'the input or its front matter is not valid YAML',
  MISSING_FIELD: 'a required field is missing',
  WRONG_TYPE: 'a field has the wrong type',
  UNKNOWN_FIELD: 'a field is not part of the model',
  INVALID_VALUE: 'a field has a value the model does not allow',
  THEME_INVALID: 'the theme file cannot be read or does not match the theme schema',
  TEMPLATE_NOT_FOUND: 'the template name or folder does not exist',
  TEMPLATE_ERROR: 'a template failed to compile or to fill',
  FORMAT_UNKNOWN: 'no renderer is registered for a requested format',
  OUTPUT_WRITE: 'an output could not be written: a file, or a stream that closed or failed first',
  LIMIT_EXCEEDED:
    'an input is larger or deeper than a limit allows (the message says which and how to raise it)',
  MISSING_GLYPH:
    'with missingGlyphs: "error", a character no font has (the message names it and what to install)',
  RENDER_FAILED: 'a renderer failed on valid input (a bug: please report it)',
  USAGE: 'the API or the CLI was called with wrong arguments',
  ASSETS_MISSING:
    "briefwright's own templates and fonts cannot be found (a bundle without its briefwright-assets folder)",
} as const;

/** A briefwright error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in an input a fault lies: a JSON pointer into the model and, where known, a line and column. */
export interface SourceLocation {
  /** The file the fault is in, as given by the caller. */
  file?: string;
  /** A JSON pointer into the model, such as `/sections/2/table/rows/4`. */
  pointer?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column in the file. */
  column?: number;
}

/** Options of a {@link BriefwrightError}. */
export interface BriefwrightErrorOptions extends SourceLocation {
  /** What the user can do about it. */
  hint?: string;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
  /** Further faults found in the same pass (validation reports them all at once). */
  related?: readonly BriefwrightError[];
}

/** The one error type briefwright throws: a code, where the fault is, and a hint. */
export class BriefwrightError extends Error {
  override readonly name = 'BriefwrightError';
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly pointer: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;
  readonly related: readonly BriefwrightError[];

  constructor(code: ErrorCode, message: string, options: BriefwrightErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.pointer = options.pointer;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
    this.related = options.related ?? [];
  }
}

/** The error with `file` as its file when it names none (a fault found deep inside, where no file is known). */
export function withFile(error: BriefwrightError, file: string | undefined): BriefwrightError {
  if (error.file !== undefined || file === undefined) return error;
  const { code, message, pointer, line, column, hint, related } = error;
  return new BriefwrightError(code, message, {
    file,
    ...(pointer !== undefined ? { pointer } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(hint !== undefined ? { hint } : {}),
    cause: error.cause ?? error,
    related,
  });
}

/** Tells whether a value is a {@link BriefwrightError}. */
export function isBriefwrightError(value: unknown): value is BriefwrightError {
  return value instanceof BriefwrightError;
}

/**
 * Text safe to print on a terminal: control characters (an escape sequence in an input could recolour,
 * move or clear the screen) and bidirectional overrides (which reorder what is shown) become visible
 * escapes such as `\x1B` and `\u202E`.
 */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => {
      const code = char.charCodeAt(0);
      return code <= 0xff
        ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
        : `\\u${code.toString(16).toUpperCase()}`;
    },
  );
}

/** Formats a location as `file:line:col` (or `file` plus the pointer), the way compilers do. */
export function formatLocation(location: SourceLocation): string {
  const parts: string[] = [printable(location.file ?? '<input>')];
  if (location.line !== undefined) {
    parts.push(String(location.line));
    if (location.column !== undefined) parts.push(String(location.column));
  }
  return parts.join(':');
}

/** Formats an error the way the CLI prints it: `file:line:col: error CODE: message (at pointer)`, a hint line, then related faults. */
export function formatError(error: BriefwrightError): string {
  return [error, ...error.related].map(formatFault).join('\n');
}

/** One fault as the CLI prints it, without the faults found beside it. */
export function formatFault(error: BriefwrightError): string {
  const at = error.pointer ? ` (at ${printable(error.pointer)})` : '';
  const hint = error.hint ? `\n  hint: ${printable(error.hint)}` : '';
  return `${formatLocation(error)}: error ${error.code}: ${printable(error.message)}${at}${hint}`;
}
