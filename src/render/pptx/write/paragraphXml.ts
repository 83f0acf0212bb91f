const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PROPERTIES = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/**
 * pptxgenjs writes a paragraph's `<a:pPr>` before every run of a multi-run paragraph; OOXML allows one, first,
 * and readers take the last (which drops the bullet). Keep only the properties before the first run.
 */
export function dropStrayParagraphProperties(xml: string): string {
  return xml.replace(PARAGRAPH, (whole: string, inner: string) => {
    const firstRun = inner.search(/<a:(?:r|fld|br)\b/);
    if (firstRun < 0) return whole;
    const head = inner.slice(0, firstRun);
    const tail = inner.slice(firstRun).replace(PROPERTIES, '');
    return `<a:p>${head}${tail}</a:p>`;
  });
}
