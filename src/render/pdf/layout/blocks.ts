import { assertNever } from '../../../diagnostics/assertNever.js';
import { paragraphDirection } from '../../../text/bidi.js';
import { blockText, inlineText } from '../../../tree/text.js';
import type { Block, Callout, Heading, Image as ImageNode, List } from '../../../tree/types.js';
import { append } from '../../../util/append.js';
import { PLAIN, toInlineRuns } from '../../inlineRuns.js';
import { layoutChart } from './chart/index.js';
import type { LayoutEnv, TextBase } from './env.js';
import { boxSlices, indentSlices, keepLastWithNext, ruleSlice, withSpaceBefore } from './slices.js';
import { type StructRole, tagSlices } from './struct.js';
import { layoutTable } from './table.js';
import { layoutText, layoutTextBlock } from './text.js';
import type { Slice } from './types.js';

/** Where blocks are laid out: a width and the text style of the container. */
export interface BlockFrame {
  readonly width: number;
  readonly base: TextBase;
  readonly env: LayoutEnv;
  /** Nesting depth of lists. */
  readonly listDepth: number;
  /** Heading numbers by id, when the theme numbers headings. */
  readonly numbers: ReadonlyMap<string, string>;
  /** The structure element blocks are tagged under. */
  readonly parent: number;
}

const PARAGRAPH_GAP = 6;

/** Lays out blocks one after the other into slices. */
export function layoutBlocks(blocks: readonly Block[], frame: BlockFrame): Slice[] {
  const out: Slice[] = [];
  let breakNext = false;
  for (const [index, block] of blocks.entries()) {
    if (block.type === 'pageBreak') {
      breakNext = true;
      continue;
    }
    let slices = layoutBlock(block, atBlock(frame, block));
    if (index === 0) slices = slices.map((s, i) => (i === 0 ? { ...s, spaceBefore: 0 } : s));
    if (breakNext && slices[0]) {
      slices[0] = { ...slices[0], breakBefore: true };
      breakNext = false;
    }
    append(out, slices);
  }
  return out;
}

/** The frame with warnings placed at the block's line in the input, when it is known. */
function atBlock(frame: BlockFrame, block: Block): BlockFrame {
  const position = 'position' in block ? block.position : undefined;
  if (!position) return frame;
  const { env } = frame;
  return { ...frame, env: { ...env, warn: (warning) => env.warn({ ...position, ...warning }) } };
}

function layoutBlock(block: Block, frame: BlockFrame): Slice[] {
  const { env, width, base } = frame;
  const { colors } = env.theme;
  const element = (role: StructRole) => env.struct.add(role, frame.parent);
  switch (block.type) {
    case 'heading':
      return layoutHeading(block, frame);
    case 'paragraph':
      return withSpaceBefore(
        tagSlices(
          layoutText(
            toInlineRuns(block.children),
            width,
            { ...base, justify: env.theme.pdf.justify },
            env,
          ),
          element('P'),
          env.struct,
        ),
        PARAGRAPH_GAP,
      );
    case 'lede': {
      const lede: TextBase = { ...base, size: base.size * 1.15, leading: base.leading * 1.18 };
      return withSpaceBefore(
        layoutBlocks(block.children, { ...frame, base: lede, parent: element('Div') }),
        10,
      );
    }
    case 'list':
      return withSpaceBefore(layoutList(block, frame), PARAGRAPH_GAP);
    case 'table':
      return withSpaceBefore(layoutTable(block, width, env, frame.parent), 12);
    case 'chart':
      return withSpaceBefore(layoutChart(block, frame), 12);
    case 'code': {
      const mono: TextBase = {
        role: 'mono',
        size: base.size * 0.82,
        leading: base.size * 1.15,
        color: colors.text,
      };
      const lines = block.value.replace(/\n$/, '').split('\n');
      const code = element('Code');
      const slices = lines.flatMap((line) =>
        tagSlices(
          layoutText([{ text: line || ' ', style: PLAIN }], width - 16, mono, env),
          code,
          env.struct,
        ),
      );
      return withSpaceBefore(
        boxSlices(slices, { width, padX: 8, padY: 6, fill: colors.accentTint }),
        8,
      );
    }
    case 'quote': {
      const quoted: TextBase = { ...base, italic: true, color: colors.muted };
      const inner = layoutBlocks(block.children, {
        ...frame,
        width: width - 14,
        base: quoted,
        parent: element('BlockQuote'),
      });
      return withSpaceBefore(
        boxSlices(inner, { width, padX: 14, padY: 2, rule: { width: 1.5, color: colors.rule } }),
        8,
      );
    }
    case 'callout':
      return withSpaceBefore(layoutCallout(block, frame), 12);
    case 'references': {
      const small: TextBase = { ...base, size: 8.5, leading: 11.5 };
      return withSpaceBefore(
        layoutBlocks(block.children, { ...frame, base: small, parent: element('Div') }),
        PARAGRAPH_GAP,
      );
    }
    case 'image':
      return withSpaceBefore(layoutImage(block, frame), 12);
    case 'thematicBreak':
      return [ruleSlice(width, 0.5, colors.rule, 10, 10)];
    case 'notes':
    case 'slideBreak':
    case 'pageBreak':
      return [];
    default:
      return assertNever(block);
  }
}

