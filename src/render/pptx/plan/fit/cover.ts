import type { DocMeta } from '../../../../tree/types.js';
import { type DeckDesign, sizesDown, textStyle } from '../design.js';
import { plainParagraph, textHeight } from '../measure.js';
import type { PlannedSlide, SlideShape } from '../types.js';
import { closingInSlots, coverInSlots, sectionInSlots } from './coverSlots.js';
import { bold, closingLines, coverText, fitted, text } from './standalone.js';
import { SUBTITLE_SHAPE, TITLE_SHAPE } from './title.js';

/** Where the text of the title, section and closing slides starts across, in inches. */
const LEFT = 0.8;

/**
 * The title slide, on the accent background: the series and number as a small label, the title large
 * (smaller until it fits its area), the subtitle, then the authors, the organization and the date, and
 * the classification as a label.
 */
export function fitCover(meta: DocMeta, notes: string, design: DeckDesign): PlannedSlide {
  const slots = design.slots.title;
  if (slots?.title) return coverInSlots(meta, notes, design, slots.title, slots.subtitle);
  const { grid, deck } = design;
  const w = grid.width - 2 * LEFT;
  const { label, lines } = coverText(meta);
  const ink = design.ink.title;
  const light = ink.strong;
  // Shapes in reading order: the label, the title and the subtitle, then the foot.
  const shapes: SlideShape[] = [];
  const foot: SlideShape[] = [];
  // The foot: authors, organization and date, then the classification.
  const metaStyle = textStyle(design, deck.coverMetaSize, { color: light, gap: 4 });
  const metaHeight = textHeight(
    lines.map((l) => plainParagraph(l)),
    w,
    metaStyle,
    design.theme,
  );
  const footTop = grid.height - 0.7 - metaHeight;
  if (lines.length > 0)
    foot.push(
      text(
        { x: LEFT, y: footTop, w, h: metaHeight },
        metaStyle,
        lines.map((l) => plainParagraph(l)),
      ),
    );
  if (meta.classification) {
    const style = textStyle(design, deck.smallSize, { color: light, bold: true, gap: 0 });
    foot.push(
      text({ x: LEFT, y: grid.height - 0.6, w, h: 0.3 }, style, [
        plainParagraph(meta.classification.toUpperCase()),
      ]),
    );
  }
  // The head: the label, the title and the subtitle, in the room above the foot.
  let y = 1.2;
  if (label) {
    const style = textStyle(design, deck.coverMetaSize, {
      color: ink.soft,
      bold: true,
      gap: 0,
    });
    shapes.push(text({ x: LEFT, y, w, h: 0.4 }, style, [plainParagraph(label.toUpperCase())]));
  }
  y += 0.5;
  const room = footTop - 0.3 - y;
  const subtitleStyle = textStyle(design, deck.coverSubtitleSize, {
    color: ink.soft,
    gap: 0,
  });
  const subtitle = meta.subtitle ? [plainParagraph(meta.subtitle)] : [];
  const subtitleHeight = subtitle.length ? textHeight(subtitle, w, subtitleStyle, design.theme) : 0;
  const title = fitted(
    meta.title,
    w,
    room - subtitleHeight - 0.2,
    sizesDown(deck.coverTitleSize, Math.min(24, deck.coverTitleSize), 2),
    (size) => textStyle(design, size, { color: light, bold: true, gap: 0, valign: 'bottom' }),
    design,
  );
  shapes.push({
    ...text({ x: LEFT, y, w, h: title.height }, title.style, title.paragraphs),
    name: TITLE_SHAPE,
  });
  if (subtitle.length)
    shapes.push({
      ...text(
        { x: LEFT, y: y + title.height + 0.15, w, h: subtitleHeight },
        subtitleStyle,
        subtitle,
      ),
      name: SUBTITLE_SHAPE,
    });
  return {
    layout: 'title',
    title: meta.title,
    continued: false,
    shapes: [...shapes, ...foot],
    notes: [title.cut ? meta.title : '', notes].filter(Boolean).join('\n\n'),
  };
}

