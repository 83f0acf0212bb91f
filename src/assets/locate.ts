import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefwrightError } from '../diagnostics/errors.js';
import { ASSETS_FOLDER, ASSETS_VARIABLE } from './names.js';

/** A file every assets folder has: how the folder is recognised. */
const MARKER = join('templates', 'policy-brief', 'main.md.hbs');

/** A `require` that resolves and loads files of the npm packages briefwright depends on. */
export type PackageRequire = ReturnType<typeof createRequire>;

/** The folder found, per value of the environment variable (tests and long-running hosts may change it). */
const located = new Map<string, string>();

/**
 * The folder holding briefwright's own files: `templates/`, `init/`, `schema/`, and (in the installed
 * package, through Node's lookup; in a copied assets folder, under its `node_modules/`) the npm
 * packages of its fonts and hyphenation patterns. It is the package's folder when briefwright runs from
 * `node_modules`; in a bundle (esbuild, webpack, a single-file deploy) it is the folder named by
 * `BRIEFWRIGHT_ASSETS`, or a `briefwright-assets/` folder beside the bundle or in a folder above it,
 * which `briefwright assets <dir>` writes. Found once per process (and again if the variable changes).
 */
export function assetsDir(): string {
  const named = process.env[ASSETS_VARIABLE] ?? '';
  let dir = located.get(named);
  if (dir === undefined) {
    dir = locate(named);
    located.set(named, dir);
  }
  return dir;
}

/** Node's `require` rooted at the assets folder: finds the fonts and hyphenation patterns briefwright uses. */
export function assetsRequire(): PackageRequire {
  return createRequire(join(assetsDir(), 'package.json'));
}

function locate(named: string): string {
  if (named) {
    const dir = resolve(named);
    if (existsSync(join(dir, MARKER))) return dir;
    throw new BriefwrightError(
      'ASSETS_MISSING',
      `${ASSETS_VARIABLE} names a folder without briefwright's templates and fonts`,
      { file: dir, hint: `write them there with "npx briefwright assets ${dir}"` },
    );
  }
  const file = moduleFile();
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    for (const candidate of [dir, join(dir, ASSETS_FOLDER)]) {
      if (existsSync(join(candidate, MARKER))) return candidate;
    }
    if (dirname(dir) === dir) break;
  }
  const beside = join(dirname(file), ASSETS_FOLDER);
  throw new BriefwrightError(
    'ASSETS_MISSING',
    `briefwright's templates and fonts are not beside ${file} (it looks bundled)`,
    {
      file: beside,
      hint: `write them there with "npx briefwright assets ${beside}" when you build the bundle, or set ${ASSETS_VARIABLE} to the folder holding them`,
    },
  );
}

/**
 * This module's file: from `import.meta.url` in the package or an ES module bundle; in a CommonJS
 * bundle, where `import.meta` is empty, the bundle's own `__filename`.
 */
function moduleFile(): string {
  const url: unknown = import.meta.url;
  if (typeof url === 'string') return fileURLToPath(url);
  if (typeof __filename === 'string') return __filename;
  return resolve(process.argv[1] ?? 'briefwright');
}
