import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import { assetsRequire } from '../assets/locate.js';
import { BriefwrightError } from '../diagnostics/errors.js';
import { DEFAULT_LIMITS, limitError } from '../load/limits.js';
import { readRegularFile } from '../load/regularFile.js';
import { readSourceText } from '../load/sourceText.js';
import { faultsError, pathOfPointer, schemaFaults } from '../load/validate.js';
import { type Locate, parseYamlSource } from '../load/yamlSource.js';
import { checkImage, type LoadedImage } from '../media/imageInfo.js';
import { type DeckTemplate, readDeckTemplate } from '../render/pptx/template/read.js';
import {
  type FallbackFinder,
  type FallbackKey,
  fallbackFont,
  isFallbackKey,
} from '../text/fallback.js';
import {
  type LoadedFont,
  loadFont,
  NO_LIGATURES,
  resolveFontPath,
  withFeatures,
} from '../text/fonts.js';
import { DEFAULT_THEME } from './defaults.js';
import { type FontFamily, type Theme, ThemeSchema } from './schema.js';

/** The font roles a theme fills. */
export type FontRole = 'serif' | 'sans' | 'mono' | 'deck';
/** The four styles of a family. */
export type FontVariant = 'regular' | 'bold' | 'italic' | 'boldItalic';
/** A font of the resolved theme, as `role-variant`. */
export type FontKey = `${FontRole}-${FontVariant}`;

/** The variant of a family for bold and italic. */
export function fontVariant(bold: boolean, italic: boolean): FontVariant {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  return italic ? 'italic' : 'regular';
}

const ROLES: readonly FontRole[] = ['serif', 'sans', 'mono', 'deck'];
const VARIANTS: readonly FontVariant[] = ['regular', 'bold', 'italic', 'boldItalic'];

type Defaults = typeof DEFAULT_THEME;

/** A theme with every value filled and every font loaded: what renderers receive. */
export interface ResolvedTheme {
  readonly page: Defaults['page'];
  readonly colors: Defaults['colors'];
  readonly pdf: Defaults['pdf'];
  readonly html: Defaults['html'];
  readonly deck: Defaults['deck'];
  readonly labels: Defaults['labels'];
  /** The deck, PDF and label values the theme itself set, which win over a template's defaults. */
  readonly given: {
    readonly deck: Partial<Defaults['deck']>;
    readonly pdf: Partial<Defaults['pdf']>;
    readonly labels: Partial<Defaults['labels']>;
  };
  /** Family names per role, for formats that name fonts (decks). */
  readonly families: Readonly<Record<FontRole, FontFamily>>;
  readonly fonts: Readonly<Record<FontKey, LoadedFont>>;
  /** The logo, read and checked when the theme is resolved. */
  readonly logo: LoadedImage | undefined;
  /** The PowerPoint template decks are built on (`deck.template`), read when the theme is resolved. */
  readonly deckTemplate?: DeckTemplate | undefined;
  /** On a template: its heading font for slide titles, with the files that measure it, when it has them. */
  readonly deckHeading?:
    | { readonly name: string; readonly fonts: Readonly<Record<FontVariant, LoadedFont>> }
    | undefined;
  /** Fonts the theme names for characters its families lack, tried first among fallbacks. */
  readonly fallbackFonts: readonly LoadedFont[];
  /** Finds fonts for characters no family has; set for each render (it depends on the language). */
  readonly fallback?: FallbackFinder | undefined;
}

/** A font to draw with: one of the theme's, or a fallback found for characters they lack. */
export type AnyFontKey = FontKey | FallbackKey;

/** The font of a key. */
export function fontFor(theme: ResolvedTheme, key: AnyFontKey): LoadedFont {
  return isFallbackKey(key) ? (fallbackFont(key) ?? theme.fonts['sans-regular']) : theme.fonts[key];
}

