import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ConnectionOptions } from 'bullmq';
import { Queue } from 'bullmq';
import type { BatchTaskResult, SerializedError } from '../api/batchTask.js';
import type { RenderOptions } from '../api/render.js';
import { BriefwrightError } from '../diagnostics/errors.js';
import type { InputFormat } from '../load/index.js';

/** Where the queue lives: a Redis URL (`redis://host:6379`) or BullMQ's connection options. */
export type QueueConnection = string | ConnectionOptions;

/** The queue briefwright uses when none is named. */
export const DEFAULT_QUEUE = 'briefwright';

/** The render options a job carries: those that can travel as JSON to another machine. */
export type QueueRenderOptions = Pick<
  RenderOptions,
  | 'formats'
  | 'template'
  | 'theme'
  | 'limits'
  | 'systemFonts'
  | 'missingGlyphs'
  | 'linkSchemes'
  | 'inputFormat'
> & {
  /** Fallback fonts, as paths the workers can read. */
  readonly fonts?: readonly string[];
};

/** An input given as its bytes: rendered wherever a worker runs, named `name` (its outputs too). */
export interface InputBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Its syntax. @default guessed from the name's extension, else from the content */
  readonly from?: InputFormat;
}

/** The names of {@link QueueRenderOptions}: what a worker takes from a job (anything else is left out). */
export const QUEUE_OPTION_NAMES = [
  'formats',
  'template',
  'theme',
  'limits',
  'systemFonts',
  'missingGlyphs',
  'linkSchemes',
  'inputFormat',
  'fonts',
] as const;

/** What a job holds: one input (a path the workers can read, or its bytes) and how to render it. */
export interface RenderJobData {
  /** The input's path (as the workers see it), or its name when given as bytes. */
  readonly input: string;
  /** The input's bytes in base64, when given as bytes. */
  readonly bytes?: string;
  readonly from?: InputFormat;
  /** The outputs' name, without extension. */
  readonly name: string;
  /** A folder inside the worker's output folder for the outputs (a relative path); else that folder. */
  readonly outDir?: string;
  readonly options: QueueRenderOptions;
}

/** What a job gives back when it renders: its files with their pages, its warnings, its time (a batch's result). */
export type RenderJobResult = Omit<BatchTaskResult, 'ok' | 'error'> & { readonly ok: true };

/** The failure reason of a job whose input is at fault: its BriefwrightError, as JSON after this mark. */
export const ERROR_MARK = 'briefwright:';

/** The BriefwrightError a failed job recorded, or undefined when it failed otherwise (a crash, a timeout). */
export function jobError(failedReason: string | undefined): SerializedError | undefined {
  if (!failedReason?.startsWith(ERROR_MARK)) return undefined;
  try {
    return JSON.parse(failedReason.slice(ERROR_MARK.length)) as SerializedError;
  } catch {
    return undefined;
  }
}

/**
 * BullMQ's connection options for a Redis URL (`redis://user:password@host:6379/0`, `rediss://` for
 * TLS) or options: options rather than a client, so that BullMQ opens and closes its own connections.
 */
export function connectionOf(connection: QueueConnection): ConnectionOptions {
  if (typeof connection !== 'string') return connection;
  let url: URL;
  try {
    url = new URL(connection);
  } catch (cause) {
    throw badUrl(connection, cause);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw badUrl(connection);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db && /^\d+$/.test(db) ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers wait for Redis to come back rather than fail their requests.
    maxRetriesPerRequest: null,
  };
}

function badUrl(connection: string, cause?: unknown): BriefwrightError {
  return new BriefwrightError('USAGE', `cannot read "${connection}" as a Redis URL`, {
    cause,
    hint: 'give redis://host:6379 (rediss:// for TLS, redis://user:password@host:6379/0 with a user and a database)',
  });
}

/** A Redis URL or connection options, for a message (a password left out). */
function describeConnection(connection: QueueConnection): string {
  if (typeof connection !== 'string') {
    const { host = '127.0.0.1', port = 6379 } = connection as { host?: string; port?: number };
    return `${host}:${port}`;
  }
  try {
    const url = new URL(connection);
    url.password = '';
    return url.toString();
  } catch {
    return connection;
  }
}

/**
 * Runs `work` with a queue of a short-lived client (enqueueing, asking for status): it gives up on Redis
 * after a few tries instead of waiting for it forever, and a Redis it cannot reach is a USAGE error
 * naming where it looked, not a stack trace.
 */
