import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { assetsDir } from '../assets/locate.js';
import { BriefwrightError } from '../diagnostics/errors.js';
import { isInside } from '../load/inside.js';
import { readTemplateTheme, type TemplateTheme } from '../theme/templateDefaults.js';
import { compileTemplate, fillTemplate, type TemplateSource } from './compile.js';

/** The folder of the built-in templates, in the package (or a bundle's assets folder). */
export function builtinTemplatesDir(): string {
  return join(assetsDir(), 'templates');
}

/** The file every template folder has; partials live in `partials/`. */
export const MAIN_TEMPLATE = 'main.md.hbs';

/** A loaded template: fills the template data into Markdown. */
export interface LoadedTemplate {
  readonly name: string;
  readonly dir: string;
  /** The theme defaults the template sets in its `theme.json`, if it has one. */
  readonly theme: TemplateTheme | undefined;
  fill(data: unknown): string;
}

/** The file in which a template may set theme defaults (the deck's and the brief's sizes, the labels). */
export const TEMPLATE_THEME = 'theme.json';

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Loads a template by built-in name (`policy-brief`, `briefing-deck`) or by folder path. */
export function loadTemplate(nameOrDir: string): LoadedTemplate {
  const dir = realpathSync(resolveTemplateDir(nameOrDir));
  const mainSource = readSource(join(dir, MAIN_TEMPLATE), dir);
  const partialsDir = join(dir, 'partials');
  if (existsSync(partialsDir) && !statSync(partialsDir).isDirectory()) {
    throw new BriefwrightError('TEMPLATE_ERROR', 'partials is a file, not a folder of partials', {
      file: partialsDir,
      hint: 'put partials as files named name.md.hbs in a folder called partials',
    });
  }
  const partialSources = existsSync(partialsDir)
    ? readdirSync(inside(partialsDir, dir))
        .filter((file) => file.endsWith('.hbs'))
        .sort()
        .map((file) => readSource(join(partialsDir, file), dir))
        .map((source) => ({ ...source, text: partialText(source.text) }))
    : [];
  const main = compileCached(mainSource);
  const partials = Object.fromEntries(
    partialSources.map((source) => [
      basename(source.file).replace(/(\.md)?\.hbs$/, ''),
      compileCached(source),
    ]),
  );
  const sources = [mainSource, ...partialSources];
  const themeFile = join(dir, TEMPLATE_THEME);
  const theme = existsSync(themeFile)
    ? readTemplateTheme(themeFile, readSource(themeFile, dir).text)
    : undefined;
  return {
    name: basename(dir),
    dir,
    theme,
    fill: (data) => fillTemplate(main, partials, data, sources),
  };
}

/** The names of the built-in templates. */
export function builtinTemplateNames(): string[] {
  return readdirSync(builtinTemplatesDir()).filter((name) =>
    existsSync(join(builtinTemplatesDir(), name, MAIN_TEMPLATE)),
  );
}

function resolveTemplateDir(nameOrDir: string): string {
  const builtin = join(builtinTemplatesDir(), nameOrDir);
  const looksLikePath = /[\\/]|^\./.test(nameOrDir);
  const candidates = looksLikePath ? [resolve(nameOrDir)] : [builtin, resolve(nameOrDir)];
  const dir = candidates.find((candidate) => existsSync(join(candidate, MAIN_TEMPLATE)));
  if (dir) return dir;
  const folder = candidates.find(
    (candidate) => existsSync(candidate) && statSync(candidate).isDirectory(),
  );
  throw new BriefwrightError(
    'TEMPLATE_NOT_FOUND',
    folder ? `the template folder has no ${MAIN_TEMPLATE}` : `no template named "${nameOrDir}"`,
    {
      file: folder ?? nameOrDir,
      hint: `use one of ${builtinTemplateNames().join(', ')}, or a folder holding ${MAIN_TEMPLATE} (and partials/*.hbs)`,
    },
  );
}

/**
 * The real path of a template file or folder, which must lie inside the template's folder: a symbolic
 * link to a file elsewhere (a partial linked to a secret) is refused before anything is read.
 */
function inside(path: string, dir: string): string {
  const real = realpathSync(path);
  if (isInside(real, dir)) return real;
  throw new BriefwrightError(
    'TEMPLATE_ERROR',
    'the template file is a link to a place outside the template folder',
    {
      file: path,
      hint: 'copy the file into the template folder instead of linking to it',
    },
  );
}

/** A partial's text as it is compiled: its final newline would add a blank line wherever it is used inline. */
export function partialText(text: string): string {
  return text.replace(/\n$/, '');
}

function readSource(file: string, dir: string): TemplateSource {
  let real: string;
  try {
    real = inside(file, dir);
  } catch (cause) {
    if (cause instanceof BriefwrightError) throw cause;
    throw new BriefwrightError('TEMPLATE_NOT_FOUND', 'cannot read the template file', {
      file,
      cause,
    });
  }
  try {
    if (!statSync(real).isFile()) throw new Error('not a regular file');
    return { file, text: readFileSync(real, 'utf8').replace(/\r\n?/g, '\n') };
  } catch (cause) {
    throw new BriefwrightError('TEMPLATE_NOT_FOUND', 'cannot read the template file', {
      file,
      cause,
    });
  }
}

function compileCached(source: TemplateSource): HandlebarsTemplateDelegate {
  const key = `${source.file}\0${source.text}`;
  let template = compiled.get(key);
  if (!template) {
    template = compileTemplate(source);
    compiled.set(key, template);
  }
  return template;
}
