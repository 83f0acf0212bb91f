import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Tinypool from 'tinypool';
import { BriefwrightError } from '../diagnostics/errors.js';
import { holdTemporaryFiles } from '../output/writeAtomic.js';
import { type BatchTaskResult, renderOne, type SerializedError } from './batchTask.js';
import { FILES_OPTION_NAMES, type RenderToFilesOptions } from './files.js';
import { engineWithRenderers, moduleUrl } from './plugins.js';
import { checkOptionNames } from './render.js';
import { checkShard, type Shard, shardInputs } from './shard.js';

/** Options of {@link renderMany}: those of `renderToFiles` (but a custom engine), and the pool's size. */
export interface RenderManyOptions extends Omit<RenderToFilesOptions, 'engine'> {
  /**
   * How many inputs render at once: the calling thread and worker threads, each with its own parsed
   * fonts and templates. The calling thread starts at once; a worker takes inputs once it has started
   * and warmed up. 1 renders one after the other in the calling thread. @default the machine's cores,
   * the workers started only once the inputs left outweigh their start-up, so that a batch is never
   * slower than with one job
   */
  jobs?: number;
  /** Called as each input finishes, in the order they finish. */
  onResult?: (result: BatchResult, finished: number, total: number) => void;
  /** Called as each input starts. */
  onStart?: (input: string) => void;
  /**
   * Renderer modules that add formats (or replace built-in ones) in every worker: files
   * (`./headings.js`) or installed packages whose default export is a renderer or a list of them
   * (see `engineWithRenderers`). A custom engine object cannot cross to worker threads; modules can.
   */
  renderers?: readonly string[];
  /**
   * Renders one part of the inputs, for a CI matrix: `{ index: 3, count: 8 }` the third of eight. Every
   * machine splits the same inputs the same way, balanced by their size (see {@link shardInputs}); the
   * results are this part's. @default all the inputs
   */
  shard?: Shard;
}

/** The names of {@link RenderManyOptions}. */
const BATCH_OPTION_NAMES: readonly string[] = [
  ...FILES_OPTION_NAMES.filter((name) => name !== 'engine'),
  'jobs',
  'onResult',
  'onStart',
  'renderers',
  'shard',
];

/** What became of one input of a batch: its files with their pages, warnings, time, or its error. */
export interface BatchResult extends Omit<BatchTaskResult, 'error'> {
  /** Why the input failed: a BriefwrightError with its code, file and place. */
  readonly error?: BriefwrightError;
  /** The input's place in the whole batch (from 0), when a shard of it was rendered. */
  readonly position?: number;
}

/**
 * Renders many inputs to files in parallel on a pool of worker threads. Each input is independent: one
 * that fails is reported in its result and the others still complete. Results come back in the order
 * of the inputs.
 */
export async function renderMany(
  all: readonly string[],
  options: RenderManyOptions = {},
): Promise<BatchResult[]> {
  checkOptionNames(options, BATCH_OPTION_NAMES, 'renderMany()');
  if (options.name !== undefined && all.length > 1) {
    throw new BriefwrightError('USAGE', 'renderMany(): name takes one input', {
      hint: 'leave name out: each output is named after its input',
    });
  }
  // Names are checked across the whole batch, so that every shard refuses what a single run refuses.
  checkNames(all, options.outDir ?? 'output');
  const {
    jobs: requested,
    onResult,
    onStart,
    renderers: modules,
    shard,
    ...renderOptions
  } = options;
  const part = shard ? shardInputs(all, checkShard(shard, 'renderMany()')) : undefined;
  const inputs = part ? part.map(({ input }) => input) : all;
  // Loaded here first: a module that does not load is one usage error, not one per input.
  const renderers = modules?.map((specifier) => moduleUrl(specifier));
  if (renderers?.length) await engineWithRenderers(renderers);
  const jobs = Math.max(1, Math.min(requested ?? availableParallelism(), inputs.length));
  let finished = 0;
  const settle = (result: BatchResult) => {
    finished++;
    onResult?.(result, finished, inputs.length);
    return result;
  };
  // The inputs are taken in order by whoever is free: the calling thread from the start, and worker
  // threads once they have started and warmed up, so that no input waits for a worker's start-up. By
  // default workers start only when the inputs left would take longer than a worker's start-up costs
  // (see WORKER_START_UP), so that a batch is never slower than with one job. In a bundle there is no
  // worker module, and the calling thread renders everything.
  const results: BatchResult[] = [];
  let next = 0;
  const claim = (): number | undefined => (next < inputs.length ? next++ : undefined);
  const worker = jobs > 1 ? workerFile() : undefined;
  const working = new Set<Promise<void>>();
  let pool: Tinypool | undefined;
  let release: (() => void) | undefined;
  // What went wrong on a worker's side (a caller's onStart or onResult that threw): thrown at the end.
  let failure: { readonly error: unknown } | undefined;
  const joinIn = async (workers: Tinypool) => {
    try {
      await takeInputs(workers);
    } catch (error) {
      failure ??= { error };
      next = inputs.length;
    }
  };
  const takeInputs = async (workers: Tinypool) => {
    // Warmed up on the first input, rendered in memory; a batch done before then does not wait.
    const warmUp = { input: inputs[0] ?? '', options: renderOptions, renderers, warmUp: true };
    const ready = await workers.run(warmUp).then(
      () => true,
      () => false,
    );
    for (let index = ready ? claim() : undefined; index !== undefined; index = claim()) {
      const input = inputs[index] ?? '';
      onStart?.(input);
      const started = performance.now();
      // A worker that dies (out of memory, a crash in native code) fails its input alone.
      const job = workers.run({ input, options: renderOptions, renderers }).then(
        (task: BatchTaskResult) => {
          results[index] = settle(fromTask(task));
        },
        (cause: unknown) => {
          results[index] = settle(workerStopped(input, cause, performance.now() - started));
        },
      );
      working.add(job);
      await job;
      working.delete(job);
    }
  };
  const startWorkers = async (file: string) => {
    // The pool's module loads only when a batch uses workers: a single render does not wait for it.
    const { default: Pool } = await import('tinypool');
    pool = new Pool({ filename: file, minThreads: jobs - 1, maxThreads: jobs - 1 });
    // The worker threads write temporary files that an interruption of this process must remove.
    release = holdTemporaryFiles();
    for (let i = 1; i < jobs; i++) void joinIn(pool);
  };
  let starting: Promise<void> | undefined;
  try {
    // Workers asked for by number start at once.
    if (worker && requested !== undefined) starting = startWorkers(worker);
    const times: number[] = [];
    for (let index = claim(); index !== undefined; index = claim()) {
      const input = inputs[index] ?? '';
      onStart?.(input);
      const result = await renderOne({ input, options: renderOptions, renderers });
      results[index] = settle(fromTask(result));
      times.push(result.ms);
      if (worker && !starting && workersPay(times, inputs.length - next)) {
        starting = startWorkers(worker);
      }
    }
    await starting;
    // Nothing is left to take: what remains is what workers are rendering.
    await Promise.allSettled(working);
    if (failure) throw failure.error;
    // A shard's results say where each input stands in the whole batch.
    return part
      ? results.map((result, i) => ({ ...result, position: part[i]?.position ?? i }))
      : results;
  } finally {
    // A pool still starting is let finish, so that it is destroyed too.
    await starting?.catch(() => undefined);
    release?.();
    await pool?.destroy();
  }
}