export async function withQueue<T>(
  connection: QueueConnection,
  name: string,
  work: (queue: Queue) => Promise<T>,
): Promise<T> {
  const queue = new Queue(name, {
    connection: {
      connectTimeout: 3000,
      retryStrategy: (times: number) => (times > 2 ? null : 200 * times),
      ...connectionOf(connection),
      maxRetriesPerRequest: 1,
    },
  });
  let trouble: Error | undefined;
  queue.on('error', (error) => {
    trouble = error;
  });
  try {
    return await work(queue);
  } catch (cause) {
    if (cause instanceof BriefwrightError) throw cause;
    throw new BriefwrightError('USAGE', `cannot reach Redis at ${describeConnection(connection)}`, {
      cause: trouble ?? cause,
      hint: 'check that Redis runs there and that --redis names it (redis://host:6379)',
    });
  } finally {
    await queue.close().catch(() => undefined);
  }
}

/** Options of {@link enqueueRenders}. */
export interface EnqueueOptions extends QueueRenderOptions {
  /** The queue's name. @default "briefwright" */
  readonly queue?: string;
  /**
   * A folder for the outputs inside the workers' output folder (a relative path without `..`).
   * @default the workers' output folder
   */
  readonly outDir?: string;
}

/**
 * What {@link enqueueRenders} did: a job per input, added (new, or failed before and tried again) or
 * already there (waiting, running or done).
 */
export interface EnqueueResult {
  readonly jobs: readonly {
    readonly input: string;
    readonly id: string;
    readonly added: boolean;
  }[];
  readonly added: number;
  readonly existing: number;
}

/**
 * Adds one job per input, each with an id made from the input's bytes, its name, the output folder and
 * the options (not the files they name: a theme or an image changed under the same path is the same
 * job), so that a batch submitted again adds nothing (its jobs are done or waiting) while a changed input
 * is a new job, and a job that failed is tried again. Inputs given as paths are read here for their id,
 * and by the workers to render.
 */
export async function enqueueRenders(
  connection: QueueConnection,
  inputs: readonly (string | InputBytes)[],
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const { queue: name = DEFAULT_QUEUE, outDir, ...render } = options;
  const jobs = inputs.map((input) => jobOf(input, render, outDir));
  return withQueue(connection, name, async (queue) => {
    const known = await Promise.all(jobs.map(({ id }) => queue.getJob(id)));
    // A job that failed is tried again (its input, theme or fonts may have been mended since).
    const failed = await Promise.all(known.map((job) => (job ? job.isFailed() : false)));
    await Promise.all(known.map((job, i) => (job && failed[i] ? job.retry('failed') : undefined)));
    const fresh = jobs.filter((_, i) => !known[i]);
    await queue.addBulk(
      fresh.map(({ id, data }) => ({
        name: 'render',
        data,
        // Kept when done, so that the same input submitted again is found and not rendered twice.
        opts: { jobId: id, removeOnComplete: false, removeOnFail: false },
      })),
    );
    const added = jobs.map((_, i) => !known[i] || failed[i] === true);
    return {
      jobs: jobs.map(({ id, data }, i) => ({ input: data.input, id, added: added[i] === true })),
      added: added.filter(Boolean).length,
      existing: added.filter((a) => !a).length,
    };
  });
}

/** One input's job: its data and its id (a hash of what it renders). */
function jobOf(
  input: string | InputBytes,
  options: QueueRenderOptions,
  outDir: string | undefined,
): { id: string; data: RenderJobData } {
  const content = typeof input === 'string' ? readInput(input) : input.bytes;
  const where = outDir === undefined ? {} : { outDir };
  const data: RenderJobData =
    typeof input === 'string'
      ? { input, name: basename(input, extname(input)), ...where, options }
      : {
          input: input.name,
          bytes: Buffer.from(input.bytes).toString('base64'),
          ...(input.from ? { from: input.from } : {}),
          name: basename(input.name, extname(input.name)),
          ...where,
          options,
        };
  const id = createHash('sha256')
    .update(content)
    .update('\0')
    .update(JSON.stringify({ name: data.name, from: data.from, outDir, options }))
    .digest('hex')
    .slice(0, 32);
  return { id, data };
}

/** An input file's bytes, for its job's id; a file that cannot be read is refused before anything is added. */
export function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new BriefwrightError('INPUT_NOT_FOUND', 'cannot read the input to enqueue it', {
      file: path,
      cause,
      hint: 'give a path the workers can read too (a shared folder), or the input as bytes',
    });
  }
}
