import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { assetsDir } from '../assets/locate.js';
import { METRICS_DIR } from '../text/metrics.js';

/**
 * The built-in templates compiled at build time (`npm run build` writes them beside the fonts'
 * metrics): parsing and compiling a template is a good part of a cold render's start. A template is
 * found by a hash of its text, Handlebars' version and the compile options, so an edited template, or
 * another Handlebars, is compiled as before.
 */
export const PRECOMPILED_FILE = join(METRICS_DIR, 'templates.json');

/** The key of a template's compiled code: its text, Handlebars' version and the compile options (as JSON). */
export function precompiledKey(text: string, options: string): string {
  return createHash('sha256')
    .update(`${Handlebars.VERSION}\0${options}\0${text}`)
    .digest('hex')
    .slice(0, 32);
}

let table: Readonly<Record<string, string>> | undefined;

/** A template's code compiled at build time, or undefined when the build did not compile this text. */
export function precompiledCode(text: string, options: string): string | undefined {
  if (!table) {
    try {
      table = JSON.parse(readFileSync(join(assetsDir(), PRECOMPILED_FILE), 'utf8')) as Record<
        string,
        string
      >;
    } catch {
      // Not built (a source checkout): templates are compiled when loaded.
      table = {};
    }
  }
  return table[precompiledKey(text, options)];
}
