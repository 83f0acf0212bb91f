import { formatLocation, printable, type SourceLocation } from './errors.js';

/** Every warning code briefwright emits. */
export type WarningCode =
  | 'RAW_HTML_DROPPED'
  | 'UNKNOWN_DIRECTIVE'
  | 'MISSING_GLYPH'
  | 'IMAGE_UNAVAILABLE'
  | 'IMAGE_INVALID'
  | 'CHART_INVALID'
  | 'INLINE_IMAGE'
  | 'FOOTNOTE_MISSING'
  | 'FOOTNOTE_UNUSED'
  | 'CONTENT_SPLIT'
  | 'TABLE_TOO_WIDE'
  | 'TABLE_SHRUNK'
  | 'TABLE_SPLIT_COLUMNS'
  | 'IMAGE_NO_ALT'
  | 'IMAGE_LOW_RESOLUTION'
  | 'EMPTY_SECTION'
  | 'HEADING_SKIPS_LEVEL'
  | 'LINK_BROKEN'
  | 'LINK_UNSAFE'
  | 'CHARACTER_REMOVED'
  | 'FRONT_MATTER_IGNORED'
  | 'FONT_NOT_EMBEDDED'
  | 'TEMPLATE_LAYOUT_MISSING'
  | 'TEMPLATE_LAYOUT_GUESSED'
  | 'TEMPLATE_FONT_UNMEASURED';

/** A problem in content that did not stop the render. */
export interface Warning extends SourceLocation {
  readonly code: WarningCode;
  readonly message: string;
  /** The output format that raised it, when a renderer did. */
  readonly format?: string;
}

/** Collects warnings during one render, dropping exact duplicates. */
export class WarningSink {
  readonly #seen = new Set<string>();
  readonly #warnings: Warning[] = [];
  #place: ((pointer: string) => { line: number; column: number } | undefined) | undefined;

  /**
   * Where a field of the input is, by its JSON pointer: warnings raised with a pointer but no line (an
   * empty section, a chart) get the line of that field in the input.
   */
  placeWith(place: (pointer: string) => { line: number; column: number } | undefined): void {
    this.#place = place;
  }

  /** Records a warning once: the same problem at the same place is reported once, whichever format met it. */
  add(raised: Warning): void {
    const at =
      raised.pointer !== undefined && raised.line === undefined
        ? this.#place?.(raised.pointer)
        : undefined;
    const warning = at ? { ...raised, ...at } : raised;
    const key = `${warning.code}|${warning.file ?? ''}|${warning.line ?? ''}:${warning.column ?? ''}|${warning.message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#warnings.push(warning);
  }

  /** The warnings in the order they were raised. */
  list(): Warning[] {
    return [...this.#warnings];
  }
}

/** Formats a warning the way the CLI prints it. */
export function formatWarning(warning: Warning): string {
  const format = warning.format ? ` [${warning.format}]` : '';
  return `${formatLocation(warning)}: warning ${warning.code}${format}: ${printable(warning.message)}`;
}