function layoutHeading(block: Heading, frame: BlockFrame): Slice[] {
  const { env, width } = frame;
  const { pdf, colors } = env.theme;
  const sizes = [pdf.h1Size, pdf.h2Size, pdf.h3Size];
  const size = sizes[block.depth - 1] ?? pdf.h3Size;
  const base: TextBase = {
    role: 'sans',
    size,
    leading: size * 1.25,
    color: block.depth === 1 ? colors.accent : colors.text,
    bold: true,
  };
  const before = block.depth === 1 ? 18 : block.depth === 2 ? 12 : 9;
  const title = inlineText(block.children);
  let runs = toInlineRuns(block.children);
  const label = frame.numbers.get(block.id);
  if (label) runs = [{ text: `${label}  `, style: PLAIN }, ...runs];
  const role = `H${block.depth}` as const;
  const lines = tagSlices(
    layoutText(runs, width, base, env),
    env.struct.add(role, frame.parent),
    env.struct,
  );
  const slices = lines.map((line, index) => ({
    ...line,
    keepWithNext: true,
    height: index === lines.length - 1 ? line.height + 5 : line.height,
  }));
  const first = slices[0];
  if (first) {
    slices[0] = {
      ...first,
      spaceBefore: before,
      heading: { title, depth: block.depth, id: block.id },
      items: [{ type: 'anchor', id: block.id, x: 0, y: 0 }, ...first.items],
    };
  }
  return slices;
}

function layoutList(block: List, frame: BlockFrame): Slice[] {
  const { env } = frame;
  const indent = block.ordered ? 16 : 12;
  const out: Slice[] = [];
  const last = block.start + block.children.length - 1;
  const list = env.struct.add('L', frame.parent);
  const markerWidth = block.ordered
    ? Math.max(indent, String(last).length * frame.base.size * 0.55 + 6)
    : indent;
  for (const [index, item] of block.children.entries()) {
    const listItem = env.struct.add('LI', list);
    const lbl = env.struct.add('Lbl', listItem);
    const inner = layoutBlocks(item.children, {
      ...frame,
      width: frame.width - markerWidth,
      listDepth: frame.listDepth + 1,
      parent: env.struct.add('LBody', listItem),
    });
    // A right-to-left item has its marker on the right, and its text indented from the right.
    const rtl = paragraphDirection(blockText(item.children), env.language) === 'rtl';
    const shifted = rtl ? inner : indentSlices(inner, markerWidth);
    const first = shifted[0];
    if (!first) continue;
    const marker = markerText(block, item.checked, index, frame.listDepth);
    const markerBase: TextBase = {
      ...frame.base,
      role: block.ordered ? frame.base.role : 'sans',
      color: block.ordered ? frame.base.color : env.theme.colors.accent,
    };
    const label = layoutTextBlock(
      [{ text: marker, style: PLAIN }],
      markerWidth - 4,
      markerBase,
      env,
      block.ordered ? 'right' : 'left',
    );
    const baselineShift =
      (first.firstBaseline ?? 0) - (label.items[0]?.type === 'text' ? label.items[0].y : 0);
    const markerX = rtl ? frame.width - markerWidth + 4 : 0;
    const markerItems = label.items.map((it) =>
      it.type === 'text' ? { ...it, x: it.x + markerX, y: it.y + baselineShift, tag: lbl } : it,
    );
    shifted[0] = {
      ...first,
      spaceBefore: index === 0 ? 0 : 3,
      items: [...markerItems, ...first.items],
    };
    append(out, shifted);
  }
  return out;
}

