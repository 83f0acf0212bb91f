import type { Report } from '../model/schema.js';
import type { TemplateTheme } from '../theme/templateDefaults.js';
import { loadTemplate } from './load.js';
import { toTemplateData } from './viewModel.js';

/** Fills a template (built-in name or folder) with a report and returns the Markdown it produces. */
export function fillReportTemplate(report: Report, template: string): string {
  return loadTemplate(template).fill(toTemplateData(report));
}

/** Fills a template with a report: the Markdown it produces and the theme defaults it sets. */
export function fillWithDefaults(
  report: Report,
  template: string,
): { markdown: string; theme: TemplateTheme | undefined } {
  const loaded = loadTemplate(template);
  return { markdown: loaded.fill(toTemplateData(report)), theme: loaded.theme };
}

export { escapeMarkdown } from './escape.js';
export {
  builtinTemplateNames,
  builtinTemplatesDir,
  type LoadedTemplate,
  loadTemplate,
} from './load.js';
export { type TemplateData, toTemplateData } from './viewModel.js';
