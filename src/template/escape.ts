/** A value a helper returns that must be inserted as is (Handlebars' SafeString shape). */
interface SafeLike {
  toHTML(): string;
}

function isSafe(value: unknown): value is SafeLike {
  return (
    typeof value === 'object' && value !== null && typeof (value as SafeLike).toHTML === 'function'
  );
}

/**
 * Escapes a value so that Markdown shows it literally: inline syntax anywhere (and `|`, so a value can sit
 * in a table cell), block syntax at the start of a line; newlines become spaces.
 */
export function escapeMarkdown(value: unknown): string {
  if (isSafe(value)) return value.toHTML();
  if (value === null || value === undefined || value === false) return '';
  const text = String(value).replace(/\s*\n\s*/g, ' ');
  return text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([#+=>-]|:::)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/!(?=\\\[)/g, '\\!');
}

/** Makes Markdown inline content safe inside a table cell: pipes escaped, line breaks folded. */
export function escapeCell(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

/** Makes a value safe inside a directive attribute written as `key="value"`. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/}/g, '&#125;');
}
