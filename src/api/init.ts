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
}

/**
 * Scaffolds a project that renders at once: `brief.yaml` with every field shown and commented,
 * `theme.json`, the built-in templates copied into `templates/` for editing, and a `package.json` that
 * depends on briefwright and whose `brief` script renders it all. An existing `package.json` keeps what
 * it has and gains the dependency and the script (a `brief` script of its own stays unless `force`).
 * Refuses to overwrite an existing brief unless `force` is set.
 */
export async function initProject(
  dir: string,
  options: { force?: boolean } = {},
): Promise<InitResult> {
  const target = resolve(dir);
  if (!options.force && (await exists(join(target, 'brief.yaml')))) {
    throw new BriefwrightError('USAGE', 'the folder already has a brief.yaml', {
      file: join(dir, 'brief.yaml'),
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
    {
      path: join(target, 'package.json'),
      bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    },
  ]);
  for (const name of ['policy-brief', 'briefing-deck']) {
    await cp(join(builtinTemplatesDir(), name), join(target, 'templates', name), {
      recursive: true,
      force: Boolean(options.force),
    });
  }
  const here = resolve(dir) === resolve('.');
  return {
    written: [
      'brief.yaml',
      'theme.json',
      'package.json',
      'templates/policy-brief',
      'templates/briefing-deck',
    ],
    steps: [...(here ? [] : [`cd ${dir}`]), 'npm install', 'npm run brief'],
  };
}

/**
 * The project's `package.json`: an existing one with briefwright added as a dependency and a `brief`
 * script, or a new one holding just those.
 */
async function projectManifest(
  path: string,
  folder: string,
  options: { force?: boolean },
): Promise<Record<string, unknown>> {
  let manifest: Record<string, unknown> = {
    name: folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'my-brief',
    private: true,
  };
  if (await exists(path)) {
    try {
      manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    } catch (cause) {
      throw new BriefwrightError('USAGE', 'the folder has a package.json that is not valid JSON', {
        file: path,
        cause,
        hint: 'fix it, then run init again',
      });
    }
  }
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  const scripts = record(manifest.scripts);
  if (scripts.brief === undefined || options.force)
    scripts.brief = `briefwright ${INIT_RENDER_ARGS.join(' ')}`;
  const dependencies = record(manifest.dependencies);
  const devDependencies = record(manifest.devDependencies);
  if (dependencies.briefwright === undefined && devDependencies.briefwright === undefined)
    dependencies.briefwright = `^${VERSION}`;
  return { ...manifest, scripts, dependencies };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
