import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { assetsRequire } from '../assets/locate.js';
import { BriefwrightError } from '../diagnostics/errors.js';
import { readRegularFile } from '../load/regularFile.js';

/** The part of a parsed font (fontkit's) that briefwright uses: shaping, coverage and metrics. */
export interface FontFace {
  readonly postscriptName: string;
  /** The font's version string (its `name` table), part of what identifies its precomputed metrics. */
  readonly version?: string | number | undefined;
  readonly numGlyphs?: number | undefined;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  layout(
    text: string,
    features?: Record<string, boolean>,
  ): { readonly advanceWidth: number; readonly glyphs: readonly { readonly id: number }[] };
  glyphForCodePoint?(codePoint: number): { readonly id: number };
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

const cache = new Map<string, LoadedFont>();

/** The largest font file read (a CJK collection is about 30 MB). */
const MAX_FONT_BYTES = 128_000_000;

/**
 * Resolves a font reference: an absolute path, a path relative to `baseDir`, or a file inside an npm
 * package (`@fontsource/inter/files/inter-latin-400-normal.woff`): one of briefwright's own, else one
 * installed where `baseDir` is.
 */
export function resolveFontPath(reference: string, baseDir: string): string {
  if (isAbsolute(reference)) return reference;
  if (/^\.\.?[\\/]/.test(reference)) return resolve(baseDir, reference);
  for (const packages of [assetsRequire(), createRequire(join(resolve(baseDir), 'theme'))]) {
    try {
      return packages.resolve(reference);
    } catch {
      // Not installed there: try the next place.
    }
  }
  return resolve(baseDir, reference);
}

/**
 * Loads a font file once per process (one font of a collection when `postscriptName` names it); WOFF2 is
 * refused because PDF embedding of it is broken.
 */
export function loadFont(
  path: string,
  context: { file?: string; pointer?: string } = {},
  postscriptName?: string,
): LoadedFont {
  const id = postscriptName ? `${path}#${postscriptName}` : path;
  const cached = cache.get(id);
  if (cached) return cached;
  // A regular file of a font's size at most: a device (/dev/zero) or a FIFO is refused, not read forever.
  const read = readRegularFile(path, MAX_FONT_BYTES);
  if (!('data' in read)) {
    const why =
      'size' in read
        ? `it is ${Math.round(read.size / 1e6)} MB, more than the ${MAX_FONT_BYTES / 1e6} MB a font may be`
        : read.unreadable === 'cannot be opened'
          ? undefined
          : `it ${read.unreadable}`;
    throw new BriefwrightError(
      'THEME_INVALID',
      `cannot read the font ${path}${why ? `: ${why}` : ''}`,
      {
        ...context,
        hint: 'give a TTF, OTF or WOFF file path, or a file inside an installed npm package',
      },
    );
  }
  const loaded = parseFont(Buffer.from(read.data), id, context, postscriptName);
  cache.set(id, loaded);
  return loaded;
}

/**
 * Loads a font given as bytes once per process, named by a hash of its content, so that the same bytes
 * are parsed once and different bytes never share a name.
 */
export function loadFontBytes(
  bytes: Uint8Array,
  context: { file?: string; pointer?: string } = {},
): LoadedFont {
  const id = `bytes:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const loaded = parseFont(bytes, id, context);
  cache.set(id, loaded);
  return loaded;
}

/** Parses font bytes (a file's, or a caller's buffer) into a font with its metrics; refuses WOFF2. */
function parseFont(
  bytes: Uint8Array,
  name: string,
  context: { file?: string; pointer?: string } = {},
  postscriptName?: string,
): LoadedFont {
  if (bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x32) {
    throw new BriefwrightError('THEME_INVALID', `WOFF2 fonts cannot be embedded in PDF: ${name}`, {
      ...context,
      hint: 'use the TTF, OTF or WOFF version of the font',
    });
  }
  let font: FontFace;
  try {
    font = fontkit.create(Buffer.from(bytes), postscriptName) as FontFace;
  } catch (cause) {
    throw new BriefwrightError('THEME_INVALID', `cannot load the font ${name}`, {
      ...context,
      cause,
      hint: 'give a TTF, OTF or WOFF file path, or a file inside an installed npm package',
    });
  }
  if (!('layout' in font)) {
    throw new BriefwrightError(
      'THEME_INVALID',
      `${name} is a font collection; name one font file`,
      context,
    );
  }
  return {
    path: name,
    font,
    ascent: font.ascent / font.unitsPerEm,
    descent: Math.abs(font.descent) / font.unitsPerEm,
  };
}
