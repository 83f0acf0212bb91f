import type { ResolvedTheme } from './resolve.js';

/** "(continued)" in the languages briefs are most often written in, by primary language subtag. */
const CONTINUED: Readonly<Record<string, string>> = {
  en: '(continued)',
  fr: '(suite)',
  de: '(Fortsetzung)',
  es: '(continuación)',
  it: '(continua)',
  pt: '(continuação)',
  nl: '(vervolg)',
  ru: '(продолжение)',
  zh: '（续）',
  ja: '（続き）',
  ko: '(계속)',
  ar: '(تابع)',
};

/**
 * The label that marks a table or a slide continued from the one before, for both renderers: the theme's
 * `labels.continued`, or else the document language's, or else English.
 */
export function continuedLabel(theme: ResolvedTheme, language: string): string {
  if (theme.labels.continued) return theme.labels.continued;
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return CONTINUED[primary] ?? '(continued)';
}

/** A title with the continuation label after it (CJK labels bring their own spacing). */
export function withContinued(title: string, label: string): string {
  return label.startsWith('（') ? `${title}${label}` : `${title} ${label}`;
}
