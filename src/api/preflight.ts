import type { Warning } from '../diagnostics/warnings.js';
import type { Limits } from '../load/limits.js';
import { checkContent } from '../markdown/checks.js';
import { buildDocTree } from '../markdown/index.js';
import type { Report } from '../model/schema.js';
import { fillReportTemplate } from '../template/index.js';
import { metaFromReport } from './meta.js';

/** The template whose document tree the content checks read. */
export const BRIEF_TEMPLATE = 'policy-brief';

/**
 * Part of what a reviewer would catch before publishing, whatever the formats: empty sections, from the
 * model. The rest (headings that skip a level, links to nowhere, images without alt text) is checked in
 * the content as the brief template lays it out.
 */
export function checkSections(
  report: Report,
  file: string | undefined,
  warn: (w: Warning) => void,
): void {
  const visit = (section: Report['sections'][number], pointer: string): void => {
    const empty =
      !section.body?.trim() &&
      !section.bullets?.length &&
      !section.table &&
      !section.callout &&
      !section.image &&
      !section.chart &&
      !section.subsections?.length;
    if (empty)
      warn({
        code: 'EMPTY_SECTION',
        message: `section "${section.title}" has no content`,
        file,
        pointer,
      });
    for (const [i, sub] of (section.subsections ?? []).entries())
      visit(sub, `${pointer}/subsections/${i}`);
  };
  for (const [i, section] of report.sections.entries()) visit(section, `/sections/${i}`);
}

/** The content checks on the brief's document tree, when no rendered format built it. */
export function checkBriefContent(
  report: Report,
  input: { file: string | undefined; source: string | undefined; limits: Limits },
  warn: (w: Warning) => void,
): void {
  const { file } = input;
  const doc = buildDocTree(fillReportTemplate(report, BRIEF_TEMPLATE), {
    meta: metaFromReport(report),
    warn: () => {},
    ...input,
  });
  checkContent(doc, warn, file);
}
