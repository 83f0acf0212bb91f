import { mastheadLines } from '../../../tree/masthead.js';
import type { DocMeta } from '../../../tree/types.js';
import { append } from '../../../util/append.js';
import { PLAIN } from '../../inlineRuns.js';
import type { LayoutEnv, TextBase } from './env.js';
import { ROOT, tagSlices } from './struct.js';
import { layoutText } from './text.js';
import type { Slice } from './types.js';

/** The key under which the theme's logo joins the document's images. */
export const LOGO = 'briefwright:theme-logo';

/** The title block on page 1: accent bar, series and number, title, subtitle, authors, date. */
export function layoutCover(meta: DocMeta, width: number, env: LayoutEnv): Slice[] {
  const { colors } = env.theme;
  const slices: Slice[] = [
    {
      height: 16,
      spaceBefore: 0,
      keepWithNext: true,
      items: [{ type: 'rect', x: 0, y: 0, width, height: 3, color: colors.accent }],
    },
  ];
  const { logo } = env.theme;
  if (logo) {
    // The organization's logo, top right, at most 36 pt tall and a third of the width wide.
    const scale = Math.min(36 / logo.height, width / 3 / logo.width);
    const w = logo.width * scale;
    const h = logo.height * scale;
    const figure = env.struct.add('Figure', ROOT, {
      alt: meta.organization ? `${meta.organization} logo` : 'Logo',
    });
    slices.push({
      height: h + 8,
      spaceBefore: 0,
      keepWithNext: true,
      items: [{ type: 'image', x: width - w, y: 0, width: w, height: h, src: LOGO, tag: figure }],
    });
  }
  const add = (text: string, base: TextBase, spaceBefore: number) => {
    const element = env.struct.add('P', ROOT);
    const lines = tagSlices(
      layoutText([{ text, style: PLAIN }], width, base, env),
      element,
      env.struct,
    ).map((s) => ({
      ...s,
      keepWithNext: true,
    }));
    if (lines[0]) lines[0] = { ...lines[0], spaceBefore };
    append(slices, lines);
  };
  const { series, authors, dateline: line } = mastheadLines(meta);
  if (series)
    add(
      series.toUpperCase(),
      { role: 'sans', size: 8.5, leading: 12, color: colors.accent, bold: true },
      0,
    );
  add(meta.title, { role: 'sans', size: 24, leading: 29, color: colors.text, bold: true }, 6);
  if (meta.subtitle)
    add(meta.subtitle, { role: 'sans', size: 13, leading: 17, color: colors.muted }, 6);
  const small: TextBase = { role: 'sans', size: 9, leading: 12.5, color: colors.text };
  for (const [index, author] of authors.entries()) add(author, small, index === 0 ? 14 : 0);
  if (line) add(line, { ...small, color: colors.muted }, authors.length > 0 ? 2 : 14);
  const last = slices.at(-1);
  if (last) slices[slices.length - 1] = { ...last, keepWithNext: false, height: last.height + 8 };
  return slices;
}
