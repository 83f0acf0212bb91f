import { describe, expect, it, vi } from 'vitest';
import { MAX_CACHED_WORDS, measureText } from '../../src/text/measure.js';
import { defaultResolvedTheme } from '../../src/theme/index.js';

describe('measureText', () => {
  it('measures a word once per font, and starts its cache again past a bound, so memory stays flat', async () => {
    const font = (await defaultResolvedTheme()).fonts['mono-regular'];
    if (!font) throw new Error('the default theme has no mono font');
    const layout = vi.spyOn(font.font, 'layout');
    // A word with a letter outside the precomputed tables is shaped by fontkit.
    const first = measureText(font, 'alpha=ł', 10);
    expect(measureText(font, 'alpha=ł', 20)).toBeCloseTo(first * 2, 6);
    expect(layout).toHaveBeenCalledTimes(1);
    // Endless new vocabulary (a long-running server): the cache fills up and starts again.
    for (let i = 0; i < MAX_CACHED_WORDS; i++) measureText(font, `w${i}`, 10);
    layout.mockClear();
    expect(measureText(font, 'alpha=ł', 10)).toBeCloseTo(first, 6);
    expect(layout).toHaveBeenCalledTimes(1);
    layout.mockRestore();
  }, 60_000);
});
