import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { BriefwrightError } from '../diagnostics/errors.js';

/** The part of a parsed font (fontkit's) that briefwright uses: shaping, coverage and metrics. */
export interface FontFace {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  layout(text: string, features?: Record<string, boolean>): { readonly advanceWidth: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** A font file parsed once per process, with the metrics layout needs. */
export interface LoadedFont {
  readonly path: string;
  readonly font: FontFace;
  /** Ascent above the baseline per point of size. */
  readonly ascent: number;
  /** Descent below the baseline per point of size (positive). */
  readonly descent: number;
  /** OpenType features to shape with, when not the font's defaults (measuring and drawing use the same). */
  readonly features?: Readonly<Record<string, boolean>>;
}

/** Features for code: no ligatures or contextual alternates (they also crash fontkit in some fonts). */
export const NO_LIGATURES: Readonly<Record<string, boolean>> = {
  liga: false,
  calt: false,
  clig: false,
  dlig: false,
};

const require = createRequire(import.meta.url);
const cache = new Map<string, LoadedFont>();

/** Resolves a font reference: an absolute path, a path relative to `baseDir`, or a file inside an npm package. */
export function resolveFontPath(reference: string, baseDir: string): string {
  if (isAbsolute(reference)) return reference;
  if (/^\.\.?[\\/]/.test(reference)) return resolve(baseDir, reference);
  try {
    return require.resolve(reference);
  } catch {
    return resolve(baseDir, reference);
  }
}

/** Loads a font file once per process; WOFF2 is refused because PDF embedding of it is broken. */
export function loadFont(
  path: string,
  context: { file?: string; pointer?: string } = {},
): LoadedFont {
  const cached = cache.get(path);
  if (cached) return cached;
  if (/\.woff2$/i.test(path)) {
    throw new BriefwrightError('THEME_INVALID', `WOFF2 fonts cannot be embedded in PDF: ${path}`, {
      ...context,
      hint: 'use the TTF, OTF or WOFF version of the font',
    });
  }
  let font: FontFace;
  try {
    font = fontkit.create(readFileSync(path));
  } catch (cause) {
    throw new BriefwrightError('THEME_INVALID', `cannot load the font ${path}`, {
      ...context,
      cause,
      hint: 'give a TTF, OTF or WOFF file path, or a file inside an installed npm package',
    });
  }
  if (!('layout' in font)) {
    throw new BriefwrightError(
      'THEME_INVALID',
      `${path} is a font collection; name one font file`,
      context,
    );
  }
  const loaded: LoadedFont = {
    path,
    font,
    ascent: font.ascent / font.unitsPerEm,
    descent: Math.abs(font.descent) / font.unitsPerEm,
  };
  cache.set(path, loaded);
  return loaded;
}