/**
 * A worker's start-up (loading briefwright, then rendering its first input cold) in cold renders of the
 * calling thread, counted with what it takes from the calling thread meanwhile: V8 compiles and collects
 * garbage on a second core, which a worker takes. Measured on 2 cores (`npm run bench`, the batches of
 * 10, 24 and 200): one worker pays for itself once about 65 warm renders are left.
 */
const WORKER_START_UP = 8;

/** Whether the inputs left would take longer than starting workers costs, from the renders so far. */
export function workersPay(times: readonly number[], left: number): boolean {
  const [cold, ...warm] = times;
  const last = warm[warm.length - 1];
  if (cold === undefined || last === undefined) return false;
  return left * last > WORKER_START_UP * cold;
}

function fromTask(result: BatchTaskResult): BatchResult {
  const { error, ...rest } = result;
  return error ? { ...rest, error: toError(error) } : rest;
}

function workerStopped(input: string, cause: unknown, ms: number): BatchResult {
  const why = cause instanceof Error ? cause.message : String(cause);
  const error = new BriefwrightError('RENDER_FAILED', `the worker rendering it stopped: ${why}`, {
    file: input,
    cause,
    hint: 'the other inputs went on; render this one alone (--jobs 1) to see what stops it',
  });
  return { input, ok: false, files: [], warnings: [], ms: Math.round(ms), error };
}

function toError(error: SerializedError): BriefwrightError {
  const { code, message, related, detail, ...where } = error;
  const cause = detail ? Object.assign(new Error(message), { stack: detail }) : undefined;
  return new BriefwrightError(code, message, {
    ...where,
    ...(related ? { related: related.map(toError) } : {}),
    ...(cause ? { cause } : {}),
  });
}

/** Two inputs named alike would write the same output files: refused before anything renders. */
function checkNames(inputs: readonly string[], outDir: string): void {
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const out = join(outDir, basename(input, extname(input)));
    const other = seen.get(out);
    if (other && resolve(other) !== resolve(input)) {
      throw new BriefwrightError('USAGE', `${other} and ${input} would both write ${out}.*`, {
        file: input,
        hint: 'rename one of them, or render them to different --out folders',
      });
    }
    seen.set(out, input);
  }
}

/**
 * The worker's module: beside this one when running from `dist`; from `dist` when running from the
 * TypeScript sources (tests), which worker threads cannot load; none in a bundle.
 */
function workerFile(): string | undefined {
  const here: unknown = import.meta.url;
  if (typeof here !== 'string') return undefined;
  // Beside this module (dist/api), above its chunk in the CLI's bundle (dist/bin), or built from src.
  return ['./batchWorker.js', '../batchWorker.js', '../../dist/api/batchWorker.js']
    .map((candidate) => fileURLToPath(new URL(candidate, here)))
    .find((file) => existsSync(file));
}