/**
 * A section's slide, on the accent tint: its number in the second accent colour, its title large, and the
 * section's first sentence under it when it has one.
 */
export function fitSection(
  section: { number: number; title: string; lead: string | undefined },
  notes: string,
  design: DeckDesign,
): PlannedSlide {
  const slots = design.slots.section;
  if (slots?.title) return sectionInSlots(section, notes, design, slots.title, slots.subtitle);
  const { grid, deck, colors } = design;
  const w = grid.width - 2 * LEFT;
  const numberStyle = textStyle(design, deck.sectionTitleSize, {
    bold: true,
    color: colors.palette[1] ?? colors.accent,
    gap: 0,
  });
  const top = 1.5;
  const numberHeight = textHeight([plainParagraph('00')], w, numberStyle, design.theme);
  const ink = design.ink.section;
  const leadStyle = textStyle(design, deck.sectionLeadSize, { color: ink.soft, gap: 0 });
  const lead = section.lead ? [plainParagraph(section.lead)] : [];
  const leadHeight = lead.length ? textHeight(lead, w, leadStyle, design.theme) : 0;
  const room =
    grid.footerY - 0.4 - (top + numberHeight + 0.1) - (leadHeight ? leadHeight + 0.25 : 0);
  const title = fitted(
    section.title,
    w,
    room,
    sizesDown(deck.sectionTitleSize, Math.min(24, deck.sectionTitleSize), 2),
    (size) => textStyle(design, size, { bold: true, color: ink.strong, gap: 0 }),
    design,
  );
  const titleTop = top + numberHeight + 0.1;
  const titleHeight = title.height;
  const shapes: SlideShape[] = [
    text({ x: LEFT, y: top, w, h: numberHeight }, numberStyle, [
      plainParagraph(String(section.number).padStart(2, '0')),
    ]),
    {
      ...text({ x: LEFT, y: titleTop, w, h: titleHeight }, title.style, title.paragraphs),
      name: TITLE_SHAPE,
    },
  ];
  // The lead is the section's subtitle: on a template, the section layout's text placeholder.
  if (lead.length)
    shapes.push({
      ...text({ x: LEFT, y: titleTop + titleHeight + 0.25, w, h: leadHeight }, leadStyle, lead),
      name: SUBTITLE_SHAPE,
    });
  return {
    layout: 'section',
    title: section.title,
    continued: false,
    shapes,
    notes: [title.cut ? section.title : '', notes].filter(Boolean).join('\n\n'),
  };
}

/** The closing slide, on the accent background: the theme's closing title, the organization and a contact line. */
export function fitClosing(meta: DocMeta, notes: string, design: DeckDesign): PlannedSlide {
  const slots = design.slots.closing;
  if (slots?.title) return closingInSlots(meta, notes, design, slots.title, slots.subtitle);
  const { grid, deck } = design;
  const w = grid.width - 2 * LEFT;
  const title = [bold(deck.closingTitle)];
  const titleStyle = textStyle(design, deck.closingTitleSize, {
    bold: true,
    color: design.ink.closing.strong,
    align: 'center',
    gap: 0,
  });
  const lines = closingLines(meta, design);
  const lineStyle = textStyle(design, deck.closingTextSize, {
    color: design.ink.closing.soft,
    align: 'center',
    gap: 4,
  });
  const titleHeight = textHeight(title, w, titleStyle, design.theme);
  const linesHeight = lines.length ? textHeight(lines, w, lineStyle, design.theme) : 0;
  const top = (grid.height - titleHeight - 0.3 - linesHeight) / 2;
  const shapes: SlideShape[] = [
    { ...text({ x: LEFT, y: top, w, h: titleHeight }, titleStyle, title), name: TITLE_SHAPE },
  ];
  if (lines.length)
    shapes.push(text({ x: LEFT, y: top + titleHeight + 0.3, w, h: linesHeight }, lineStyle, lines));
  return { layout: 'closing', title: deck.closingTitle, continued: false, shapes, notes };
}
