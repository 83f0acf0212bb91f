/** Writing systems that need fonts of their own, with where such fonts come from. */
export type Script = (typeof SCRIPTS)[number];

/** Every script, `other` last (it has no fonts of its own). */
export const SCRIPTS = ['cjk', 'arabic', 'hebrew', 'thai', 'devanagari', 'emoji', 'other'] as const;

const RANGES: readonly (readonly [number, number, Script])[] = [
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0870, 0x08ff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x1100, 0x11ff, 'cjk'],
  [0x2600, 0x27bf, 'emoji'],
  [0x2e80, 0x2fdf, 'cjk'],
  [0x3000, 0x30ff, 'cjk'],
  [0x3100, 0x31ff, 'cjk'],
  [0x3200, 0x33ff, 'cjk'],
  [0x3400, 0x4dbf, 'cjk'],
  [0x4e00, 0x9fff, 'cjk'],
  [0xa960, 0xa97f, 'cjk'],
  [0xac00, 0xd7ff, 'cjk'],
  [0xf900, 0xfaff, 'cjk'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe30, 0xfe4f, 'cjk'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff00, 0xffef, 'cjk'],
  [0x1f000, 0x1faff, 'emoji'],
  [0x20000, 0x3134f, 'cjk'],
];

/** The script of a character, for choosing a fallback font and naming one to install. */
export function scriptOf(code: number): Script {
  for (const [from, to, script] of RANGES) {
    if (code < from) return 'other';
    if (code <= to) return script;
  }
  return 'other';
}

/** An npm font package (one of `@expo-google-fonts`) and its regular and bold files. */
export interface FontPackage {
  readonly name: string;
  readonly regular: string;
  readonly bold: string;
}

const expo = (pkg: string, file: string): FontPackage => ({
  name: `@expo-google-fonts/${pkg}`,
  regular: `@expo-google-fonts/${pkg}/400Regular/${file}_400Regular.ttf`,
  bold: `@expo-google-fonts/${pkg}/700Bold/${file}_700Bold.ttf`,
});

const CJK = {
  sc: expo('noto-sans-sc', 'NotoSansSC'),
  tc: expo('noto-sans-tc', 'NotoSansTC'),
  jp: expo('noto-sans-jp', 'NotoSansJP'),
  kr: expo('noto-sans-kr', 'NotoSansKR'),
};

/**
 * The npm packages that cover a script, in the order a document of `language` prefers them: Japanese
 * text prefers Japanese glyph forms, Traditional Chinese its own, and so on.
 */
export function packagesFor(script: Script, language: string): readonly FontPackage[] {
  const tag = language.toLowerCase();
  switch (script) {
    case 'cjk':
      if (tag.startsWith('ja')) return [CJK.jp, CJK.sc, CJK.tc, CJK.kr];
      if (tag.startsWith('ko')) return [CJK.kr, CJK.sc, CJK.tc, CJK.jp];
      if (/^zh-(hant|tw|hk|mo)/.test(tag)) return [CJK.tc, CJK.sc, CJK.jp, CJK.kr];
      return [CJK.sc, CJK.tc, CJK.jp, CJK.kr];
    case 'arabic':
      return [expo('noto-sans-arabic', 'NotoSansArabic')];
    case 'hebrew':
      return [expo('noto-sans-hebrew', 'NotoSansHebrew')];
    case 'thai':
      return [expo('noto-sans-thai', 'NotoSansThai')];
    case 'devanagari':
      return [expo('noto-sans-devanagari', 'NotoSansDevanagari')];
    case 'emoji':
      return [
        {
          name: '@expo-google-fonts/noto-emoji',
          regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
          bold: '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
        },
      ];
    default:
      return [];
  }
}

/** The Debian package with system fonts for a script. */
export function systemPackageFor(script: Script): string {
  return script === 'cjk'
    ? 'fonts-noto-cjk'
    : script === 'emoji'
      ? 'fonts-symbola'
      : 'fonts-noto-core';
}
