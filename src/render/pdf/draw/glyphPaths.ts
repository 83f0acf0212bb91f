/** A fontkit outline command: a verb and its points in font units. */
interface PathCommand {
  readonly command: string;
  readonly args: readonly number[];
}

/** The fontkit font under pdfkit's font object, as far as painting outlines touches it. */
export interface OutlineFont {
  readonly unitsPerEm: number;
  getGlyph(id: number): { readonly path: { readonly commands: readonly PathCommand[] } } | null;
}

/** Formats a number the way pdfkit writes numbers into content streams. */
function number(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/**
 * A glyph's outline as PDF path operators, filled with the current colour: the glyph painted, not
 * shown as text, at (x, y) on pdfkit's y-down page at a size. For glyphs that stand for no character
 * (a mark the font split off a letter), so that no reader copies anything for them.
 */
export function glyphOutline(
  font: OutlineFont,
  id: number,
  x: number,
  y: number,
  size: number,
): string {
  const commands = font.getGlyph(id)?.path.commands ?? [];
  if (commands.length === 0) return '';
  const scale = size / font.unitsPerEm;
  const point = (px: number, py: number) => `${number(x + px * scale)} ${number(y - py * scale)}`;
  const ops: string[] = [];
  let current: readonly [number, number] = [0, 0];
  for (const { command, args } of commands) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
    if (command === 'moveTo') {
      ops.push(`${point(a, b)} m`);
      current = [a, b];
    } else if (command === 'lineTo') {
      ops.push(`${point(a, b)} l`);
      current = [a, b];
    } else if (command === 'quadraticCurveTo') {
      // A quadratic curve as the cubic that draws it: control points two thirds of the way.
      const [x0, y0] = current;
      ops.push(
        `${point(x0 + (2 / 3) * (a - x0), y0 + (2 / 3) * (b - y0))} ${point(c + (2 / 3) * (a - c), d + (2 / 3) * (b - d))} ${point(c, d)} c`,
      );
      current = [c, d];
    } else if (command === 'bezierCurveTo') {
      ops.push(`${point(a, b)} ${point(c, d)} ${point(e, f)} c`);
      current = [e, f];
    } else if (command === 'closePath') {
      ops.push('h');
    }
  }
  ops.push('f');
  return ops.join('\n');
}
