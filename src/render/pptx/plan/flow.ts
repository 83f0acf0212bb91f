import { assertNever } from '../../../diagnostics/assertNever.js';
import { blockText } from '../../../tree/text.js';
import type { Block, List } from '../../../tree/types.js';
import { PLAIN, toInlineRuns } from '../../inlineRuns.js';
import type { PlannedParagraph } from './types.js';

/** Deepest bullet level a slide shows; deeper lists are set at this level. */
const MAX_LEVEL = 4;

/**
 * What blocks inside a list item, a callout or a quote become in a slide's text frame: paragraphs at
 * their level; tables, charts and images, which a text frame cannot hold, lifted out to follow on
 * slides of their own; speaker notes for the notes. Nothing is flattened away.
 */
export interface FlowPlan {
  readonly paragraphs: PlannedParagraph[];
  /** Blocks that need a slide of their own, in document order. */
  readonly lifted: Block[];
  /** Text for the speaker notes of the slide these paragraphs go on. */
  readonly notes: string[];
}

/** An empty plan to add to. */
function emptyPlan(): FlowPlan {
  return { paragraphs: [], lifted: [], notes: [] };
}

function merge(into: FlowPlan, from: FlowPlan): void {
  for (const p of from.paragraphs) into.paragraphs.push(p);
  for (const b of from.lifted) into.lifted.push(b);
  for (const n of from.notes) into.notes.push(n);
}

/**
 * Blocks as slide paragraphs at a level (see {@link FlowPlan}), lists among them at `listLevel`; every
 * kind of block has its case.
 */
export function planFlow(blocks: readonly Block[], level: number, listLevel = level): FlowPlan {
  const plan = emptyPlan();
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        plan.paragraphs.push({ runs: toInlineRuns(block.children), level, marker: 'none' });
        break;
      case 'list':
        merge(plan, planList(block, listLevel));
        break;
      case 'code':
        plan.paragraphs.push({
          runs: [{ text: block.value, style: { ...PLAIN, code: true } }],
          level,
          marker: 'none',
        });
        break;
      case 'quote':
      case 'callout':
      case 'lede':
      case 'references':
        merge(plan, planFlow(block.children, level));
        break;
      case 'notes':
        plan.notes.push(blockText(block.children));
        break;
      case 'table':
      case 'chart':
      case 'image':
        plan.lifted.push(block);
        break;
      case 'pageBreak':
      case 'slideBreak':
      case 'thematicBreak':
        break;
      default:
        assertNever(block);
    }
  }
  return plan;
}

/**
 * A list as slide paragraphs: bullets or numbers with their levels, checkboxes kept, nesting set at
 * most four levels deep; what an item holds besides text is planned as {@link planFlow} plans it.
 */
export function planList(list: List, level: number): FlowPlan {
  const plan = emptyPlan();
  for (const [index, item] of list.children.entries()) {
    // The item's own text is at the list's level, lists inside it one level deeper.
    const content = planFlow(item.children, level, Math.min(level + 1, MAX_LEVEL));
    const checkbox =
      item.checked === null ? [] : [{ text: item.checked ? '☑ ' : '☐ ', style: PLAIN }];
    const [first, ...rest] = content.paragraphs;
    const text = first !== undefined && first.level === level && item.children[0]?.type !== 'list';
    // A task item shows its box instead of a bullet.
    if (text || checkbox.length > 0) {
      plan.paragraphs.push({
        runs: [...checkbox, ...(text ? first.runs : [])],
        level,
        marker: item.checked === null ? (list.ordered ? 'number' : 'bullet') : 'none',
        ...(list.ordered ? { number: list.start + index } : {}),
      });
    }
    for (const p of text ? rest : content.paragraphs) plan.paragraphs.push(p);
    for (const b of content.lifted) plan.lifted.push(b);
    for (const n of content.notes) plan.notes.push(n);
  }
  return plan;
}
