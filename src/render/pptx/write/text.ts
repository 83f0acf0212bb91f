import type PptxGenJS from 'pptxgenjs';
import { paragraphDirection } from '../../../text/bidi.js';
import type { StyledRun } from '../../../text/lineBreak.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import { append } from '../../../util/append.js';
import type { InlineFlags } from '../../inlineRuns.js';
import { LEVEL_INDENT, sizeAt } from '../plan/measure.js';
import type { PlannedParagraph, TextStyle } from '../plan/types.js';
import { hex } from './color.js';

/** Turns runs into pptxgenjs text runs: bold, italic, strike, code font, hyperlinks. */
export function toTextProps(
  runs: readonly StyledRun<InlineFlags>[],
  theme: ResolvedTheme,
  color: string,
  bold = false,
): PptxGenJS.TextProps[] {
  return runs
    .filter((run) => run.text !== '')
    .map((run) => {
      const f = run.style;
      const url = f.link?.kind === 'url' ? f.link.url : undefined;
      return {
        text: run.text,
        options: {
          bold: f.bold || bold,
          italic: f.italic,
          ...(f.strike ? { strike: 'sngStrike' as const } : {}),
          ...(f.superscript ? { superscript: true } : {}),
          ...(f.code ? { fontFace: theme.families.mono.name } : {}),
          ...(url ? { hyperlink: { url } } : {}),
          color,
        },
      };
    });
}

/**
 * A right-to-left paragraph's settings: marked right to left, set from the right (with its bullet
 * there); nothing for left-to-right text.
 */
function directionOptions(text: string, language: string): PptxGenJS.TextPropsOptions {
  return paragraphDirection(text, language) === 'rtl' ? { rtlMode: true, align: 'right' } : {};
}

/** Turns planned paragraphs into text runs in a frame's style: bullets, numbers, levels, sizes, breaks. */
export function paragraphProps(
  paragraphs: readonly PlannedParagraph[],
  style: TextStyle,
  env: { readonly theme: ResolvedTheme; readonly language: string },
): PptxGenJS.TextProps[] {
  const { theme } = env;
  const color = hex(style.color);
  const out: PptxGenJS.TextProps[] = [];
  paragraphs.forEach((p, index) => {
    const runs = toTextProps(p.runs, theme, color, style.bold);
    const rtl = directionOptions(p.runs.map((run) => run.text).join(''), env.language);
    const bullet =
      p.marker === 'bullet'
        ? {
            bullet: {
              code: '2022',
              indent: LEVEL_INDENT * 72,
              color: hex(style.markerColor),
            } as PptxGenJS.TextPropsOptions['bullet'],
          }
        : p.marker === 'number'
          ? {
              bullet: {
                type: 'number' as const,
                numberStartAt: p.number ?? 1,
                indent: LEVEL_INDENT * 72,
              },
            }
          : {};
    runs.forEach((run, i) => {
      const isFirst = i === 0;
      const isLast = i === runs.length - 1;
      run.options = {
        ...run.options,
        fontSize: sizeAt(style, p.level),
        ...rtl,
        ...(isFirst
          ? {
              ...bullet,
              indentLevel: p.marker === 'none' ? 0 : p.level,
              paraSpaceAfter: style.gap,
            }
          : {}),
        ...(isLast && index < paragraphs.length - 1 ? { breakLine: true } : {}),
      };
    });
    append(out, runs);
  });
  return out;
}
