import { type BriefwrightError, isBriefwrightError, printable } from '../diagnostics/errors.js';
import type { Warning } from '../diagnostics/warnings.js';
import { type ErrorStyle, errorLines, warningLine } from './annotations.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Where the CLI writes; tests pass buffers. */
export interface CliIo {
  readonly stdout: { write(chunk: string | Uint8Array): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** What `-` reads as an input. @default the process's standard input */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Stops `render --watch`. */
  readonly signal?: AbortSignal;
  /** How errors and warnings print. @default `github` when `GITHUB_ACTIONS` is set, else `text` */
  readonly errorStyle?: ErrorStyle | undefined;
}

/** The style errors and warnings print in: as asked, else GitHub annotations inside GitHub Actions. */
export function errorStyleOf(io: CliIo): ErrorStyle {
  return io.errorStyle ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
}

/** An error with its related faults, as this run prints them. */
export function printedError(error: BriefwrightError, io: CliIo): string {
  return errorLines(error, errorStyleOf(io));
}

/** A warning, as this run prints it (under `--strict` it fails the run: an error annotation). */
export function printedWarning(warning: Warning, io: CliIo, strict = false): string {
  return warningLine(warning, errorStyleOf(io), strict);
}

/** The exit code an error maps to: usage mistakes 2, everything else 1. */
export function exitCodeOf(error: unknown): number {
  if (!isBriefwrightError(error)) return EXIT.badInput;
  return error.code === 'USAGE' ||
    error.code === 'FORMAT_UNKNOWN' ||
    error.code === 'TEMPLATE_NOT_FOUND'
    ? EXIT.usage
    : EXIT.badInput;
}

/** An error as the JSON reports give it, with the faults found beside it. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!isBriefwrightError(error))
    return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
  const { code, message, file, pointer, line, column, hint, related } = error;
  return {
    code,
    message,
    file,
    pointer,
    line,
    column,
    hint,
    ...(related.length > 0 ? { related: related.map(describeError) } : {}),
  };
}

/**
 * Prints an error as `file:line:col: error CODE: message` with its hint and the faults found beside it,
 * and returns the exit code. With `verbose`, the stack of what caused it follows (for reporting a bug).
 */
export function report(error: unknown, io: CliIo, verbose = false): number {
  if (isBriefwrightError(error)) {
    io.stderr.write(`${printedError(error, io)}\n`);
    if (verbose && error.cause instanceof Error && error.cause.stack)
      io.stderr.write(`  caused by: ${error.cause.stack}\n`);
    return exitCodeOf(error);
  }
  // Not a user mistake: a bug. Show the stack so it can be reported.
  io.stderr.write(
    `briefwright: internal error (please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.badInput;
}

/** Prints a usage mistake and returns the usage exit code (what the user typed shown, never obeyed). */
export function usage(io: CliIo, message: string): number {
  io.stderr.write(`briefwright: ${printable(message)}\n`);
  return EXIT.usage;
}

/** The line for a file written: `input → output`, control characters in either name shown as escapes. */
export function wroteLine(input: string, output: string): string {
  return `${printable(input)} → ${printable(output)}`;
}

/**
 * Everything standard input holds, as text ending with a line break (so that one line is always read as
 * a text, never as the name of a file).
 */
export async function readAll(stdin: AsyncIterable<Uint8Array | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  return text.endsWith('\n') ? text : `${text}\n`;
}
