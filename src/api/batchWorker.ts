import { type BatchTask, type BatchTaskResult, renderOne } from './batchTask.js';

/**
 * A batch worker thread: renders one input per task. Fonts, templates and shaped words are cached per
 * module, so each worker parses them once and reuses them for every input it gets.
 */
export default function renderTask(task: BatchTask): Promise<BatchTaskResult> {
  return renderOne(task);
}
