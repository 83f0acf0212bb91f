import { cp, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { assetsDir } from '../assets/locate.js';
import { BriefwrightError } from '../diagnostics/errors.js';
import { writeFilesAtomic } from '../output/writeAtomic.js';
import { builtinTemplatesDir } from '../template/load.js';
import { VERSION } from '../version.js';

/** The command the scaffolded project's `brief` script runs. */
export const INIT_RENDER_ARGS = [
  'render',
  'brief.yaml',
  '--theme',
  'theme.json',
  '--template',
  'pdf=templates/policy-brief,pptx=templates/briefing-deck',
  '--out',
  'output',
];

/** What {@link initProject} did: the files it wrote, and the steps left to render the project. */
export interface InitResult {
  readonly written: readonly string[];
  /** Shell commands to run next, in order (`cd my-brief`, `npm install`, `npm run brief`). */
  readonly steps: readonly string[];
  /** What init left as it was and the user should know (a `brief` script of their own). */
  readonly notes: readonly string[];
}

/** The starter files and folders, which init never overwrites without `force`. */
const STARTERS = ['brief.yaml', 'theme.json', 'templates/policy-brief', 'templates/briefing-deck'];

/**
 * Scaffolds a project that renders at once: `brief.yaml` with every field shown and commented,
 * `theme.json`, the built-in templates copied into `templates/` for editing, and a `package.json` that
 * depends on briefwright and whose `brief` script renders it all. An existing `package.json` keeps what
 * it has (and its indentation) and gains the dependency and the script (a `brief` script of its own
 * stays unless `force`). Refuses to overwrite any starter file that exists unless `force` is set.
 */
export async function initProject(
  dir: string,
  options: { force?: boolean } = {},
): Promise<InitResult> {
  const target = resolve(dir);
  const kind = await stat(target).then(
    (found) => (found.isDirectory() ? 'folder' : 'file'),
    () => 'none',
  );
  if (kind === 'file') {
    throw new BriefwrightError('USAGE', 'a file is there, not a folder', {
      file: dir,
      hint: 'give a folder for the project (it is made if it does not exist)',
    });
  }
  const present = [];
  for (const name of STARTERS) if (await exists(join(target, name))) present.push(name);
  if (!options.force && present.length > 0) {
    throw new BriefwrightError('USAGE', `the folder already has ${present.join(', ')}`, {
      file: join(dir, present[0] ?? ''),
      hint: 'choose another folder, or pass --force to overwrite the starter files',
    });
  }
  await mkdir(target, { recursive: true });
  const manifest = await projectManifest(join(target, 'package.json'), basename(target), options);
  await writeFilesAtomic([
    {
      path: join(target, 'brief.yaml'),
      bytes: await readFile(join(assetsDir(), 'init', 'brief.yaml')),
    },
    {
      path: join(target, 'theme.json'),
      bytes: await readFile(join(assetsDir(), 'init', 'theme.json')),
    },
    { path: join(target, 'package.json'), bytes: new TextEncoder().encode(manifest.text) },
  ]);
  for (const name of ['policy-brief', 'briefing-deck']) {
    await cp(join(builtinTemplatesDir(), name), join(target, 'templates', name), {
      recursive: true,
      force: Boolean(options.force),
    });
  }
  const here = resolve(dir) === resolve('.');
  const render = `npx briefwright ${INIT_RENDER_ARGS.join(' ')}`;
  return {
    written: [...STARTERS.slice(0, 2), 'package.json', ...STARTERS.slice(2)],
    steps: [
      ...(here ? [] : [`cd ${dir}`]),
      'npm install',
      manifest.ownScript ? render : 'npm run brief',
    ],
    notes: manifest.ownScript
      ? [
          'package.json keeps its own "brief" script (--force replaces it); the command below renders the new brief',
        ]
      : [],
  };
}

/**
 * The project's `package.json` as text: an existing one with briefwright added as a dependency and a
 * `brief` script, in its own indentation, or a new one (an ES module package) holding just those.
 */
async function projectManifest(
  path: string,
  folder: string,
  options: { force?: boolean },
): Promise<{ text: string; ownScript: boolean }> {
  let manifest: Record<string, unknown> = {
    name: folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'my-brief',
    private: true,
    type: 'module',
  };
  let indent = '  ';
  if (await exists(path)) {
    const text = await readFile(path, 'utf8');
    try {
      manifest = JSON.parse(text) as Record<string, unknown>;
    } catch (cause) {
      throw new BriefwrightError('USAGE', 'the folder has a package.json that is not valid JSON', {
        file: path,
        cause,
        hint: 'fix it, then run init again',
      });
    }
    indent = /^([ \t]+)"/m.exec(text)?.[1] ?? indent;
  }
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  const scripts = record(manifest.scripts);
  const script = `briefwright ${INIT_RENDER_ARGS.join(' ')}`;
  const ownScript = scripts.brief !== undefined && scripts.brief !== script && !options.force;
  if (!ownScript) scripts.brief = script;
  const dependencies = record(manifest.dependencies);
  const devDependencies = record(manifest.devDependencies);
  if (dependencies.briefwright === undefined && devDependencies.briefwright === undefined)
    dependencies.briefwright = `^${VERSION}`;
  const text = `${JSON.stringify({ ...manifest, scripts, dependencies }, null, indent)}\n`;
  return { text, ownScript };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
