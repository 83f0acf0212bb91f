import { cp, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefwrightError } from '../diagnostics/errors.js';
import { writeFilesAtomic } from '../output/writeAtomic.js';
import { BUILTIN_TEMPLATES_DIR } from '../template/load.js';

/** The starter files shipped with the package, beside `src/` and `dist/`. */
const STARTER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'init');

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

/**
 * Scaffolds a working project: `brief.yaml` with every field shown and commented, `theme.json`, the
 * built-in templates copied into `templates/` for editing, and a `package.json` whose `brief` script
 * renders it all. Refuses to overwrite an existing brief unless `force` is set.
 */
export async function initProject(
  dir: string,
  options: { force?: boolean } = {},
): Promise<string[]> {
  const target = resolve(dir);
  if (!options.force && (await exists(join(target, 'brief.yaml')))) {
    throw new BriefwrightError('USAGE', 'the folder already has a brief.yaml', {
      file: join(dir, 'brief.yaml'),
      hint: 'choose another folder, or pass --force to overwrite the starter files',
    });
  }
  await mkdir(target, { recursive: true });
  const packageJson = {
    name: 'my-brief',
    private: true,
    scripts: { brief: `briefwright ${INIT_RENDER_ARGS.join(' ')}` },
  };
  await writeFilesAtomic([
    { path: join(target, 'brief.yaml'), bytes: await readFile(join(STARTER_DIR, 'brief.yaml')) },
    { path: join(target, 'theme.json'), bytes: await readFile(join(STARTER_DIR, 'theme.json')) },
    ...((await exists(join(target, 'package.json')))
      ? []
      : [
          {
            path: join(target, 'package.json'),
            bytes: new TextEncoder().encode(`${JSON.stringify(packageJson, null, 2)}\n`),
          },
        ]),
  ]);
  for (const name of ['policy-brief', 'briefing-deck']) {
    await cp(join(BUILTIN_TEMPLATES_DIR, name), join(target, 'templates', name), {
      recursive: true,
      force: Boolean(options.force),
    });
  }
  return [
    'brief.yaml',
    'theme.json',
    'package.json',
    'templates/policy-brief',
    'templates/briefing-deck',
  ];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
