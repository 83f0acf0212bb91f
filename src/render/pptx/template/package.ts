import { unzipSync } from 'fflate';
import type { BriefwrightError } from '../../../diagnostics/errors.js';
import {
  attribute,
  element,
  elements,
  folderOf,
  relationships,
  relsOf,
  resolvePart,
} from './xml.js';

/* A template's package: unzipped within limits, checked whole, and its parts found by relationship. */

/** The most a template may inflate to, and the most parts it may hold. */
const MAX_INFLATED = 300_000_000;
const MAX_PARTS = 20_000;

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/**
 * The package's parts, refusing one that inflates beyond MAX_INFLATED or holds more than MAX_PARTS
 * (from the sizes the zip declares, before inflating anything); names that would leave the package
 * (`../`, absolute, a backslash) are left out.
 */
export function unpack(
  bytes: Uint8Array,
  invalid: (why: string, hint: string) => BriefwrightError,
): Record<string, Uint8Array> {
  let total = 0;
  let count = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        count += 1;
        return total <= MAX_INFLATED && count <= MAX_PARTS && safeName(entry.name);
      },
    });
  } catch {
    throw invalid(
      'is not a PowerPoint template (not a .potx or .pptx package)',
      'give a .potx or .pptx file',
    );
  }
  if (total > MAX_INFLATED || count > MAX_PARTS)
    throw invalid(
      total > MAX_INFLATED
        ? `inflates to more than ${MAX_INFLATED} bytes`
        : `holds more than ${MAX_PARTS} parts`,
      'give the template as PowerPoint saves it',
    );
  return parts;
}

function safeName(name: string): boolean {
  return !name.startsWith('/') && !name.includes('\\') && !name.split('/').includes('..');
}

/**
 * Refuses a damaged template: without content types, without a slide master, or with a master or
 * layout that names a part the package does not hold (its master, theme, pictures).
 */
export function checkPackage(
  parts: Record<string, Uint8Array>,
  text: (name: string) => string | undefined,
  presentation: string,
  invalid: (why: string, hint: string) => BriefwrightError,
): void {
  const resave = 'open it in PowerPoint and save it again, or give another template';
  if (!parts['[Content_Types].xml'])
    throw invalid('has no content types ([Content_Types].xml)', resave);
  if (masterParts(presentation, text).length === 0)
    throw invalid('lists no slide master (ppt/presentation.xml, p:sldMasterIdLst)', resave);
  for (const part of Object.keys(parts).filter((n) =>
    /^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(n),
  )) {
    const rels = relationships(text(relsOf(part)) ?? '');
    if (
      part.includes('slideLayouts/') &&
      !rels.some((r) => r.type === `${RELATIONSHIP}slideMaster`)
    )
      throw invalid(`is damaged: ${part} has no slide master`, resave);
    for (const r of rels) {
      if (r.external) continue;
      const target = resolvePart(folderOf(part), r.target);
      if (!parts[target])
        throw invalid(`is damaged: ${part} names ${target}, which it does not hold`, resave);
    }
  }
}

/** The slide masters the presentation lists, as part names, in order. */
export function masterParts(
  presentation: string,
  text: (name: string) => string | undefined,
): string[] {
  const rels = relationships(text('ppt/_rels/presentation.xml.rels') ?? '');
  return elements(element(presentation, 'p:sldMasterIdLst') ?? '', 'p:sldMasterId').flatMap(
    (tag) => {
      const id = attribute(tag, 'r:id');
      const rel = rels.find((r) => r.id === id);
      return rel && !rel.external ? [resolvePart('ppt/', rel.target)] : [];
    },
  );
}

/** The part a part's first relationship of a type names (`slideMaster`, `theme`), if any. */
export function relatedPart(
  part: string,
  type: string,
  text: (name: string) => string | undefined,
): string | undefined {
  const rel = relationships(text(relsOf(part)) ?? '').find(
    (r) => r.type === `${RELATIONSHIP}${type}` && !r.external,
  );
  return rel ? resolvePart(folderOf(part), rel.target) : undefined;
}

/** The text of that part. */
export function related(
  part: string,
  type: string,
  text: (name: string) => string | undefined,
): string | undefined {
  const name = relatedPart(part, type, text);
  return name ? text(name) : undefined;
}
