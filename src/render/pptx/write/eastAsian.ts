const RUN = /<a:r>([\s\S]*?)<\/a:r>/g;
const EAST_ASIAN =
  /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60]/;

/** The East Asian typeface a viewer most likely has for a language. */
export function eastAsianFontFor(language: string): string {
  const tag = language.toLowerCase();
  if (tag.startsWith('ja')) return 'Yu Gothic';
  if (tag.startsWith('ko')) return 'Malgun Gothic';
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'Microsoft JhengHei';
  return 'Microsoft YaHei';
}

/**
 * Gives every run of Chinese, Japanese or Korean text an East Asian typeface (`<a:ea>`), so that viewers
 * draw it with a CJK font instead of falling back glyph by glyph or showing boxes.
 */
export function markEastAsianRuns(xml: string, typeface: string): string {
  const attribute = `<a:ea typeface="${typeface.replace(/[<>&"]/g, '')}"`;
  return xml.replace(RUN, (whole: string, inner: string) => {
    const text = /<a:t>([^<]*)<\/a:t>/.exec(inner)?.[1] ?? '';
    if (!EAST_ASIAN.test(text)) return whole;
    if (/<a:ea typeface="[^"]*"/.test(whole))
      return whole.replace(/<a:ea typeface="[^"]*"/, attribute);
    return whole.replace(/<\/a:rPr>/, `${attribute}/></a:rPr>`);
  });
}
