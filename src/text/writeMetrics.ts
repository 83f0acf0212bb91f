import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetsRequire } from '../assets/locate.js';
import { defaultResolvedTheme } from '../theme/resolve.js';
import { computeFontData } from './computeMetrics.js';
import { fontIdentity, type LoadedFont, loadFont } from './fonts.js';
import { shapingWords } from './measure.js';
import { type FontSummary, featuresKey, METRICS_DIR } from './metrics.js';
import { packagesFor, SCRIPTS } from './scripts.js';

// `npm run build` runs this after compiling: the precomputed metrics (see metrics.ts) of every font of
// the default theme and of the installed fallback font packages, in dist/metrics: an index by file
// identity, and one file a font. Tables that cannot be made to agree with fontkit on the checking texts
// (the templates' and the examples' text, punctuation in context, ligatures) are left out, and that
// font is always shaped.

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

/** A font file to precompute: the feature sets it is shaped with, and whether it is a script's fallback. */
interface Precomputed {
  readonly font: LoadedFont;
  readonly features: Set<LoadedFont>;
  readonly fallback: boolean;
}

/** The font files to precompute, each with the feature sets it is shaped with. */
function fontsToPrecompute(): Map<string, Precomputed> {
  const files = new Map<string, Precomputed>();
  const add = (font: LoadedFont, fallback = false) => {
    const entry = files.get(font.path) ?? { font, features: new Set(), fallback };
    entry.features.add(font);
    files.set(font.path, entry);
  };
  for (const font of Object.values(defaultResolvedTheme().fonts)) add(font);
  const packages = assetsRequire();
  for (const script of SCRIPTS) {
    for (const pkg of packagesFor(script, '')) {
      for (const reference of [pkg.regular, pkg.bold]) {
        try {
          add(loadFont(packages.resolve(reference)), true);
        } catch {
          // Not installed: nothing to precompute.
        }
      }
    }
  }
  return files;
}

const corpus = [...new Set([...wordsIn('templates'), ...wordsIn('examples')])];
mkdirSync(METRICS_DIR, { recursive: true });
const index: Record<string, FontSummary> = {};
for (const [i, { font, features, fallback }] of [...fontsToPrecompute().values()].entries()) {
  const face = font.font;
  const bytes = readFileSync(font.path);
  const sets = Object.fromEntries(
    [...features].map((variant) => [featuresKey(variant.features), variant.features]),
  );
  // A fallback font draws only its own script (the theme's fonts have the Latin letters): its coverage,
  // and for CJK its ideographs' advances.
  const { data, refused } = computeFontData(face, sets, corpus, fallback ? [] : undefined);
  for (const [key, why] of Object.entries(refused))
    process.stdout.write(`${face.postscriptName} [${key}]: shaped, not precomputed (${why})\n`);
  const file = `font-${i}.json`;
  index[fontIdentity(bytes, bytes.length)] = {
    postscriptName: face.postscriptName,
    unitsPerEm: face.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    file,
  };
  writeFileSync(join(METRICS_DIR, file), JSON.stringify(data));
}
writeFileSync(join(METRICS_DIR, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
