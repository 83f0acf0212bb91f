import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureText, shapingWords } from '../../src/text/measure.js';
import { metricsFor, PLAIN_WORD, simpleUnits } from '../../src/text/metrics.js';
import { defaultResolvedTheme } from '../../src/theme/index.js';
import { EXAMPLE_YAML } from '../helpers.js';

/** Words of real text: the sample brief and the documents shaped for pandoc, Quarto, Marp and others. */
function corpus(): string[] {
  const dir = 'test/fixtures/documents';
  const texts = [
    readFileSync(EXAMPLE_YAML, 'utf8'),
    ...readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8')),
  ];
  const words = texts.flatMap((text) => text.split('\n').flatMap((line) => shapingWords(line)));
  return [...new Set(words)].filter((word) => /^[\u0020-\u007e‘’“”–—…]+$/.test(word));
}

describe('precomputed font metrics', () => {
  const theme = defaultResolvedTheme();
  const fonts = [...new Set(Object.values(theme.fonts))];
  const words = corpus();

  it('are written by the build for the deck’s and the body’s fonts, and left out where they would differ', () => {
    for (const key of ['deck-regular', 'deck-bold', 'serif-regular', 'serif-italic'] as const)
      expect(metricsFor(theme.fonts[key]), key).not.toBeNull();
    // Inter SemiBold kerns a comma by what precedes it: beyond pairs, so it is always shaped.
    expect(metricsFor(theme.fonts['sans-bold'])).toBeNull();
  });

  it('agree with fontkit within 0.1% on every word of a corpus, and measure most words', () => {
    let covered = 0;
    for (const font of fonts) {
      const metrics = metricsFor(font);
      if (!metrics) continue;
      for (const word of words) {
        // What the measure takes from the metrics: plain words (see measure.ts).
        const fast = PLAIN_WORD.test(word) ? simpleUnits(metrics, word) : undefined;
        if (fast === undefined) continue;
        covered++;
        const shaped =
          font.font.layout(word, font.features ? { ...font.features } : undefined).advanceWidth /
          font.font.unitsPerEm;
        expect(
          Math.abs(fast - shaped),
          `${font.font.postscriptName}: "${word}"`,
        ).toBeLessThanOrEqual(Math.max(shaped * 0.001, 1e-6));
      }
    }
    expect(words.length).toBeGreaterThan(800);
    expect(covered).toBeGreaterThan((fonts.length - 2) * words.length * 0.7);
    // And the measure, which uses them, gives fontkit's widths.
    const font = theme.fonts['serif-regular'];
    expect(measureText(font, 'Canada–China relations, reset.', 10)).toBeCloseTo(
      (font.font.layout('Canada–China relations, reset.').advanceWidth / font.font.unitsPerEm) * 10,
      1,
    );
  });
});
