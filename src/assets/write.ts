import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BriefwrightError } from '../diagnostics/errors.js';
import { METRICS_DIR } from '../text/metrics.js';
import { packagesFor, SCRIPTS } from '../text/scripts.js';
import { DEFAULT_THEME, METRIC_TWINS } from '../theme/defaults.js';
import { VERSION } from '../version.js';
import { assetsDir, assetsRequire } from './locate.js';

/** The name in an assets folder's `package.json`: how a folder is known to be one that may be replaced. */
const ASSETS_PACKAGE_NAME = 'briefwright-assets';

/** The files of a font package kept beside its fonts: its licences (the fonts' licence asks for it). */
const FONT_PACKAGE_FILES = ['package.json', 'LICENSE', 'LICENSE_FONT'];

/** What {@link writeAssets} wrote. */
export interface AssetsResult {
  readonly dir: string;
  /** Files written, counted. */
  readonly files: number;
  readonly bytes: number;
}

/**
 * Writes the files briefwright reads at run time — templates, starter files, schemas, the default fonts
 * and the script fallback fonts that are installed (with their licences), and the hyphenation patterns —
 * into `dir`, for a bundled program (esbuild, webpack, a single-file deploy) to find beside the bundle
 * as `briefwright-assets/`, or wherever `BRIEFWRIGHT_ASSETS` names. The folder appears whole or not at
 * all; an assets folder already there is replaced; any other folder that is not empty is refused.
 */
export async function writeAssets(dir: string): Promise<AssetsResult> {
  const target = resolve(dir);
  await checkReplaceable(target);
  const staging = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await copyInto(staging);
    const old = `${staging}.old`;
    if (existsSync(target)) await rename(target, old);
    await rename(staging, target);
    await rm(old, { recursive: true, force: true });
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    if (cause instanceof BriefwrightError) throw cause;
    throw new BriefwrightError('OUTPUT_WRITE', 'cannot write the assets folder', {
      file: target,
      cause,
      hint: 'check that the folder above it exists and is writable',
    });
  }
  return { dir: target, ...(await measure(target)) };
}

async function checkReplaceable(target: string): Promise<void> {
  if (!existsSync(target)) return;
  if (!(await stat(target)).isDirectory()) {
    throw new BriefwrightError('USAGE', 'a file is there, not a folder', {
      file: target,
      hint: `give a folder for the assets, such as ${join(dirname(target), 'briefwright-assets')}`,
    });
  }
  const entries = await readdir(target);
  if (entries.length === 0) return;
  const manifest = await readFile(join(target, 'package.json'), 'utf8').catch(() => '');
  if (manifest.includes(`"name": "${ASSETS_PACKAGE_NAME}"`)) return;
  throw new BriefwrightError('USAGE', 'the folder is not empty and holds no briefwright assets', {
    file: target,
    hint: `give a new folder, such as ${join(target, 'briefwright-assets')}`,
  });
}

async function copyInto(staging: string): Promise<void> {
  const source = assetsDir();
  await mkdir(staging, { recursive: true });
  for (const folder of ['templates', 'init', 'schema']) {
    await cp(join(source, folder), join(staging, folder), { recursive: true });
  }
  // The fonts' precomputed metrics and the compiled templates, when this copy was built with them.
  if (existsSync(join(source, METRICS_DIR)))
    await cp(join(source, METRICS_DIR), join(staging, METRICS_DIR), { recursive: true });
  const manifest = {
    name: ASSETS_PACKAGE_NAME,
    version: VERSION,
    private: true,
    description: `Templates, fonts and hyphenation patterns of briefwright ${VERSION}, for a bundled program.`,
  };
  await writeFile(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const packages = assetsRequire();
  const modules = join(staging, 'node_modules');
  for (const reference of fontReferences()) {
    let file: string;
    try {
      file = packages.resolve(reference);
    } catch {
      continue; // A fallback package that is not installed (CJK): the bundle lacks it too.
    }
    await cp(file, join(modules, reference));
    const [scope = '', name = ''] = reference.split('/');
    for (const extra of FONT_PACKAGE_FILES) {
      const from = join(dirname(packages.resolve(`${scope}/${name}/package.json`)), extra);
      if (existsSync(from)) await cp(from, join(modules, scope, name, extra));
    }
  }
  const hyphen = dirname(packages.resolve('hyphen/package.json'));
  await cp(hyphen, join(modules, 'hyphen'), { recursive: true });
}

/**
 * Every font file briefwright may load by itself: the default theme's, the metric twins of template
 * fonts, and the script fallbacks'.
 */
function fontReferences(): string[] {
  const references = new Set<string>();
  for (const family of [
    ...Object.values(DEFAULT_THEME.fonts),
    ...METRIC_TWINS.map((t) => t.family),
  ]) {
    for (const [variant, reference] of Object.entries(family)) {
      if (variant !== 'name') references.add(reference);
    }
  }
  for (const script of SCRIPTS) {
    for (const language of ['en', 'ja', 'ko', 'zh-Hant']) {
      for (const pkg of packagesFor(script, language)) {
        references.add(pkg.regular);
        references.add(pkg.bold);
      }
    }
  }
  return [...references].sort();
}

async function measure(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
