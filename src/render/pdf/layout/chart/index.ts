import { sourceLine } from '../../../../chart/describe.js';
import { seriesColors } from '../../../../chart/palette.js';
import type { Chart } from '../../../../tree/types.js';
import { toInlineRuns } from '../../../inlineRuns.js';
import type { BlockFrame } from '../blocks.js';
import { type LayoutEnv, MM } from '../env.js';
import { keepLastWithNext } from '../slices.js';
import { tagSlices } from '../struct.js';
import { layoutText } from '../text.js';
import type { PageItem, Slice } from '../types.js';
import { drawHorizontal, horizontalHeight } from './horizontal.js';
import { Labels } from './labels.js';
import type { ChartCanvas, ChartStyle } from './plot.js';
import { drawRound } from './round.js';
import { drawVertical } from './vertical.js';

/** A chart's drawing height, as LOOK.md asks: about 60 mm. */
const CHART_HEIGHT = 60 * MM;

/**
 * Lays out a chart as a figure that never splits: its title as the caption above (kept with it), the
 * chart drawn as vector shapes and text in the theme's sans and palette, the source line below (kept
 * with it too). Everything is tagged as one `Figure` carrying the chart's alt text.
 */
export function layoutChart(block: Chart, frame: BlockFrame): Slice[] {
  const { env, width } = frame;
  const { spec } = block;
  const { colors } = env.theme;
  const figure = env.struct.add('Figure', frame.parent, { alt: spec.alt });
  const caption = spec.title
    ? keepLastWithNext(
        tagSlices(
          layoutText(
            toInlineRuns([{ type: 'text', value: spec.title }]),
            width,
            {
              role: 'sans',
              size: 9,
              leading: 12,
              color: colors.text,
              bold: true,
            },
            env,
          ),
          env.struct.add('Caption', figure),
          env.struct,
        ),
      )
    : [];
  const { items, height } = drawChart(spec, width, env);
  const sourceText = sourceLine(spec);
  const source = sourceText
    ? tagSlices(
        layoutText(
          toInlineRuns([{ type: 'text', value: sourceText }]),
          width,
          {
            role: 'sans',
            size: 8,
            leading: 11,
            color: colors.muted,
          },
          env,
        ),
        env.struct.add('P', frame.parent),
        env.struct,
      ).map((s, i) => (i === 0 ? { ...s, spaceBefore: 4 } : s))
    : [];
  const drawing: Slice = {
    height: height + 2,
    spaceBefore: caption.length > 0 ? 4 : 0,
    keepWithNext: source.length > 0,
    items: items.map((item) => tagged(item, figure)),
  };
  return [...caption, drawing, ...source];
}

/**
 * A chart drawn as vector shapes and text in the theme's sans and palette, `width` wide, its items
 * relative to its top-left corner: what the brief places as a figure and the SVG output serialises.
 */
export function drawChart(
  spec: Chart['spec'],
  width: number,
  env: LayoutEnv,
): { items: PageItem[]; height: number } {
  const { colors } = env.theme;
  const round = spec.kind === 'pie' || spec.kind === 'doughnut';
  const style: ChartStyle = {
    colors: seriesColors(colors.palette, round ? spec.categories.length : spec.series.length),
    grid: colors.rule,
    axis: colors.muted,
    tick: { size: 7.5, color: colors.muted },
    category: { size: 8, color: colors.text },
    value: { size: 7.5, color: colors.text },
    title: { size: 7.5, color: colors.muted },
  };
  const canvas: ChartCanvas = { spec, labels: new Labels(env), style, items: [], placed: [] };
  let height = CHART_HEIGHT;
  if (round) drawRound(canvas, width, height);
  else if (spec.horizontal) {
    height = horizontalHeight(canvas, width, CHART_HEIGHT * 0.6);
    drawHorizontal(canvas, width, height);
  } else height = drawVertical(canvas, width, height);
  return { items: canvas.items, height };
}

function tagged(item: PageItem, tag: number): PageItem {
  switch (item.type) {
    case 'text':
    case 'rect':
    case 'line':
    case 'path':
      return { ...item, tag };
    default:
      return item;
  }
}
