import { join } from 'node:path';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { serializeError } from '../api/batchTask.js';
import { type RenderedOutput, renderInMemory } from '../api/render.js';
import { isBriefwrightError } from '../diagnostics/errors.js';
import { countPages } from '../output/pages.js';
import { writeFilesAtomic } from '../output/writeAtomic.js';
import {
  connectionOf,
  DEFAULT_QUEUE,
  ERROR_MARK,
  type QueueConnection,
  type RenderJobData,
  type RenderJobResult,
} from './jobs.js';

/** One output of a job, for {@link WorkerOptions.onOutput}. */
export interface JobOutput {
  /** The job's input (its path, or its name when given as bytes). */
  readonly input: string;
  readonly format: string;
  /** Where the output goes: the outputs' name and the format's extension, in `outDir` when given. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Options of {@link createWorker}. */
export interface WorkerOptions {
  /** The queue's name. @default "briefwright" */
  readonly queue?: string;
  /**
   * The folder outputs are written to, atomically: one all workers share (a job may name its own).
   * Needed unless `onOutput` is given.
   */
  readonly outDir?: string;
  /** Where outputs go instead of a folder (object storage): called with each, the job done when it resolves. */
  readonly onOutput?: (output: JobOutput) => Promise<void> | void;
  /** Jobs rendered at once in this process (rendering is CPU work: run a worker process per core). @default 1 */
  readonly concurrency?: number;
  /**
   * How long a job stays this worker's without a sign of life, in ms: a crashed worker's job goes back to
   * the queue after about this long. Keep it well above the longest render: a render holds the event
   * loop that renews the lock, and a lock that runs out under a live worker has its job rendered twice.
   * @default 30000
   */
  readonly lockDuration?: number;
  /** Called when a job finishes, either way. */
  readonly onJob?: (job: { id: string; input: string; ok: boolean; ms: number }) => void;
}

/**
 * A worker that renders the queue's jobs with the same pipeline as renderMany and writes each job's
 * outputs atomically (or hands them to `onOutput`). An input at fault (a typo, a broken image) fails
 * its job at once with its BriefwrightError, never retried; a worker that crashes leaves its job to
 * BullMQ's stalled-job check, which gives it to another worker. `close()` finishes the jobs in hand and
 * takes no more.
 */
export function createWorker(
  connection: QueueConnection,
  options: WorkerOptions,
): Worker<RenderJobData, RenderJobResult> {
  const { queue = DEFAULT_QUEUE, outDir, onOutput, concurrency = 1, lockDuration } = options;
  if (outDir === undefined && !onOutput)
    throw new TypeError('createWorker(): give outDir (a folder) or onOutput');
  const worker = new Worker<RenderJobData, RenderJobResult>(
    queue,
    (job) => renderJob(job, outDir, onOutput, options.onJob),
    {
      connection: connectionOf(connection),
      concurrency,
      ...(lockDuration !== undefined
        ? { lockDuration, stalledInterval: Math.max(500, Math.round(lockDuration / 2)) }
        : {}),
    },
  );
  return worker;
}

/** Renders one job: its outputs written (or handed on), its result; an input at fault fails it for good. */
async function renderJob(
  job: Job<RenderJobData, RenderJobResult>,
  outDir: string | undefined,
  onOutput: WorkerOptions['onOutput'],
  onJob: WorkerOptions['onJob'],
): Promise<RenderJobResult> {
  const started = performance.now();
  const { input, bytes, from, name, options } = job.data;
  // The job's folder when it names one, else the worker's.
  const folder = job.data.outDir ?? outDir;
  const done = (ok: boolean) =>
    onJob?.({ id: job.id ?? '', input, ok, ms: Math.round(performance.now() - started) });
  let outputs: readonly RenderedOutput[];
  let warnings: RenderJobResult['warnings'];
  try {
    // Bytes are rendered as text (a line break at the end, so that one line is never a file name).
    const text = bytes === undefined ? undefined : Buffer.from(bytes, 'base64').toString('utf8');
    const source = text === undefined ? input : text.endsWith('\n') ? text : `${text}\n`;
    const result = await renderInMemory(source, {
      ...options,
      ...(text === undefined ? {} : { file: input, ...(from ? { inputFormat: from } : {}) }),
    });
    outputs = result.outputs;
    warnings = result.warnings;
  } catch (error) {
    done(false);
    if (isBriefwrightError(error))
      throw new UnrecoverableError(`${ERROR_MARK}${JSON.stringify(serializeError(error))}`);
    throw error;
  }
  // Rendered; the files are being written.
  await job.updateProgress(50);
  const files = outputs.map((output) => ({
    input,
    format: output.format,
    path:
      folder === undefined
        ? `${name}${output.extension}`
        : join(folder, `${name}${output.extension}`),
    bytes: output.bytes,
  }));
  if (onOutput) for (const file of files) await onOutput(file);
  else await writeFilesAtomic(files.map(({ path, bytes: data }) => ({ path, bytes: data })));
  done(true);
  return {
    input,
    ok: true,
    files: files.map((file) => ({
      format: file.format,
      path: file.path,
      pages: countPages(file.format, file.bytes),
    })),
    warnings,
    ms: Math.round(performance.now() - started),
  };
}