function markerText(block: List, checked: boolean | null, index: number, depth: number): string {
  if (checked !== null) return checked ? '☑' : '☐';
  if (block.ordered) return `${block.start + index}.`;
  return ['•', '–', '◦', '▪'][depth % 4] ?? '•';
}

function layoutCallout(block: Callout, frame: BlockFrame): Slice[] {
  const { env, width } = frame;
  const { colors } = env.theme;
  const pad = 10;
  const inner: TextBase = { role: 'sans', size: 10, leading: 14, color: colors.text };
  const titleText = block.title ?? defaultCalloutTitle(block.kind);
  const box = env.struct.add('Div', frame.parent);
  const titleId = titleText ? env.struct.add('P', box) : box;
  const content = layoutBlocks(block.children, {
    ...frame,
    width: width - 2 * pad - 3,
    base: inner,
    parent: box,
  });
  const label: TextBase = {
    role: 'sans',
    size: 9.5,
    leading: 13,
    color: colors.accent,
    bold: true,
  };
  const titleSlices = titleText
    ? keepLastWithNext(
        tagSlices(
          layoutText([{ text: titleText, style: PLAIN }], width - 2 * pad, label, env),
          titleId,
          env.struct,
        ),
      ).map((s) => ({ ...s, height: s.height + 3 }))
    : [];
  return boxSlices([...titleSlices, ...content], {
    width,
    padX: pad + 3,
    padY: pad,
    fill: colors.accentTint,
    rule: { width: 3, color: colors.accent },
  });
}

function defaultCalloutTitle(kind: Callout['kind']): string | undefined {
  const titles: Record<Callout['kind'], string | undefined> = {
    keypoints: 'Key points',
    takeaways: undefined,
    recommendations: undefined,
    note: undefined,
    info: undefined,
    warning: 'Warning',
  };
  return titles[kind];
}

function layoutImage(block: ImageNode, frame: BlockFrame): Slice[] {
  const { env, width } = frame;
  const image = env.images.get(block.src);
  const caption: TextBase = {
    role: 'sans',
    size: 9,
    leading: 12,
    color: env.theme.colors.text,
    bold: true,
  };
  const figure = env.struct.add('Figure', frame.parent, { alt: block.alt });
  const captionSlices = block.caption
    ? keepLastWithNext(
        tagSlices(
          layoutText([{ text: block.caption, style: PLAIN }], width, caption, env),
          env.struct.add('Caption', figure),
          env.struct,
        ),
      )
    : [];
  if (!image) {
    const alt: TextBase = { ...frame.base, italic: true, color: env.theme.colors.muted };
    return [
      ...captionSlices,
      ...tagSlices(
        layoutText([{ text: `[Image: ${block.alt}]`, style: PLAIN }], width, alt, env),
        figure,
        env.struct,
      ),
    ];
  }
  const maxHeight = 340;
  const scale = Math.min(width / image.width, maxHeight / image.height, 1.5);
  const w = image.width * scale;
  const h = image.height * scale;
  // Pixels per printed inch: below 150 a figure looks soft on paper.
  const dpi = image.width / (w / 72);
  if (dpi < 150) {
    env.warn({
      code: 'IMAGE_LOW_RESOLUTION',
      message: `image "${block.src}" prints at ${Math.round(dpi)} dpi (${image.width} px across ${Math.round((w / 72) * 25.4)} mm); 150 dpi or more looks sharp`,
      file: env.file,
      ...block.position,
    });
  }
  const slice: Slice = {
    height: h + 4,
    spaceBefore: captionSlices.length > 0 ? 4 : 0,
    keepWithNext: false,
    items: [
      { type: 'image', x: (width - w) / 2, y: 2, width: w, height: h, src: block.src, tag: figure },
    ],
  };
  return [...captionSlices, slice];
}
