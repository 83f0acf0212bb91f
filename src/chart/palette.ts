/**
 * One colour per series (or per slice): the theme's palette in order, then the palette again in lighter
 * tints, so that every series has its own explicit colour however many there are.
 */
export function seriesColors(palette: readonly string[], count: number): string[] {
  const base = palette.length > 0 ? palette : ['#1F3A5F'];
  return Array.from({ length: count }, (_, index) => {
    const color = base[index % base.length] ?? '#1F3A5F';
    const round = Math.floor(index / base.length);
    return round === 0 ? color : tint(color, Math.min(0.75, round * 0.35));
  });
}

/** Mixes a `#RRGGBB` colour with white. */
function tint(color: string, amount: number): string {
  const hex = color.replace('#', '');
  const channels = [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  const mixed = channels.map((c) => Math.round(c + (255 - c) * amount));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}
