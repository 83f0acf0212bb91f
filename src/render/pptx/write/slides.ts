import type PptxGenJS from 'pptxgenjs';
import { assertNever } from '../../../diagnostics/assertNever.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { LoadedImage } from '../../engine.js';
import type { Grid } from '../plan/geometry.js';
import { QUOTE_INSET } from '../plan/index.js';
import { CELL } from '../plan/table.js';
import type { Box, PlannedParagraph, PlannedSlide } from '../plan/types.js';
import { writeChart } from './chart.js';
import { MASTERS } from './masters.js';
import { directionOptions, paragraphProps, toTextProps } from './text.js';

/** A colour as pptxgenjs takes it. */
export const hex = (color: string) => color.replace('#', '');

/** What the slide writers read. */
export interface SlideEnv {
  readonly theme: ResolvedTheme;
  readonly grid: Grid;
  /** The document's language: the direction of paragraphs without strong letters. */
  readonly language: string;
  readonly images: ReadonlyMap<string, LoadedImage>;
}

/** Writes one planned slide: its master, its title, its body, its notes. */
export function writeSlide(pptx: PptxGenJS, planned: PlannedSlide, env: SlideEnv): void {
  const slide = pptx.addSlide({ masterName: masterOf(planned) });
  if (planned.kind !== 'title' && planned.kind !== 'section' && planned.kind !== 'closing') {
    writeTitle(slide, planned.title, planned.titleSize ?? env.theme.deck.titleSize, env);
  }
  writeBody(slide, planned, env);
  if (planned.notes.trim()) slide.addNotes(planned.notes);
}

function masterOf(planned: PlannedSlide): string {
  const masters: Record<PlannedSlide['kind'], string> = {
    title: MASTERS.title,
    section: MASTERS.section,
    content: MASTERS.content,
    table: MASTERS.table,
    image: MASTERS.chart,
    chart: MASTERS.chart,
    two: MASTERS.two,
    quote: MASTERS.quote,
    closing: MASTERS.closing,
  };
  return masters[planned.kind];
}

/** The name of every slide's title shape, as PowerPoint's selection pane and screen readers show it. */
export const TITLE_SHAPE = 'Title';

/** A text frame's direction settings (see {@link directionOptions}). */
function direction(text: string, env: SlideEnv): PptxGenJS.TextPropsOptions {
  return directionOptions(text, env.language);
}

function writeTitle(slide: PptxGenJS.Slide, text: string, size: number, env: SlideEnv): void {
  slide.addText(text, {
    ...env.grid.title,
    ...direction(text, env),
    objectName: TITLE_SHAPE,
    fontFace: env.theme.families.deck.name,
    fontSize: size,
    bold: true,
    color: hex(env.theme.colors.accent),
    valign: 'bottom',
    fit: 'none',
  });
}

function writeBody(slide: PptxGenJS.Slide, planned: PlannedSlide, env: SlideEnv): void {
  const { theme, grid } = env;
  const { colors } = theme;
  const font = theme.families.deck.name;
  const wide = { x: 0.8, w: grid.width - 1.6, fontFace: font };
  switch (planned.kind) {
    case 'title':
      slide.addText(planned.title, {
        ...wide,
        ...direction(planned.title, env),
        objectName: TITLE_SHAPE,
        y: 1.6,
        h: 2.0,
        fontSize: 38,
        bold: true,
        color: 'FFFFFF',
        valign: 'bottom',
      });
      if (planned.subtitle) {
        slide.addText(planned.subtitle, {
          ...wide,
          ...direction(planned.subtitle, env),
          y: 3.75,
          h: 1.2,
          fontSize: 20,
          color: hex(colors.accentTint),
          valign: 'top',
        });
      }
      slide.addText(planned.lines.join('\n'), {
        ...wide,
        y: 5.3,
        h: 1.2,
        fontSize: 14,
        color: 'FFFFFF',
        valign: 'top',
      });
      return;
    case 'section':
      slide.addText(String(planned.number).padStart(2, '0'), {
        ...wide,
        y: 1.8,
        h: 0.9,
        fontSize: 28,
        bold: true,
        color: hex(colors.palette[1] ?? colors.accent),
      });
      slide.addText(planned.title, {
        ...wide,
        ...direction(planned.title, env),
        objectName: TITLE_SHAPE,
        y: 2.7,
        h: 2.6,
        fontSize: 32,
        bold: true,
        color: hex(colors.accent),
        valign: 'top',
      });
      return;
    case 'content':
    case 'quote':
      writeParagraphs(slide, planned, env);
      return;
    case 'table':
      writeTable(slide, planned, env);
      return;
    case 'image':
      writeImage(slide, planned, env);
      return;
    case 'chart':
      writeChart(slide, planned, env);
      return;
    case 'two':
      writeParagraphFrame(slide, planned.paragraphs, planned.size, planned.left, env);
      writeFigure(slide, planned.src, planned.alt, planned.right, env);
      return;
    case 'closing':
      slide.addText(planned.title, {
        ...wide,
        objectName: TITLE_SHAPE,
        y: 2.4,
        h: 1.4,
        fontSize: 40,
        bold: true,
        color: 'FFFFFF',
        align: 'center',
        valign: 'middle',
      });
      slide.addText(planned.lines.join('\n'), {
        ...wide,
        y: 4.0,
        h: 1.2,
        fontSize: 16,
        color: hex(colors.accentTint),
        align: 'center',
        valign: 'top',
      });
      return;
    default:
      assertNever(planned);
  }
}