/** Fills a theme with the defaults and loads its fonts (each font file once per process). */
export function resolveTheme(
  theme: Theme = {},
  options: { baseDir?: string; file?: string; locate?: Locate } = {},
): ResolvedTheme {
  const parsed = ThemeSchema.safeParse(theme);
  if (!parsed.success) throw themeFaults(parsed.error, theme, options.file, options.locate);
  const input = parsed.data;
  const baseDir = options.baseDir ?? process.cwd();
  // Every file the theme names is loaded before any fault is reported, so that all are reported at
  // once, each at its field and line.
  const faults: BriefwrightError[] = [];
  const load = <T>(
    pointer: string,
    reference: string,
    read: (path: string) => T,
  ): T | undefined => {
    const path = resolveFontPath(reference, baseDir);
    try {
      return read(path);
    } catch (error) {
      if (!(error instanceof BriefwrightError)) throw error;
      const at = options.locate?.(pathOfPointer(pointer));
      // Not there at all (rather than there but unreadable): say where it was looked for.
      const missing = error.message === `cannot read the font ${path}`;
      faults.push(
        new BriefwrightError(error.code, missing ? unreadable(reference, baseDir) : error.message, {
          ...error,
          file: options.file,
          pointer,
          ...at,
          related: [],
        }),
      );
      return undefined;
    }
  };
  const families = Object.fromEntries(
    ROLES.map((role) => [role, { ...DEFAULT_THEME.fonts[role], ...input.fonts?.[role] }]),
  ) as Record<FontRole, FontFamily>;
  const fonts: Partial<Record<FontKey, LoadedFont>> = {};
  for (const role of ROLES) {
    for (const variant of VARIANTS) {
      const pointer = `/fonts/${role}/${variant}`;
      const loaded = load(pointer, families[role][variant], (path) =>
        loadFont(path, { file: options.file, pointer }),
      );
      if (loaded)
        fonts[`${role}-${variant}`] = role === 'mono' ? withFeatures(loaded, NO_LIGATURES) : loaded;
    }
  }
  const logo = input.logo
    ? load('/logo', input.logo, (path) => loadLogo(path, options.file))
    : undefined;
  const deckTemplate = input.deck?.template
    ? load('/deck/template', input.deck.template, (path) =>
        loadDeckTemplate(path, options.file, '/deck/template'),
      )
    : undefined;
  const fallbackFonts = (input.fallbackFonts ?? []).flatMap((reference, index) => {
    const pointer = `/fallbackFonts/${index}`;
    const loaded = load(pointer, reference, (path) =>
      loadFont(path, { file: options.file, pointer }),
    );
    return loaded ? [loaded] : [];
  });
  const [first, ...related] = faults;
  if (first) throw new BriefwrightError(first.code, first.message, { ...first, related });
  return {
    page: {
      size: input.page?.size ?? DEFAULT_THEME.page.size,
      margins: { ...DEFAULT_THEME.page.margins, ...input.page?.margins },
    },
    colors: { ...DEFAULT_THEME.colors, ...input.colors },
    pdf: { ...DEFAULT_THEME.pdf, ...input.pdf },
    html: { ...DEFAULT_THEME.html, ...input.html },
    deck: { ...DEFAULT_THEME.deck, ...input.deck },
    labels: { ...DEFAULT_THEME.labels, ...input.labels },
    given: { deck: { ...input.deck }, pdf: { ...input.pdf }, labels: { ...input.labels } },
    families,
    fonts: fonts as Record<FontKey, LoadedFont>,
    logo,
    deckTemplate,
    fallbackFonts,
  };
}

/**
 * Why a font reference could not be read, in the user's terms: a file beside the theme, or a file of an
 * npm package (installed or not).
 */
function unreadable(reference: string, baseDir: string): string {
  if (isAbsolute(reference) || /^\.\.?[\\/]/.test(reference))
    return `no font file at ${resolve(baseDir, reference)}`;
  const parts = reference.split('/');
  const size = parts[0]?.startsWith('@') ? 2 : 1;
  const pkg = parts.slice(0, size).join('/');
  const inside = parts.slice(size).join('/');
  const installed = [assetsRequire(), createRequire(join(resolve(baseDir), 'theme'))].some(
    (packages) => {
      try {
        packages.resolve(`${pkg}/package.json`);
        return true;
      } catch {
        return false;
      }
    },
  );
  return installed
    ? `the package ${pkg} has no file ${inside}`
    : `no font file ${reference}: the package ${pkg} is not installed, and no such file is beside the theme`;
}

