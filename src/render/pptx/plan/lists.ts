import { blockText } from '../../../tree/text.js';
import type { List } from '../../../tree/types.js';
import { PLAIN, toInlineRuns } from '../../inlineRuns.js';
import type { PlannedParagraph } from './types.js';

/** A list as slide paragraphs: bullets or numbers with their levels; checkboxes kept; nesting capped at 4. */
export function listParagraphs(list: List, level: number): PlannedParagraph[] {
  return list.children.flatMap((item, index) =>
    item.children.flatMap((child, childIndex): PlannedParagraph[] => {
      if (child.type === 'list') return listParagraphs(child, Math.min(level + 1, 4));
      const runs =
        child.type === 'paragraph' || child.type === 'heading'
          ? toInlineRuns(child.children)
          : [{ text: blockText([child]), style: PLAIN }];
      const checkbox =
        item.checked === null ? [] : [{ text: item.checked ? '☑ ' : '☐ ', style: PLAIN }];
      const first = childIndex === 0;
      return [
        {
          runs: first ? [...checkbox, ...runs] : runs,
          level,
          // A task item shows its box instead of a bullet.
          marker: first && item.checked === null ? (list.ordered ? 'number' : 'bullet') : 'none',
          ...(list.ordered ? { number: list.start + index } : {}),
        },
      ];
    }),
  );
}
