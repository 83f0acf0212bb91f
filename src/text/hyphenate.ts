import { assetsRequire } from '../assets/locate.js';

/** Inserts soft hyphens (U+00AD) where a word may break. */
export type Hyphenator = (text: string) => string;

/** A whole lowercase word of seven letters or more (so never a name, an acronym or part of one). */
const WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}\p{M}]{6,}(?![\p{L}\p{N}])/gu;
const cache = new Map<string, Hyphenator | undefined>();

/**
 * The hyphenator for a BCP 47 language (`en-CA` → the `en` patterns, `de-CH` → `de`), from the `hyphen`
 * package's TeX patterns, loaded once per process; undefined when no patterns exist for the language.
 * Sensible by design: only lowercase words of seven letters or more, never names, numbers or URLs.
 */
export function hyphenatorFor(language: string): Hyphenator | undefined {
  const tag = language.toLowerCase();
  if (cache.has(tag)) return cache.get(tag);
  const candidates = [tag, tag.split('-')[0] ?? tag].filter((c) =>
    /^[a-z]{2,3}(-[a-z0-9]+)*$/.test(c),
  );
  let hyphenator: Hyphenator | undefined;
  const load = assetsRequire();
  for (const candidate of candidates) {
    try {
      const patterns = load(`hyphen/${candidate}`) as {
        hyphenateSync: (text: string, options: object) => string;
      };
      const word = (w: string) => patterns.hyphenateSync(w, { minWordLength: 7 });
      hyphenator = (text) =>
        text.replace(/\S+/g, (token) =>
          /[/@]|\w[.:]\w/.test(token) ? token : token.replace(WORD, word),
        );
      break;
    } catch {
      // No patterns for this tag: try the primary language.
    }
  }
  cache.set(tag, hyphenator);
  return hyphenator;
}