/** Reads a theme file (JSON or YAML) and resolves it; fonts and the logo resolve against its folder. */
export async function loadThemeFile(file: string): Promise<ResolvedTheme> {
  const text = await readSourceText(file).catch((cause: unknown) => {
    throw new BriefwrightError('THEME_INVALID', 'cannot read the theme file', { file, cause });
  });
  const source = parseYamlSource(text, file);
  const parsed = ThemeSchema.safeParse(source.value ?? {});
  if (!parsed.success) throw themeFaults(parsed.error, source.value, file, source.locate);
  return resolveTheme(parsed.data, { baseDir: dirname(file), file, locate: source.locate });
}

/** Every fault of a theme, the first carrying the others, each with its pointer, line and hint. */
function themeFaults(
  error: z.ZodError,
  value: unknown,
  file: string | undefined,
  locate?: Locate,
): BriefwrightError {
  const faults = schemaFaults(ThemeSchema, error, value, {
    file,
    locate,
    docs: '"Templates and themes" in the README, or schema/theme.schema.json',
  });
  return faultsError(faults, file, 'THEME_INVALID');
}

/**
 * Reads and checks the theme's logo like any image (a regular file, within the default image limits,
 * every chunk checked): a logo that fails is the theme's fault, named at `/logo`.
 */
function loadLogo(path: string, file: string | undefined): LoadedImage {
  const where = { file, pointer: '/logo' };
  const read = readRegularFile(path, DEFAULT_LIMITS.maxImageBytes);
  if ('size' in read) {
    throw limitError(
      'maxImageBytes',
      `the logo ${path} of ${read.size} bytes`,
      `${DEFAULT_LIMITS.maxImageBytes} bytes`,
      where,
    );
  }
  if ('unreadable' in read)
    throw new BriefwrightError('THEME_INVALID', `the logo ${path} ${read.unreadable}`, where);
  const checked = checkImage(read.data, DEFAULT_LIMITS.maxImagePixels);
  if ('tooLarge' in checked) {
    const { width, height } = checked.tooLarge;
    throw limitError(
      'maxImagePixels',
      `the logo ${path} of ${width} × ${height} pixels`,
      `${DEFAULT_LIMITS.maxImagePixels} pixels`,
      where,
    );
  }
  if ('invalid' in checked) {
    throw new BriefwrightError('THEME_INVALID', `the logo ${path} ${checked.invalid}`, {
      ...where,
      hint: 'use a PNG or JPEG file',
    });
  }
  return checked.image;
}

let defaultTheme: ResolvedTheme | undefined;

/** The default theme, resolved once per process. */
export function defaultResolvedTheme(): ResolvedTheme {
  defaultTheme ??= resolveTheme();
  return defaultTheme;
}

/** The largest deck template read (templates with many pictures run to tens of megabytes). */
const MAX_TEMPLATE_BYTES = 100_000_000;

/** Reads a PowerPoint template: a fault names the file, and the theme field `pointer` when a theme named it. */
export function loadDeckTemplate(
  path: string,
  file: string | undefined,
  pointer?: string,
): DeckTemplate {
  const where = { file, ...(pointer === undefined ? {} : { pointer }) };
  const read = readRegularFile(path, MAX_TEMPLATE_BYTES);
  if ('size' in read)
    throw new BriefwrightError(
      'THEME_INVALID',
      `the deck template ${path} has ${read.size} bytes, more than ${MAX_TEMPLATE_BYTES}`,
      where,
    );
  if ('unreadable' in read)
    throw new BriefwrightError(
      'THEME_INVALID',
      `the deck template ${path} ${read.unreadable}`,
      where,
    );
  return readDeckTemplate(read.data, path);
}
