import { measureText } from '../../../text/measure.js';
import { shownDate } from '../../../tree/dates.js';
import type { DocMeta } from '../../../tree/types.js';
import type { LayoutEnv } from './env.js';
import type { Page, PageItem } from './types.js';

/** Page geometry for running headers and footers. */
export interface ChromeFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Adds the running header (series · short title, and the date; from page 2) and the footer
 * (organization, the classification, "Page X of Y") to every page, as artifacts: page numbers are known because layout is done.
 */
export function addChrome(
  pages: readonly Page[],
  meta: DocMeta,
  frame: ChromeFrame,
  env: LayoutEnv,
): Page[] {
  const { colors, pdf } = env.theme;
  const font = env.theme.fonts['sans-regular'];
  const size = 7.5;
  const headerLeft =
    pdf.headerText || [meta.series, meta.shortTitle ?? meta.title].filter(Boolean).join(' · ');
  const footerLeft = pdf.footerText || meta.organization || '';
  const date = shownDate(meta);
  const classification = meta.classification?.toUpperCase();
  const text = (
    value: string,
    x: number,
    y: number,
    align: 'left' | 'center' | 'right',
  ): PageItem => ({
    type: 'text',
    x:
      align === 'right'
        ? x - measureText(font, value, size)
        : align === 'center'
          ? x - measureText(font, value, size) / 2
          : x,
    y,
    text: value,
    font: 'sans-regular',
    size,
    color: colors.muted,
  });
  const headerY = frame.top - 16;
  const footerY = frame.height - frame.bottom + 22;
  return pages.map((page, index) => {
    const artifacts: PageItem[] = [];
    if (index > 0) {
      artifacts.push(text(clip(headerLeft, 90), frame.left, headerY, 'left'));
      if (date) artifacts.push(text(date, frame.width - frame.right, headerY, 'right'));
      artifacts.push({
        type: 'line',
        x1: frame.left,
        y1: headerY + 4,
        x2: frame.width - frame.right,
        y2: headerY + 4,
        width: 0.25,
        color: colors.rule,
      });
    }
    if (footerLeft) artifacts.push(text(clip(footerLeft, 60), frame.left, footerY, 'left'));
    // A distribution marking goes where readers look for it, centred at the foot of every page.
    if (classification)
      artifacts.push(text(clip(classification, 30), frame.width / 2, footerY, 'center'));
    artifacts.push(
      text(`Page ${index + 1} of ${pages.length}`, frame.width - frame.right, footerY, 'right'),
    );
    return { ...page, artifacts };
  });
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