function writeParagraphs(
  slide: PptxGenJS.Slide,
  planned: Extract<PlannedSlide, { kind: 'content' | 'quote' }>,
  env: SlideEnv,
): void {
  if (planned.paragraphs.length === 0) return;
  const { colors } = env.theme;
  const { body } = planned;
  const quote = planned.kind === 'quote';
  if (quote) {
    // A white card with an accent bar on the quote master's tint; the planned frame is the card's text.
    const card = { x: body.x - QUOTE_INSET, y: body.y, w: body.w + QUOTE_INSET + 0.1, h: body.h };
    slide.addShape('rect', {
      ...card,
      fill: { color: 'FFFFFF' },
      line: { color: 'FFFFFF', width: 0 },
    });
    slide.addShape('rect', {
      x: card.x,
      y: card.y,
      w: 0.08,
      h: card.h,
      fill: { color: hex(colors.accent) },
      line: { color: hex(colors.accent), width: 0 },
    });
  }
  writeParagraphFrame(slide, planned.paragraphs, planned.size, body, env);
}

/** Paragraphs in a text frame, as planned for that frame (so they fit). */
function writeParagraphFrame(
  slide: PptxGenJS.Slide,
  paragraphs: readonly PlannedParagraph[],
  size: number,
  box: Box,
  env: SlideEnv,
): void {
  const { colors } = env.theme;
  const props = paragraphProps(paragraphs, size, env, hex(colors.text), hex(colors.accent));
  slide.addText(props, {
    ...box,
    fontFace: env.theme.families.deck.name,
    fontSize: size,
    color: hex(colors.text),
    valign: 'top',
    fit: 'none',
  });
}

function writeTable(
  slide: PptxGenJS.Slide,
  planned: Extract<PlannedSlide, { kind: 'table' }>,
  env: SlideEnv,
): void {
  const { theme } = env;
  const { colors } = theme;
  const cell = (
    runs: (typeof planned.header)[number],
    index: number,
    header: boolean,
    zebra: boolean,
  ): PptxGenJS.TableCell => ({
    text: toTextProps(runs, theme, header ? 'FFFFFF' : hex(colors.text)),
    options: {
      bold: header,
      align: planned.align[index] ?? 'left',
      valign: 'top',
      fill: { color: header ? hex(colors.accent) : zebra ? hex(colors.accentTint) : 'FFFFFF' },
    },
  });
  const rows: PptxGenJS.TableRow[] = [
    planned.header.map((c, i) => cell(c, i, true, false)),
    ...planned.rows.map((row, r) => row.map((c, i) => cell(c, i, false, r % 2 === 1))),
  ];
  slide.addTable(rows, {
    x: planned.body.x,
    y: planned.body.y,
    w: planned.columns.reduce((a, b) => a + b, 0),
    colW: [...planned.columns],
    fontFace: theme.families.deck.name,
    fontSize: planned.size,
    margin: [CELL.y, CELL.x, CELL.y, CELL.x],
    border: { type: 'solid', pt: 0.5, color: hex(colors.rule) },
    autoPage: false,
  });
  if (planned.source) {
    slide.addText(planned.source, {
      x: planned.body.x,
      y: planned.body.y + planned.tableHeight + 0.05,
      w: planned.body.w,
      h: 0.35,
      fontFace: theme.families.deck.name,
      fontSize: 10,
      color: hex(colors.muted),
      valign: 'top',
    });
  }
}

function writeImage(
  slide: PptxGenJS.Slide,
  planned: Extract<PlannedSlide, { kind: 'image' }>,
  env: SlideEnv,
): void {
  writeFigure(slide, planned.src, planned.alt, planned.body, env);
}

/** An image scaled into a frame (centred across, from the top), with its alt text; or the alt text alone. */
function writeFigure(
  slide: PptxGenJS.Slide,
  src: string,
  alt: string,
  box: Box,
  env: SlideEnv,
): void {
  const image = env.images.get(src);
  if (!image) {
    slide.addText(`[Image: ${alt}]`, {
      ...box,
      fontFace: env.theme.families.deck.name,
      fontSize: 18,
      italic: true,
      color: hex(env.theme.colors.muted),
    });
    return;
  }
  const scale = Math.min(box.w / image.width, box.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const data = `${image.mediaType};base64,${Buffer.from(image.data).toString('base64')}`;
  slide.addImage({ data, x: box.x + (box.w - w) / 2, y: box.y, w, h, altText: alt });
}
