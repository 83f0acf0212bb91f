import type PptxGenJS from 'pptxgenjs';
import { assertNever } from '../../../diagnostics/assertNever.js';
import { escapeXml } from '../../../text/xmlChars.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { LoadedImage } from '../../engine.js';
import type { PlannedSlide, SlideLayout, SlideShape } from '../plan/types.js';
import { writeChart } from './chart.js';
import { hex } from './color.js';
import { MASTERS } from './masters.js';
import { paragraphProps, toTextProps } from './text.js';

/** What the slide writers read. */
export interface SlideEnv {
  readonly theme: ResolvedTheme;
  /** The document's language: the direction of paragraphs without strong letters. */
  readonly language: string;
  readonly images: ReadonlyMap<string, LoadedImage>;
}

/** Writes one planned slide: its master (or a background of its own), every shape where the plan put it, its notes. */
export function writeSlide(
  pptx: PptxGenJS,
  planned: PlannedSlide,
  env: SlideEnv,
  background?: string,
): void {
  const slide = pptx.addSlide({ masterName: MASTER_OF[planned.layout] });
  // On a template layout not made for it, a slide sets the background its own master would.
  if (background) slide.background = { color: hex(background) };
  for (const shape of planned.shapes) writeShape(slide, shape, env);
  if (planned.notes.trim()) slide.addNotes(planned.notes);
}

/** The name of a slide's picture (one per slide): a template layout's picture placeholder takes it. */
export const PICTURE_SHAPE = 'Picture';

/** The master (background and chrome) of each layout. */
const MASTER_OF: Readonly<Record<SlideLayout, string>> = {
  title: MASTERS.title,
  section: MASTERS.section,
  text: MASTERS.content,
  cards: MASTERS.content,
  numbers: MASTERS.content,
  rows: MASTERS.content,
  two: MASTERS.two,
  table: MASTERS.table,
  chart: MASTERS.chart,
  image: MASTERS.chart,
  quote: MASTERS.quote,
  closing: MASTERS.closing,
};

function writeShape(slide: PptxGenJS.Slide, shape: SlideShape, env: SlideEnv): void {
  const font = env.theme.families.deck.name;
  switch (shape.kind) {
    case 'text': {
      const { style } = shape;
      slide.addText(paragraphProps(shape.paragraphs, style, env), {
        ...shape.box,
        ...(shape.name ? { objectName: shape.name } : {}),
        // pptxgenjs writes typeface names into attributes as they are.
        fontFace: style.face === undefined ? font : escapeXml(style.face),
        fontSize: style.size,
        color: hex(style.color),
        bold: style.bold,
        align: style.align,
        valign: style.valign,
        fit: 'none',
      });
      return;
    }
    case 'rect':
      slide.addShape('rect', {
        ...shape.box,
        fill: { color: hex(shape.fill) },
        line: { color: hex(shape.fill), width: 0 },
      });
      return;
    case 'table':
      writeTable(slide, shape, env);
      return;
    case 'chart':
      writeChart(slide, shape, env);
      return;
    case 'image': {
      const image = env.images.get(shape.src);
      if (!image) return;
      const data = `${image.mediaType};base64,${Buffer.from(image.data).toString('base64')}`;
      // Named, so that on a template it becomes the layout's picture placeholder.
      slide.addImage({ data, ...shape.box, altText: shape.alt, objectName: PICTURE_SHAPE });
      return;
    }
    default:
      assertNever(shape);
  }
}

function writeTable(
  slide: PptxGenJS.Slide,
  shape: Extract<SlideShape, { kind: 'table' }>,
  env: SlideEnv,
): void {
  const { colors } = shape;
  const cell = (
    runs: (typeof shape.header)[number],
    index: number,
    header: boolean,
    zebra: boolean,
  ): PptxGenJS.TableCell => ({
    text: toTextProps(runs, env.theme, hex(header ? colors.headerText : colors.text)),
    options: {
      bold: header,
      align: shape.align[index] ?? 'left',
      valign: 'top',
      fill: { color: hex(header ? colors.header : zebra ? colors.zebra : colors.body) },
    },
  });
  const rows: PptxGenJS.TableRow[] = [
    shape.header.map((c, i) => cell(c, i, true, false)),
    ...shape.rows.map((row, r) => row.map((c, i) => cell(c, i, false, r % 2 === 1))),
  ];
  slide.addTable(rows, {
    x: shape.box.x,
    y: shape.box.y,
    w: shape.box.w,
    colW: [...shape.columns],
    rowH: [...shape.rowHeights],
    fontFace: env.theme.families.deck.name,
    fontSize: shape.size,
    margin: [shape.cell.y, shape.cell.x, shape.cell.y, shape.cell.x],
    border: { type: 'solid', pt: 0.5, color: hex(colors.rule) },
    autoPage: false,
  });
}
