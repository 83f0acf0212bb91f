import type { DocMeta } from '../../../../tree/types.js';
import type { TemplateSlot } from '../../template/design.js';
import { type DeckDesign, sizesDown, textStyle } from '../design.js';
import { plainParagraph, textHeight } from '../measure.js';
import type {
  Box,
  PlannedParagraph,
  PlannedSlide,
  SlideShape,
  TextShape,
  TextStyle,
} from '../types.js';
import { closingLines, coverText, type Fitted, fitted, text } from './standalone.js';
import { SUBTITLE_SHAPE, TITLE_SHAPE } from './title.js';

/*
 * The title, section and closing slides on a template's layouts: the title fitted into the layout's
 * title placeholder (its box and alignment), the subtitle or lead into its subtitle (or only text)
 * placeholder, and the rest around them, so that the slide looks as the template's designer placed it.
 */

/** The cover: the label above the title, the title in its placeholder, the subtitle, then the foot. */
export function coverInSlots(
  meta: DocMeta,
  notes: string,
  design: DeckDesign,
  title: TemplateSlot,
  subtitle: TemplateSlot | undefined,
): PlannedSlide {
  const { deck, grid } = design;
  const ink = design.ink.title;
  const { label, lines } = coverText(meta);
  const { box, align } = title;
  const shapes: SlideShape[] = [];
  const fit = titleIn(title, meta.title, deck.coverTitleSize, ink.strong, 'bottom', design);
  // The label just above the title's text, which sits at the foot of its placeholder.
  if (label) {
    const style = textStyle(design, deck.coverMetaSize, {
      color: ink.soft,
      bold: true,
      gap: 0,
      align,
    });
    const y = Math.max(0.1, box.y + box.h - fit.height - 0.45);
    shapes.push(
      text({ x: box.x, y, w: box.w, h: 0.4 }, style, [plainParagraph(label.toUpperCase())]),
    );
  }
  shapes.push({ ...text(box, fit.style, fit.paragraphs), name: TITLE_SHAPE });
  let bottom = box.y + box.h;
  if (meta.subtitle) {
    const placed = underTitle([plainParagraph(meta.subtitle)], title, subtitle, 0.15, {
      size: deck.coverSubtitleSize,
      color: ink.soft,
      gap: 0,
      design,
    });
    shapes.push({ ...placed, name: SUBTITLE_SHAPE });
    bottom = Math.max(bottom, placed.box.y + placed.box.h);
  }
  // The foot: the authors, the organisation and the date, then the classification, at the slide's
  // foot (under the subtitle when that reaches lower).
  const metaStyle = textStyle(design, deck.coverMetaSize, { color: ink.strong, gap: 4, align });
  const paragraphs = lines.map((l) => plainParagraph(l));
  const metaHeight = paragraphs.length ? textHeight(paragraphs, box.w, metaStyle, design.theme) : 0;
  const classification = meta.classification ? 0.3 : 0;
  // On the slide, whatever the layout: over the subtitle's foot rather than off the slide's.
  const footTop = Math.min(
    Math.max(bottom + 0.2, grid.height - 0.5 - classification - metaHeight),
    grid.height - 0.05 - classification - metaHeight,
  );
  if (paragraphs.length)
    shapes.push(text({ x: box.x, y: footTop, w: box.w, h: metaHeight }, metaStyle, paragraphs));
  if (meta.classification) {
    const style = textStyle(design, deck.smallSize, {
      color: ink.strong,
      bold: true,
      gap: 0,
      align,
    });
    shapes.push(
      text({ x: box.x, y: footTop + metaHeight, w: box.w, h: 0.3 }, style, [
        plainParagraph(meta.classification.toUpperCase()),
      ]),
    );
  }
  return {
    layout: 'title',
    title: meta.title,
    continued: false,
    shapes,
    notes: [fit.cut ? meta.title : '', notes].filter(Boolean).join('\n\n'),
  };
}

