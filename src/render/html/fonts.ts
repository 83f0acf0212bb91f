import type { Warning } from '../../diagnostics/warnings.js';
import { fontName } from '../../text/fontNames.js';
import { fontFileBytes, type LoadedFont } from '../../text/fonts.js';
import {
  type AnyFontKey,
  type FontRole,
  type FontVariant,
  fontFor,
  type ResolvedTheme,
} from '../../theme/resolve.js';
import type { SvgFont } from '../svg/chart.js';
import { sfntToWoff } from './woff.js';

/** The roles a page sets text in. */
export type PageRole = Exclude<FontRole, 'deck'>;

/** The page's fonts: the `@font-face` rules, a font stack per role, and how a chart names its fonts. */
export interface PageFonts {
  readonly css: string;
  readonly stacks: Readonly<Record<PageRole, string>>;
  readonly svgFont: (key: AnyFontKey) => SvgFont;
}

/** What readers have when the theme's fonts are not embedded, after the theme's own family names. */
const SYSTEM_STACKS: Readonly<Record<PageRole, string>> = {
  serif: 'Georgia, Cambria, "Times New Roman", serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
};

/** A face to declare: its family on the page, its weight and style, and the file to subset. */
interface Face {
  readonly family: string;
  readonly font: LoadedFont;
  readonly weight: number;
  readonly italic: boolean;
}

/**
 * The page's fonts. Embedded (the default): each face of the theme's serif, sans and mono in `used` is
 * subset to the characters of the page and written as a WOFF data URI, and characters none of
 * the theme's fonts has get the fallback font the PDF would use, embedded the same way; so the page
 * looks the same on every device and makes no request. `system` names the theme's families, then the
 * usual system fonts. Subsetting needs `subset-font` (HarfBuzz compiled to WebAssembly); when it cannot
 * be loaded (a bundle without it), the page uses system fonts and says so with a warning.
 */
export async function pageFonts(
  theme: ResolvedTheme,
  text: string,
  used: ReadonlySet<`${PageRole}-${FontVariant}`>,
  warn: (warning: Omit<Warning, 'format'>) => void,
): Promise<PageFonts> {
  const names = new Map<AnyFontKey, SvgFont>();
  const svgFont = (key: AnyFontKey): SvgFont => {
    const known = names.get(key);
    if (known) return known;
    const named = fontName(fontFor(theme, key));
    const role = key.startsWith('fallback:') ? 'sans' : (key.split('-')[0] as FontRole);
    const stack = stacks[role === 'deck' ? 'sans' : role];
    const font = { family: stack, weight: named.weight, italic: named.italic };
    names.set(key, font);
    return font;
  };
  const system = Object.fromEntries(
    (Object.keys(SYSTEM_STACKS) as PageRole[]).map((role) => [
      role,
      `${quoted(fontName(theme.fonts[`${role}-regular`]).family)}, ${SYSTEM_STACKS[role]}`,
    ]),
  ) as Record<PageRole, string>;
  let stacks = system;
  if (theme.html.fonts === 'system') return { css: '', stacks, svgFont };
  let subset: typeof import('subset-font').default;
  try {
    subset = (await import('subset-font')).default;
  } catch {
    warn({
      code: 'FONT_NOT_EMBEDDED',
      message:
        'the HTML page uses system fonts: subset-font could not be loaded to embed the theme’s (install it beside briefwright, or set html.fonts: system in the theme)',
    });
    return { css: '', stacks, svgFont };
  }
  const faces: Face[] = [];
  for (const key of used) {
    const font = theme.fonts[key];
    const named = fontName(font);
    const role = key.split('-')[0] ?? 'serif';
    faces.push({ family: `bw-${role}`, font, weight: named.weight, italic: named.italic });
  }
  const fallbacks = fallbackFaces(theme, text);
  faces.push(...fallbacks);
  const rules: string[] = [];
  for (const face of faces) {
    const bytes = fontFileBytes(face.font);
    const chars = [...new Set(text)].filter((c) =>
      face.font.font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0),
    );
    if (!bytes || chars.length === 0) continue;
    let woff: Uint8Array;
    try {
      woff = sfntToWoff(await subset(bytes, chars.join(''), { targetFormat: 'sfnt' }));
    } catch (error) {
      // HarfBuzz's WebAssembly not beside subset-font (a bundle that took it in): system fonts.
      warn({
        code: 'FONT_NOT_EMBEDDED',
        message: `the HTML page uses system fonts: subsetting ${fontName(face.font).family} failed (${error instanceof Error ? error.message : String(error)}); keep subset-font out of the bundle, or set html.fonts: system in the theme`,
      });
      return { css: '', stacks: system, svgFont };
    }
    rules.push(
      `@font-face{font-family:"${face.family}";src:url(data:font/woff;base64,${Buffer.from(woff).toString('base64')}) format("woff");font-weight:${face.weight};font-style:${face.italic ? 'italic' : 'normal'};font-display:swap}`,
    );
  }
  const extra = [...new Set(fallbacks.map((face) => `"${face.family}"`))].join(', ');
  stacks = Object.fromEntries(
    (Object.keys(SYSTEM_STACKS) as PageRole[]).map((role) => [
      role,
      `"bw-${role}", ${extra ? `${extra}, ` : ''}${system[role]}`,
    ]),
  ) as Record<PageRole, string>;
  return { css: rules.join('\n'), stacks, svgFont };
}

/**
 * Faces for the characters the theme's fonts lack (a Chinese name in an English brief): the fallback
 * fonts the PDF draws them with, a page family for each of their families.
 */
function fallbackFaces(theme: ResolvedTheme, text: string): Face[] {
  const { fallback } = theme;
  if (!fallback) return [];
  const faces = new Map<string, Face>();
  // One page family per font family, so that a bold Chinese name finds the bold face of the regular's.
  const families = new Map<string, string>();
  const base = [theme.fonts['serif-regular'], theme.fonts['sans-regular']];
  for (const char of new Set(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80 || base.some((font) => font.font.hasGlyphForCodePoint(code))) continue;
    for (const bold of [false, true]) {
      const found = fallback.find(code, bold);
      if (!found || faces.has(found.key)) continue;
      const named = fontName(found.font);
      const family = families.get(named.family) ?? `bw-fallback-${families.size + 1}`;
      families.set(named.family, family);
      faces.set(found.key, { family, font: found.font, weight: named.weight, italic: false });
    }
  }
  return [...faces.values()];
}

/** A family name as a CSS string: letters, digits, spaces and a little punctuation (the name is the font file's). */
function quoted(family: string): string {
  return `"${family.replace(/[^\p{L}\p{N} ._-]/gu, '')}"`;
}
