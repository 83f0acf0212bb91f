/**
 * Gives every line series' markers the series' own colour. pptxgenjs colours markers by the series'
 * place across all parts of a combo chart, and picks a random palette colour when that place is past
 * the part's palette: the series colour is the one the author saw in the legend.
 */
export function matchMarkerColors(xml: string): string {
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
    const color = /<c:spPr>[\s\S]*?<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(ser)?.[1];
    if (!color) return ser;
    return ser.replace(
      /(<c:marker>[\s\S]*?<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val=")[0-9A-Fa-f]{6}(")/,
      `$1${color}$2`,
    );
  });
}
