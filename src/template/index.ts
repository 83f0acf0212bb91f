import type { Report } from '../model/schema.js';
import { loadTemplate } from './load.js';
import { toTemplateData } from './viewModel.js';

/** Fills a template (built-in name or folder) with a report and returns the Markdown it produces. */
export function fillReportTemplate(report: Report, template: string): string {
  return loadTemplate(template).fill(toTemplateData(report));
}

export { escapeMarkdown } from './escape.js';
export {
  builtinTemplateNames,
  builtinTemplatesDir,
  type LoadedTemplate,
  loadTemplate,
} from './load.js';
export { type TemplateData, toTemplateData } from './viewModel.js';
