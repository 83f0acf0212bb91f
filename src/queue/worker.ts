import { basename, isAbsolute, join, resolve, sep } from 'node:path';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { serializeError } from '../api/batchTask.js';
import { renderInMemory } from '../api/render.js';
import { BriefwrightError, isBriefwrightError } from '../diagnostics/errors.js';
import { countPages } from '../output/pages.js';
import { writeFilesAtomic } from '../output/writeAtomic.js';
import {
  connectionOf,
  DEFAULT_QUEUE,
  ERROR_MARK,
  QUEUE_OPTION_NAMES,
  type QueueConnection,
  type QueueRenderOptions,
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

/** The options a job may carry, and nothing else (an engine, image roots, a file name are the worker's). */
function jobOptions(given: unknown): QueueRenderOptions {
  if (typeof given !== 'object' || given === null) return {};
  const picked: Record<string, unknown> = {};
  for (const key of QUEUE_OPTION_NAMES)
    if (key in given) picked[key] = (given as Record<string, unknown>)[key];
  return picked as QueueRenderOptions;
}

/**
 * The folder a job's outputs go to: the worker's, or a folder the job names inside it. A job that names
 * an absolute path or climbs out with `..` fails with a USAGE error.
 */
function jobFolder(
  base: string | undefined,
  given: string | undefined,
  input: string,
): string | undefined {
  if (given === undefined) return base;
  const root = resolve(base ?? '.');
  const folder = resolve(root, given);
  if (isAbsolute(given) || (folder !== root && !folder.startsWith(`${root}${sep}`)))
    throw new BriefwrightError(
      'USAGE',
      `the job's output folder ${given} is outside the worker's`,
      {
        file: input,
        hint: "give a folder inside the workers' output folder, as a relative path",
      },
    );
  return folder;
}

/** Renders one job, telling `onJob` how it went either way. */
async function renderJob(
  job: Job<RenderJobData, RenderJobResult>,
  outDir: string | undefined,
  onOutput: WorkerOptions['onOutput'],
  onJob: WorkerOptions['onJob'],
): Promise<RenderJobResult> {
  const started = performance.now();
  let ok = false;
  try {
    const result = await renderAndWrite(job, outDir, onOutput);
    ok = true;
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (error) {
    // An input at fault fails its job for good; anything else (a full disk) may be tried again.
    if (isBriefwrightError(error))
      throw new UnrecoverableError(`${ERROR_MARK}${JSON.stringify(serializeError(error))}`);
    throw error;
  } finally {
    const ms = Math.round(performance.now() - started);
    onJob?.({ id: job.id ?? '', input: job.data.input, ok, ms });
  }
}

/** Renders a job's input and writes its outputs (or hands them on). */
async function renderAndWrite(
  job: Job<RenderJobData, RenderJobResult>,
  outDir: string | undefined,
  onOutput: WorkerOptions['onOutput'],
): Promise<Omit<RenderJobResult, 'ms'>> {
  const { input, bytes, from } = job.data;
  // Whoever can write to the queue decides no more than the options a job may carry, and where in the
  // worker's folder its files go.
  const options = jobOptions(job.data.options);
  const name = basename(job.data.name);
  const folder = jobFolder(outDir, job.data.outDir, input);
  // Bytes are rendered as text (a line break at the end, so that one line is never a file name).
  const text = bytes === undefined ? undefined : Buffer.from(bytes, 'base64').toString('utf8');
  const source = text === undefined ? input : text.endsWith('\n') ? text : `${text}\n`;
  const { outputs, warnings } = await renderInMemory(source, {
    ...options,
    ...(text === undefined ? {} : { file: input, ...(from ? { inputFormat: from } : {}) }),
  });
  // Rendered; the files are being written.
  await job.updateProgress(50);
  const files = outputs.map((output) => ({
    input,
    format: output.format,
    path: join(folder ?? '', `${name}${output.extension}`),
    bytes: output.bytes,
  }));
  if (onOutput) for (const file of files) await onOutput(file);
  else await writeFilesAtomic(files.map(({ path, bytes: data }) => ({ path, bytes: data })));
  return {
    input,
    ok: true,
    files: files.map((file) => ({
      format: file.format,
      path: file.path,
      pages: countPages(file.format, file.bytes),
    })),
    warnings,
  };
}
