import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/text/lineBreak.js';

// Every character is 1 unit wide, so widths are easy to reason about.
const metrics = { measure: (text: string) => [...text].length, key: (s: string) => s };
const lines = (text: string, width: number) =>
  breakLines([{ text, style: 'a' }], width, metrics).map((l) =>
    l.segments.map((s) => s.text).join(''),
  );

describe('breakLines', () => {
  it('breaks greedily at spaces and never exceeds the width', () => {
    expect(lines('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    for (const line of breakLines(
      [{ text: 'the quick brown fox jumps over the lazy dog', style: 'a' }],
      10,
      metrics,
    )) {
      expect(line.width).toBeLessThanOrEqual(10);
    }
  });

  it('breaks a word longer than the line between characters', () => {
    expect(lines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('keeps a word that spans two styles together and merges equal styles', () => {
    const result = breakLines(
      [
        { text: 'x **bo', style: 'a' },
        { text: 'ld** y', style: 'b' },
      ],
      20,
      metrics,
    );
    expect(result).toHaveLength(1);
    expect(result[0]?.segments.map((s) => [s.style, s.text])).toEqual([
      ['a', 'x **bo'],
      ['b', 'ld** y'],
    ]);
  });

  it('honours forced breaks and marks paragraph-ending lines', () => {
    const result = breakLines([{ text: 'one\ntwo three', style: 'a' }], 100, metrics);
    expect(result.map((l) => [l.segments.map((s) => s.text).join(''), l.last])).toEqual([
      ['one', true],
      ['two three', true],
    ]);
  });

  it('returns one empty line for empty text', () => {
    expect(breakLines([], 10, metrics)).toHaveLength(1);
  });
});

describe('breakLines with soft hyphens', () => {
  it('breaks a word at a soft hyphen, showing a hyphen, when the word does not fit', () => {
    expect(lines('aa bb\u00adcc\u00addd', 8)).toEqual(['aa bbcc-', 'dd']);
  });

  it('never shows a soft hyphen that is not used', () => {
    expect(lines('aa bb\u00adcc', 20)).toEqual(['aa bbcc']);
  });

  it('moves the whole word when no hyphenated head fits', () => {
    expect(lines('aaaa bb\u00adcc', 6)).toEqual(['aaaa', 'bbcc']);
  });
});

describe('breakLines on overlong words', () => {
  /** Metrics that count the characters they are asked to measure. */
  const counting = () => {
    const seen = { characters: 0 };
    return {
      seen,
      metrics: {
        measure: (text: string) => {
          seen.characters += text.length;
          return [...text].length;
        },
        key: (s: string) => s,
      },
    };
  };

  it('measures work linear in the length of a word wider than many lines', () => {
    const work = (length: number) => {
      const { seen, metrics: m } = counting();
      const broken = breakLines([{ text: 'x'.repeat(length), style: 'a' }], 80, m);
      expect(broken.every((line) => line.width <= 80)).toBe(true);
      expect(broken.map((l) => l.segments.map((s) => s.text).join('')).join('')).toHaveLength(
        length,
      );
      return seen.characters;
    };
    const small = work(10_000);
    const large = work(100_000);
    // Ten times the word, at most ten times the measuring (plus a margin): no line re-measured per character.
    expect(large / small).toBeLessThan(11);
    expect(large).toBeLessThan(100_000 * 5);
  });

  it('keeps a letter with its combining marks when it breaks a word', () => {
    const word = 'e\u0301'.repeat(10);
    const m = { measure: (text: string) => text.normalize('NFC').length, key: (s: string) => s };
    const broken = breakLines([{ text: word, style: 'a' }], 3, m);
    for (const line of broken) expect(line.segments[0]?.text.startsWith('\u0301')).toBe(false);
  });

  it('does not measure a long word once per soft hyphen', () => {
    const { seen, metrics: m } = counting();
    const word = Array(20_000).fill('ab').join('\u00ad');
    breakLines([{ text: `x ${word}`, style: 'a' }], 50, m);
    expect(seen.characters).toBeLessThan(word.length * 10);
  });

  it('says what each break replaced, so broken lines join back into the text', () => {
    const text = 'one two\nthree abcdefghijkl';
    const broken = breakLines([{ text, style: 'a' }], 6, metrics);
    const joined = broken.map((l) => l.segments.map((s) => s.text).join('') + l.joiner).join('');
    expect(joined).toBe(text);
  });
});
