import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BriefwrightError } from '../diagnostics/errors.js';
import { BUILTIN_RENDERERS } from '../render/builtins.js';
import { createEngine, type Engine, type Renderer } from '../render/engine.js';

const engines = new Map<string, Promise<Engine>>();

/**
 * An engine with the built-in renderers and those of renderer modules (`--renderer` on the command
 * line, `renderers` of `renderMany`): each a file (`./headings.js`) or an installed package, whose
 * default export (or `renderers` export) is a renderer or a list of them. A module's renderer of a
 * built-in format replaces the built-in. Modules load once per process (and per worker thread).
 */
export function engineWithRenderers(
  modules: readonly string[],
  baseDir: string = process.cwd(),
): Promise<Engine> {
  const urls = modules.map((specifier) => moduleUrl(specifier, baseDir));
  const key = urls.join('\n');
  let engine = engines.get(key);
  if (!engine) {
    engine = loadRenderers(urls, modules).then((renderers) =>
      createEngine({ renderers: [...BUILTIN_RENDERERS, ...renderers] }),
    );
    engines.set(key, engine);
    // A module that failed to load may be fixed and asked for again (in --watch).
    engine.catch(() => engines.delete(key));
  }
  return engine;
}

/** Where a renderer module is, as a URL `import()` takes: a file's, an installed package's, or as given. */
export function moduleUrl(specifier: string, baseDir: string = process.cwd()): string {
  if (/^(file|data|node):/.test(specifier)) return specifier;
  // A path, or a JavaScript file here named without ./ (headings.js), as a user means it.
  const local = /\.[cm]?js$/.test(specifier) && existsSync(resolve(baseDir, specifier));
  if (isAbsolute(specifier) || /^\.\.?[\\/]/.test(specifier) || local)
    return pathToFileURL(resolve(baseDir, specifier)).href;
  try {
    return pathToFileURL(createRequire(join(resolve(baseDir), 'noop.js')).resolve(specifier)).href;
  } catch {
    return specifier; // An ES-module-only package: import() finds it from here.
  }
}

async function loadRenderers(
  urls: readonly string[],
  specifiers: readonly string[],
): Promise<Renderer[]> {
  const renderers: Renderer[] = [];
  for (const [index, url] of urls.entries()) {
    const specifier = specifiers[index] ?? url;
    let exports: Record<string, unknown>;
    try {
      exports = (await import(url)) as Record<string, unknown>;
    } catch (cause) {
      const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
      throw new BriefwrightError('USAGE', `cannot load the renderer module: ${why}`, {
        file: specifier,
        cause,
        hint: 'give a JavaScript file (./my-renderer.js) or an installed package that exports a renderer',
      });
    }
    const exported = exports.renderers ?? exports.default;
    const list = Array.isArray(exported) ? exported : exported === undefined ? [] : [exported];
    const found = list.filter(isRenderer);
    if (found.length === 0 || found.length !== list.length) {
      throw new BriefwrightError('USAGE', 'the module exports no renderer', {
        file: specifier,
        hint: 'export default { format, extension, mediaType, defaultTemplate, render(doc, ctx) } (or a list of them)',
      });
    }
    renderers.push(...found);
  }
  return renderers;
}

function isRenderer(value: unknown): value is Renderer {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.format === 'string' &&
    candidate.format !== '' &&
    typeof candidate.extension === 'string' &&
    typeof candidate.mediaType === 'string' &&
    typeof candidate.defaultTemplate === 'string' &&
    typeof candidate.render === 'function'
  );
}
