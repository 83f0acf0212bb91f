import type { LoadedFont } from './fonts.js';

/** How a font file names itself: the family others can ask for, its weight and whether it is italic. */
export interface FontName {
  readonly family: string;
  readonly weight: number;
  readonly italic: boolean;
}

/**
 * The family, weight and style a font file declares: the typographic family ("Inter", not "Inter
 * SemiBold") from its `name` table, the weight class and the italic bit of its `OS/2` table. Formats that
 * name fonts rather than embed them (Word, SVG images) name them this way, so that an installed copy, or
 * a rasteriser given the file, finds the face.
 */
export function fontName(loaded: LoadedFont): FontName {
  const { font } = loaded;
  const family =
    font.getName?.('preferredFamily') ?? font.getName?.('fontFamily') ?? font.postscriptName;
  const os2 = font['OS/2'];
  return {
    family,
    weight: os2?.usWeightClass ?? 400,
    italic: os2?.fsSelection?.italic === true || (font.italicAngle ?? 0) !== 0,
  };
}
