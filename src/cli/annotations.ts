import {
  type BriefwrightError,
  formatError,
  formatFault,
  printable,
} from '../diagnostics/errors.js';
import { formatWarning, type Warning } from '../diagnostics/warnings.js';
import type { SourceLocation } from '../index.js';

/** How the CLI prints errors and warnings: plain lines, or GitHub Actions workflow commands. */
export type ErrorStyle = 'text' | 'github';

/** The styles `--format-errors` takes. */
export const ERROR_STYLES: readonly ErrorStyle[] = ['text', 'github'];

/** An error and the faults found beside it, one printable block in the style asked for. */
export function errorLines(error: BriefwrightError, style: ErrorStyle): string {
  if (style === 'text') return formatError(error);
  return [error, ...error.related]
    .map((fault) => annotation('error', fault, fault.code, formatFault(fault)))
    .join('\n');
}

/** A warning, one line in the style asked for; under `--strict`, where it fails the run, an error annotation. */
export function warningLine(warning: Warning, style: ErrorStyle, strict = false): string {
  const text = formatWarning(warning);
  return style === 'text'
    ? text
    : annotation(strict ? 'error' : 'warning', warning, warning.code, text);
}

/**
 * A GitHub Actions annotation (`::error file=…,line=…,col=…,title=…::message`): shown on the file's line
 * in the pull request and in the run's summary. The message keeps the `file:line:col` text so the log
 * reads the same as elsewhere; its line breaks and the properties' separators are escaped as GitHub
 * asks.
 */
function annotation(
  kind: 'error' | 'warning',
  where: SourceLocation,
  code: string,
  text: string,
): string {
  const properties = [
    ...(where.file ? [`file=${escapeProperty(where.file)}`] : []),
    ...(where.line !== undefined ? [`line=${where.line}`] : []),
    ...(where.column !== undefined ? [`col=${where.column}`] : []),
    `title=${escapeProperty(`briefwright ${code}`)}`,
  ];
  return `::${kind} ${properties.join(',')}::${escapeData(text)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(printable(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
