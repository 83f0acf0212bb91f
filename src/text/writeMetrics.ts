import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultResolvedTheme } from '../theme/resolve.js';
import { shapingWords } from './measure.js';
import { computeMetrics, disagreement, METRICS_DIR } from './metrics.js';

// `npm run build` runs this after compiling: the precomputed metrics of every font of the default theme
// (see metrics.ts), in dist/metrics, one file a font and an index by font. A font whose metrics disagree
// with fontkit on the checking words (the templates' and the examples' text, and punctuation in context)
// gets none, and is always shaped.

/** The words of every text file below a folder. */
function wordsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return wordsIn(path);
    if (!/\.(hbs|md|ya?ml)$/.test(name)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line) => shapingWords(line));
  });
}
const words = [...new Set([...wordsIn('templates'), ...wordsIn('examples')])];
const theme = defaultResolvedTheme();
const dir = METRICS_DIR;
mkdirSync(dir, { recursive: true });
const index: Record<string, string> = {};
const fonts = [...new Set(Object.values(theme.fonts))];
for (const [i, font] of fonts.entries()) {
  const metrics = computeMetrics(font);
  const differs = disagreement(font, metrics, words);
  if (differs !== undefined) {
    process.stdout.write(
      `${font.font.postscriptName}: shaped, not precomputed (differs on "${differs}")\n`,
    );
    continue;
  }
  const file = `font-${i}.json`;
  index[metrics.key] = file;
  writeFileSync(join(dir, file), JSON.stringify(metrics));
}
writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
