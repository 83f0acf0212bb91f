import { breakLines, type Line, type StyledRun } from '../../../text/lineBreak.js';
import { measureWithFallback } from '../../../text/measure.js';
import { fontVariant, type ResolvedTheme } from '../../../theme/resolve.js';
import { flagsKey, type InlineFlags } from '../../inlineRuns.js';

/** Line pitch of slide text as LibreOffice and PowerPoint set single spacing: 1.2 × size. */
export const LINE_PITCH = 1.2;

/** Breaks slide text into lines with the deck font's real metrics (Arimo for Arial). */
export function breakSlideLines(
  runs: readonly StyledRun<InlineFlags>[],
  widthInches: number,
  size: number,
  theme: ResolvedTheme,
): Line<InlineFlags>[] {
  return breakLines(runs, widthInches * 72, {
    measure: (text, flags) =>
      measureWithFallback(
        theme.fonts[`deck-${fontVariant(flags.bold, flags.italic)}`],
        text,
        size,
        theme.fallback && ((code) => theme.fallback?.find(code, flags.bold)),
      ),
    key: flagsKey,
  });
}

/** The height in inches of text in a frame of a width. */
export function measureSlideText(
  runs: readonly StyledRun<InlineFlags>[],
  widthInches: number,
  size: number,
  theme: ResolvedTheme,
): number {
  return (breakSlideLines(runs, widthInches, size, theme).length * size * LINE_PITCH) / 72;
}
