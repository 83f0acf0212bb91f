import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { assetsRequire } from '../assets/locate.js';
import { BriefwrightError } from '../diagnostics/errors.js';
import { readRegularFile } from '../load/regularFile.js';
import { fontSummary } from './metrics.js';

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
  ): {
    readonly advanceWidth: number;
    readonly glyphs: readonly { readonly id: number; readonly advanceWidth: number }[];
    readonly positions: readonly {
      readonly xAdvance: number;
      readonly xOffset: number;
      readonly yOffset: number;
      readonly yAdvance?: number;
    }[];
  };
  glyphForCodePoint?(codePoint: number): { readonly id: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** The code points of the font's cmap. */
  readonly characterSet?: readonly number[];
  /** A string of the `name` table, such as "preferredFamily" or "fontFamily". */
  getName?(key: string): string | null | undefined;
  readonly italicAngle?: number;
  readonly 'OS/2'?: {
    readonly usWeightClass?: number;
    readonly fsSelection?: { readonly italic?: boolean };
  };
}

/**
 * A font file, with the metrics layout needs. A file the build precomputed metrics for (see metrics.ts)
 * is parsed only when something needs more than those metrics (a PDF embedding it, a word the tables do
 * not describe); any other file is parsed, and checked, when it is loaded.
 */
export interface LoadedFont {
  readonly path: string;
  /** The parsed font (fontkit's), parsed on first use and once per process. */
  readonly font: FontFace;
  /** What identifies the file's bytes: the key of its precomputed metrics (see fontIdentity). */
  readonly identity?: string;
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

/** The bytes at the start of a font file that identify it: its header and table directory, with each table's checksum. */
const IDENTITY_BYTES = 4096;

/**
 * What identifies a font's bytes without reading them all: a hash of their length and their first
 * bytes (an OpenType file's table directory, which holds each table's checksum and length).
 */
export function fontIdentity(head: Uint8Array, size: number): string {
  return createHash('sha256')
    .update(`${size}:`)
    .update(head.subarray(0, IDENTITY_BYTES))
    .digest('hex')
    .slice(0, 32);
}

/** The identity of a font file, reading only its first bytes; undefined when it is not a readable regular file. */
function fileIdentity(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_FONT_BYTES) return undefined;
    const head = new Uint8Array(Math.min(IDENTITY_BYTES, info.size));
    let read = 0;
    while (read < head.length) {
      const n = readSync(fd, head, read, head.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return fontIdentity(head.subarray(0, read), info.size);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads a font file once per process (one font of a collection when `postscriptName` names it); WOFF2 is
 * refused because PDF embedding of it is broken. A file the build precomputed metrics for is parsed
 * on first use.
 */
export function loadFont(
  path: string,
  context: { file?: string; pointer?: string } = {},
  postscriptName?: string,
): LoadedFont {
  const id = postscriptName ? `${path}#${postscriptName}` : path;
  const cached = cache.get(id);
  if (cached) return cached;
  const identity = postscriptName ? undefined : fileIdentity(path);
  const summary = identity === undefined ? undefined : fontSummary(identity);
  const loaded = summary
    ? lazyFont(id, identity, summary, () => readFont(path, id, context, identity))
    : { ...parseFont(readFontFile(path, context), id, context, postscriptName), identity };
  cache.set(id, loaded);
  return loaded;
}

/**
 * Reads and parses a font file whose metrics were taken from its identity: a file changed since (its
 * bytes another font's) would be drawn with the old one's tables, and is refused instead.
 */
function readFont(
  path: string,
  id: string,
  context: { file?: string; pointer?: string },
  identity: string | undefined,
): FontFace {
  const bytes = readFontFile(path, context);
  if (identity !== undefined && fontIdentity(bytes, bytes.length) !== identity)
    throw new BriefwrightError('THEME_INVALID', `the font ${path} changed while briefwright ran`, {
      ...context,
      hint: 'render again; a font file should not change during a render',
    });
  return parseFont(bytes, id, context).font;
}

/** A font file's bytes; a device, a FIFO or a file larger than a font may be is refused, not read. */
function readFontFile(path: string, context: { file?: string; pointer?: string }): Uint8Array {
  const read = readRegularFile(path, MAX_FONT_BYTES);
  if ('data' in read) return Buffer.from(read.data);
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

/** A font whose metrics are known, parsed when something first asks for the parsed font. */
function lazyFont(
  path: string,
  identity: string | undefined,
  summary: { readonly ascent: number; readonly descent: number },
  open: () => FontFace,
  features?: Readonly<Record<string, boolean>>,
): LoadedFont {
  let face: FontFace | undefined;
  return {
    path,
    identity,
    ascent: summary.ascent,
    descent: summary.descent,
    ...(features ? { features } : {}),
    get font() {
      face ??= open();
      return face;
    },
  };
}

/** The same font shaped with other OpenType features (the same parsed font, parsed when either needs it). */
export function withFeatures(
  font: LoadedFont,
  features: Readonly<Record<string, boolean>>,
): LoadedFont {
  return lazyFont(font.path, font.identity, font, () => font.font, features);
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
  const identity = fontIdentity(bytes, bytes.length);
  const loaded = { ...parseFont(bytes, id, context), identity };
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
    // fontkit's published types leave out the positions its runs carry.
    font = fontkit.create(Buffer.from(bytes), postscriptName) as unknown as FontFace;
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

/**
 * The bytes of a font's own file, for formats that embed the file rather than drawn glyphs (a web page's
 * font faces); undefined for a face inside a collection (`.ttc`), which is not a font file by itself.
 */
export function fontFileBytes(loaded: LoadedFont): Uint8Array | undefined {
  let bytes: Uint8Array | undefined;
  if (loaded.path.startsWith('bytes:')) {
    // A caller's buffer: the parsed font still holds it.
    const face = loaded.font as FontFace & { readonly stream?: { readonly buffer?: Uint8Array } };
    bytes = face.stream?.buffer;
  } else {
    try {
      bytes = readFileSync(loaded.path);
    } catch {
      return undefined;
    }
  }
  if (!bytes || bytes.length < 4) return undefined;
  const tag = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0);
  return tag === 'ttcf' ? undefined : bytes;
}
