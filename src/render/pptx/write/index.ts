import PptxGenJS from 'pptxgenjs';
import { assertNever } from '../../../diagnostics/assertNever.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';
import type { DocMeta } from '../../../tree/types.js';
import type { LoadedImage } from '../../engine.js';
import { gridFor } from '../plan/geometry.js';
import { CELL } from '../plan/table.js';
import type { PlannedSlide, SlidePlan } from '../plan/types.js';
import { defineMasters, MASTERS } from './masters.js';
import { normalizeDeck } from './normalize.js';
import { paragraphProps, toTextProps } from './text.js';

const hex = (color: string) => color.replace('#', '');

/** What writing needs besides the plan. */
export interface WriteOptions {
  readonly theme: ResolvedTheme;
  readonly meta: DocMeta;
  readonly date: Date;
  readonly images: ReadonlyMap<string, LoadedImage>;
  readonly logo: string | undefined;
}

/** Writes the planned slides with pptxgenjs and normalises the file so that it is byte-identical per input. */
export async function writeDeck(plan: SlidePlan, options: WriteOptions): Promise<Uint8Array> {
  const { theme, meta } = options;
  const pptx = new PptxGenJS();
  pptx.layout = theme.deck.layout === '4x3' ? 'LAYOUT_4x3' : 'LAYOUT_WIDE';
  pptx.title = meta.title;
  pptx.subject = meta.subtitle ?? '';
  pptx.author = meta.authors.map((a) => a.name).join('; ');
  pptx.company = meta.organization ?? '';
  pptx.rtlMode = false;
  const grid = gridFor(theme);
  defineMasters(pptx, theme, grid, theme.deck.footerText || meta.organization || '', options.logo);
  for (const slide of plan.slides) writeSlide(pptx, slide, options, grid);
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return normalizeDeck(written, options.date);
}

function writeSlide(
  pptx: PptxGenJS,
  planned: PlannedSlide,
  options: WriteOptions,
  grid: ReturnType<typeof gridFor>,
): void {
  const { theme } = options;
  const { colors } = theme;
  const font = theme.families.deck.name;
  const title = (slide: PptxGenJS.Slide, text: string, size = theme.deck.titleSize) =>
    slide.addText(text, {
      ...grid.title,
      fontFace: font,
      fontSize: size,
      bold: true,
      color: hex(colors.accent),
      valign: 'bottom',
      fit: 'none',
    });
  switch (planned.kind) {
    case 'title': {
      const slide = pptx.addSlide({ masterName: MASTERS.title });
      slide.addText(planned.title, {
        x: 0.8,
        y: 1.6,
        w: grid.width - 1.6,
        h: 2.0,
        fontFace: font,
        fontSize: 38,
        bold: true,
        color: 'FFFFFF',
        valign: 'bottom',
      });
      if (planned.subtitle)
        slide.addText(planned.subtitle, {
          x: 0.8,
          y: 3.75,
          w: grid.width - 1.6,
          h: 1.2,
          fontFace: font,
          fontSize: 20,
          color: hex(colors.accentTint),
          valign: 'top',
        });
      slide.addText(planned.lines.join('\n'), {
        x: 0.8,
        y: 5.3,
        w: grid.width - 1.6,
        h: 1.2,
        fontFace: font,
        fontSize: 14,
        color: 'FFFFFF',
        valign: 'top',
      });
      addNotes(slide, planned.notes);
      return;
    }
    case 'section': {
      const slide = pptx.addSlide({ masterName: MASTERS.section });
      slide.addText(String(planned.number).padStart(2, '0'), {
        x: 0.8,
        y: 1.8,
        w: 3,
        h: 0.9,
        fontFace: font,
        fontSize: 28,
        bold: true,
        color: hex(colors.palette[1] ?? colors.accent),
      });
      slide.addText(planned.title, {
        x: 0.8,
        y: 2.7,
        w: grid.width - 1.6,
        h: 2.6,
        fontFace: font,
        fontSize: 32,
        bold: true,
        color: hex(colors.accent),
        valign: 'top',
      });
      addNotes(slide, planned.notes);
      return;
    }
    case 'content':
    case 'quote': {
      const slide = pptx.addSlide({ masterName: MASTERS.content });
      title(slide, planned.title, planned.titleSize);
      if (planned.paragraphs.length > 0) {
        const quote = planned.kind === 'quote';
        if (quote)
          slide.addShape('rect', {
            ...planned.body,
            fill: { color: hex(colors.accentTint) },
            line: { color: hex(colors.accentTint), width: 0 },
          });
        if (quote)
          slide.addShape('rect', {
            x: planned.body.x,
            y: planned.body.y,
            w: 0.08,
            h: planned.body.h,
            fill: { color: hex(colors.accent) },
            line: { color: hex(colors.accent), width: 0 },
          });
        slide.addText(
          paragraphProps(
            planned.paragraphs,
            planned.size,
            theme,
            hex(colors.text),
            hex(colors.accent),
          ),
          {
            ...planned.body,
            ...(quote ? { x: planned.body.x + 0.25, w: planned.body.w - 0.35 } : {}),
            fontFace: font,
            fontSize: planned.size,
            color: hex(colors.text),
            valign: 'top',
            fit: 'none',
          },
        );
      }
      addNotes(slide, planned.notes);
      return;
    }
    case 'table': {
      const slide = pptx.addSlide({ masterName: MASTERS.content });
      title(slide, planned.title, planned.titleSize);
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
        fontFace: font,
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
          fontFace: font,
          fontSize: 10,
          color: hex(colors.muted),
          valign: 'top',
        });
      }
      addNotes(slide, planned.notes);
      return;
    }
    case 'image': {
      const slide = pptx.addSlide({ masterName: MASTERS.content });
      title(slide, planned.title, planned.titleSize);
      const image = options.images.get(planned.src);
      if (image) {
        const scale = Math.min(planned.body.w / image.width, planned.body.h / image.height);
        const w = image.width * scale;
        const h = image.height * scale;
        slide.addImage({
          data: `${image.mediaType};base64,${Buffer.from(image.data).toString('base64')}`,
          x: planned.body.x + (planned.body.w - w) / 2,
          y: planned.body.y,
          w,
          h,
          altText: planned.alt,
        });
      } else {
        slide.addText(`[Image: ${planned.alt}]`, {
          ...planned.body,
          fontFace: font,
          fontSize: 18,
          italic: true,
          color: hex(colors.muted),
        });
      }
      addNotes(slide, planned.notes);
      return;
    }
    case 'closing': {
      const slide = pptx.addSlide({ masterName: MASTERS.closing });
      slide.addText(planned.title, {
        x: 0.8,
        y: 2.4,
        w: grid.width - 1.6,
        h: 1.4,
        fontFace: font,
        fontSize: 40,
        bold: true,
        color: 'FFFFFF',
        align: 'center',
        valign: 'middle',
      });
      slide.addText(planned.lines.join('\n'), {
        x: 0.8,
        y: 4.0,
        w: grid.width - 1.6,
        h: 1.2,
        fontFace: font,
        fontSize: 16,
        color: hex(colors.accentTint),
        align: 'center',
        valign: 'top',
      });
      addNotes(slide, planned.notes);
      return;
    }
    default:
      assertNever(planned);
  }
}

function addNotes(slide: PptxGenJS.Slide, notes: string): void {
  if (notes.trim()) slide.addNotes(notes);
}