/** A section: its number above the title placeholder, its title in it, its lead in the text one. */
export function sectionInSlots(
  section: { number: number; title: string; lead: string | undefined },
  notes: string,
  design: DeckDesign,
  title: TemplateSlot,
  subtitle: TemplateSlot | undefined,
): PlannedSlide {
  const { deck, colors } = design;
  const ink = design.ink.section;
  const { box, align } = title;
  const numberStyle = textStyle(design, deck.sectionTitleSize, {
    bold: true,
    color: colors.palette[1] ?? colors.accent,
    gap: 0,
    align,
  });
  const numberHeight = textHeight([plainParagraph('00')], box.w, numberStyle, design.theme);
  // The title at the foot of its placeholder, the number just above its text: inside the
  // placeholder, or above it where the placeholder has no room for both.
  const above = box.y - numberHeight >= 0.1;
  const titleBox = above
    ? box
    : { ...box, y: box.y + numberHeight, h: Math.max(0.5, box.h - numberHeight) };
  const fit = titleIn(
    { box: titleBox, align },
    section.title,
    deck.sectionTitleSize,
    ink.strong,
    'bottom',
    design,
  );
  const numberTop = Math.max(0.1, titleBox.y + titleBox.h - fit.height - numberHeight);
  const numberBox = { ...box, y: numberTop, h: numberHeight };
  const shapes: SlideShape[] = [
    text(numberBox, numberStyle, [plainParagraph(String(section.number).padStart(2, '0'))]),
    { ...text(titleBox, fit.style, fit.paragraphs), name: TITLE_SHAPE },
  ];
  if (section.lead) {
    const placed = underTitle([plainParagraph(section.lead)], title, subtitle, 0.25, {
      size: deck.sectionLeadSize,
      color: ink.soft,
      gap: 0,
      design,
    });
    shapes.push({ ...placed, name: SUBTITLE_SHAPE });
  }
  return {
    layout: 'section',
    title: section.title,
    continued: false,
    shapes,
    notes: [fit.cut ? section.title : '', notes].filter(Boolean).join('\n\n'),
  };
}

/** The closing slide: its title in the title placeholder, its lines in the text one or under it. */
export function closingInSlots(
  meta: DocMeta,
  notes: string,
  design: DeckDesign,
  title: TemplateSlot,
  subtitle: TemplateSlot | undefined,
): PlannedSlide {
  const { deck } = design;
  const ink = design.ink.closing;
  const fit = titleIn(
    title,
    deck.closingTitle,
    deck.closingTitleSize,
    ink.strong,
    'middle',
    design,
  );
  const shapes: SlideShape[] = [
    { ...text(title.box, fit.style, fit.paragraphs), name: TITLE_SHAPE },
  ];
  const lines = closingLines(meta, design);
  if (lines.length)
    shapes.push(
      underTitle(lines, title, subtitle, 0.2, {
        size: deck.closingTextSize,
        color: ink.soft,
        gap: 4,
        design,
      }),
    );
  return {
    layout: 'closing',
    title: deck.closingTitle,
    continued: false,
    shapes,
    notes: [fit.cut ? deck.closingTitle : '', notes].filter(Boolean).join('\n\n'),
  };
}

/** A bold title fitted to a slot, from a size down to 24 pt (or the size, if smaller). */
function titleIn(
  slot: TemplateSlot,
  value: string,
  size: number,
  color: string,
  valign: TextStyle['valign'],
  design: DeckDesign,
): Fitted {
  // Measured and set in the template's heading font, where it has one.
  const { theme, face } = design.heading;
  return fitted(
    value,
    slot.box.w,
    slot.box.h,
    sizesDown(size, Math.min(24, size), 2),
    (s) => textStyle(design, s, { bold: true, color, gap: 0, valign, align: slot.align, face }),
    { ...design, theme },
  );
}

/** Text in the layout's subtitle slot, else a gap below the title's, aligned as the title is. */
function underTitle(
  paragraphs: PlannedParagraph[],
  title: TemplateSlot,
  subtitle: TemplateSlot | undefined,
  gap: number,
  look: { size: number; color: string; gap: number; design: DeckDesign },
): TextShape {
  const { box, align } = title;
  return inSlot(
    paragraphs,
    subtitle ?? { box: { ...box, y: box.y + box.h + gap, h: 0 }, align },
    textStyle(look.design, look.size, {
      color: look.color,
      gap: look.gap,
      align: subtitle?.align ?? align,
    }),
    look.design,
  );
}

/** Text in a slot: its box, taller where the text needs more room than the box has. */
function inSlot(
  paragraphs: PlannedParagraph[],
  slot: TemplateSlot,
  style: TextStyle,
  design: DeckDesign,
): TextShape {
  const needed = textHeight(paragraphs, slot.box.w, style, design.theme);
  const h = Math.max(slot.box.h, needed);
  // Up, where the text would run off the slide's foot.
  const y = Math.max(0, Math.min(slot.box.y, design.grid.height - 0.05 - h));
  const box: Box = { ...slot.box, y, h };
  return text(box, style, paragraphs);
}
