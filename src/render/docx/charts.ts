import { readFileSync } from 'node:fs';
import { assetsRequire } from '../../assets/locate.js';
import { BriefwrightError } from '../../diagnostics/errors.js';
import type { Warning } from '../../diagnostics/warnings.js';
import { fontName } from '../../text/fontNames.js';
import { fontFileBytes } from '../../text/fonts.js';
import { fontFor, type ResolvedTheme } from '../../theme/resolve.js';
import type { Chart, Root } from '../../tree/types.js';
import { allBlocks } from '../../tree/walk.js';
import { chartSvg } from '../svg/chart.js';
import type { ChartPicture } from './context.js';

/** The PNG beside each SVG chart is drawn at twice the chart's size on the page (192 dpi). */
const PNG_SCALE = 2;

type Resvg = typeof import('@resvg/resvg-wasm');
let rasteriser: Promise<Resvg> | undefined;

/** resvg compiled to WebAssembly, started once per process: no native binary, the same pixels everywhere. */
function loadRasteriser(): Promise<Resvg> {
  rasteriser ??= (async () => {
    const resvg = await import('@resvg/resvg-wasm');
    const wasm = readFileSync(assetsRequire().resolve('@resvg/resvg-wasm/index_bg.wasm'));
    await resvg.initWasm(wasm);
    return resvg;
  })();
  rasteriser.catch(() => {
    rasteriser = undefined;
  });
  return rasteriser;
}

/**
 * Every chart of the document as Word takes it: the SVG the HTML page shows (the brief's own drawing),
 * naming the fonts by the families their files declare, and a PNG of it for Word before SVG support,
 * rasterised with those very font files so it matches the SVG.
 */
export async function chartPictures(
  doc: Root,
  theme: ResolvedTheme,
  widthPt: number,
  warn: (warning: Omit<Warning, 'format'>) => void,
): Promise<Map<Chart, ChartPicture>> {
  const charts = [...allBlocks(doc.children)].filter((b): b is Chart => b.type === 'chart');
  const pictures = new Map<Chart, ChartPicture>();
  if (charts.length === 0) return pictures;
  let resvg: Resvg;
  try {
    resvg = await loadRasteriser();
  } catch (error) {
    throw new BriefwrightError(
      'ASSETS_MISSING',
      `a Word file's charts need @resvg/resvg-wasm, which could not be loaded (${error instanceof Error ? error.message : String(error)})`,
      {
        hint: 'install briefwright with its dependencies, or write the assets folder with "npx briefwright assets"',
      },
    );
  }
  for (const [index, chart] of charts.entries()) {
    const drawn = chartSvg(chart.spec, {
      theme,
      language: doc.meta.language,
      width: widthPt,
      idPrefix: `chart-${index + 1}`,
      font: (key) => fontName(fontFor(theme, key)),
      warn,
    });
    const fontBuffers = [...drawn.fonts]
      .map((key) => fontFileBytes(fontFor(theme, key)))
      .filter((bytes): bytes is Uint8Array => bytes !== undefined);
    const width = Math.round((widthPt * 96) / 72);
    const height = Math.round((drawn.height * 96) / 72);
    const image = new resvg.Resvg(drawn.svg, {
      fitTo: { mode: 'width', value: width * PNG_SCALE },
      font: {
        fontBuffers,
        defaultFontFamily: fontName(theme.fonts['sans-regular']).family,
      },
      background: theme.colors.background,
    });
    const png = image.render().asPng();
    image.free();
    pictures.set(chart, { svg: new TextEncoder().encode(drawn.svg), png, width, height });
  }
  return pictures;
}
