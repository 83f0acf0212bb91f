import { execFileSync } from 'node:child_process';
import { assetsRequire } from '../assets/locate.js';
import { covers, describeChar, inRanges } from './coverage.js';
import { type LoadedFont, loadFont } from './fonts.js';
import { packagesFor, scriptOf, systemPackageFor } from './scripts.js';

/** The name under which a fallback font is drawn (its file, so the same font always has the same key). */
export type FallbackKey = `fallback:${string}`;

/** A font found for characters the theme's fonts lack. */
export interface Fallback {
  readonly key: FallbackKey;
  readonly font: LoadedFont;
}

/** Where fallback fonts come from for one render, in the order they are tried. */
export interface FallbackSources {
  /** Fonts the caller or the theme registered, tried first, in order. */
  readonly fonts: readonly LoadedFont[];
  /** The document's language: which CJK glyph forms to prefer. */
  readonly language: string;
  /** Ask fontconfig for system fonts when no registered or installed package covers a character. */
  readonly system: boolean;
}

const registry = new Map<FallbackKey, LoadedFont>();

/** The fallback font drawn under a key, once it has been found. */
export function fallbackFont(key: FallbackKey): LoadedFont | undefined {
  return registry.get(key);
}

/** Whether a font key names a fallback font. */
export function isFallbackKey(key: string): key is FallbackKey {
  return key.startsWith('fallback:');
}

function register(font: LoadedFont): Fallback {
  const key: FallbackKey = `fallback:${font.path}`;
  registry.set(key, font);
  return { key, font };
}

/**
 * Finds fonts for characters the theme's fonts lack: the caller's fonts, then installed npm font
 * packages for the character's script (`@expo-google-fonts/noto-sans-sc`…, in the order the document's
 * language prefers), then system fonts through fontconfig. The choice depends only on the character,
 * the weight, the language and what is installed, never on what was rendered before, so output stays
 * deterministic.
 */
export class FallbackFinder {
  readonly #sources: FallbackSources;
  readonly #found = new Map<string, Fallback | null>();

  constructor(sources: FallbackSources) {
    this.#sources = sources;
  }

  /** A font with a glyph for the character, in the weight asked for when there is one. */
  find(code: number, bold: boolean): Fallback | undefined {
    const id = `${code}|${+bold}`;
    const known = this.#found.get(id);
    if (known !== undefined) return known ?? undefined;
    const found = this.#search(code, bold);
    this.#found.set(id, found ?? null);
    return found;
  }

  #search(code: number, bold: boolean): Fallback | undefined {
    for (const font of this.#sources.fonts) if (covers(font, code)) return register(font);
    const script = scriptOf(code);
    for (const pkg of packagesFor(script, this.#sources.language)) {
      const font = installed(bold ? pkg.bold : pkg.regular) ?? installed(pkg.regular);
      if (font && covers(font, code)) return register(font);
    }
    if (!this.#sources.system) return undefined;
    const font = systemFont(code, bold);
    return font ? register(font) : undefined;
  }
}

/** What to install so that a character has a glyph: the npm package and the Debian package. */
export function coverageHint(char: string, language: string): string {
  const script = scriptOf(char.codePointAt(0) ?? 0);
  const pkg = packagesFor(script, language)[0];
  const system = systemPackageFor(script);
  return pkg
    ? `install ${pkg.name} (npm) or ${system} (Debian), or register a font that has ${describeChar(char)}`
    : `register a font that has ${describeChar(char)}, or install one system-wide (${system} on Debian)`;
}

const packageFonts = new Map<string, LoadedFont | null>();

/** A font file of an installed npm package, or undefined when the package is not installed. */
function installed(reference: string): LoadedFont | undefined {
  const known = packageFonts.get(reference);
  if (known !== undefined) return known ?? undefined;
  let font: LoadedFont | undefined;
  const packages = assetsRequire();
  try {
    font = loadFont(packages.resolve(reference));
  } catch {
    font = undefined;
  }
  packageFonts.set(reference, font ?? null);
  return font;
}

/** A system font as fontconfig lists it: where it is, its weight, and the characters it has. */
interface SystemFont {
  readonly file: string;
  readonly name: string;
  readonly weight: number;
  /** Inclusive code point ranges, ascending. */
  readonly ranges: readonly (readonly [number, number])[];
}

let systemIndex: readonly SystemFont[] | undefined;

/**
 * Every outline font fontconfig knows, with its character set: one `fc-list` for the whole process,
 * so looking up a character never starts a process. Empty when fontconfig is absent.
 */
function systemFontIndex(): readonly SystemFont[] {
  if (systemIndex) return systemIndex;
  let listing = '';
  try {
    listing = execFileSync(
      'fc-list',
      ['--format', '%{file}|%{postscriptname}|%{weight}|%{charset}\\n'],
      {
        encoding: 'utf8',
        timeout: 20_000,
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch {
    listing = '';
  }
  systemIndex = listing
    .split('\n')
    .map((line) => line.split('|'))
    .filter(([file]) => file && /\.(ttf|otf|ttc|woff)$/i.test(file))
    .map(([file = '', name = '', weight = '80', charset = '']) => ({
      file,
      name,
      weight: Number(weight) || 80,
      ranges: charset
        .split(' ')
        .filter(Boolean)
        .map((range): [number, number] => {
          const [from = '0', to = from] = range.split('-');
          return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
        }),
    }))
    // Noto first, then by file and name, so the choice is the same on every run.
    .sort(
      (a, b) =>
        +!/noto/i.test(a.file) - +!/noto/i.test(b.file) ||
        a.file.localeCompare(b.file) ||
        a.name.localeCompare(b.name),
    );
  return systemIndex;
}

/** A system font with the character, nearest the weight asked for (fontconfig: 80 regular, 200 bold). */
function systemFont(code: number, bold: boolean): LoadedFont | undefined {
  const target = bold ? 200 : 80;
  const candidates = systemFontIndex()
    .filter((font) => inRanges(font.ranges, code))
    .sort((a, b) => Math.abs(a.weight - target) - Math.abs(b.weight - target));
  for (const candidate of candidates) {
    try {
      const font = loadFont(
        candidate.file,
        {},
        /\.ttc$/i.test(candidate.file) ? candidate.name : undefined,
      );
      if (hasOutlines(font) && covers(font, code)) return font;
    } catch {
      // A font fontconfig lists but fontkit cannot read: try the next.
    }
  }
  return undefined;
}

/**
 * Whether a font draws with outlines (TrueType or CFF). Colour bitmap fonts (Noto Color Emoji) have a
 * glyph for every emoji but nothing PDF can draw: they would print blanks without a word.
 */
function hasOutlines(font: LoadedFont): boolean {
  const tables = (font.font as { directory?: { tables?: Record<string, unknown> } }).directory
    ?.tables;
  return !tables || 'glyf' in tables || 'CFF ' in tables || 'CFF2' in tables;
}
