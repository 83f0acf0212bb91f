/** The relative luminance of a #RRGGBB colour, 0 for black to 1 for white (WCAG's formula). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Whether text on a background should be light: white stands out more on it than black does. */
export function isDark(hex: string): boolean {
  return luminance(hex) < 0.179;
}

/** The contrast ratio of two #RRGGBB colours, 1 to 21 (WCAG's). */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

/** A #RRGGBB colour a share `t` (0–1) of the way from `a` to `b`. */
export function mix(a: string, b: string, t: number): string {
  const at = (hex: string, i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5]
    .map((i) =>
      Math.round(at(a, i) + (at(b, i) - at(a, i)) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}
