import type { SerializedError } from '../api/batchTask.js';
import { DEFAULT_QUEUE, jobError, type QueueConnection, withQueue } from './jobs.js';

/** A failed job: its input and why, its BriefwrightError when its input was at fault. */
export interface FailedJob {
  readonly id: string;
  readonly input: string;
  readonly reason: string;
  readonly error?: SerializedError;
}

/** The state of a queue: how many jobs wait, run, are done or failed, and the failures. */
export interface QueueStatus {
  readonly queue: string;
  readonly counts: {
    readonly waiting: number;
    readonly active: number;
    readonly completed: number;
    readonly failed: number;
    readonly delayed: number;
  };
  readonly failures: readonly FailedJob[];
}

/** The counts of a queue's jobs and its failed jobs (up to `limit`, the latest first). */
export async function queueStatus(
  connection: QueueConnection,
  options: { readonly queue?: string; readonly limit?: number } = {},
): Promise<QueueStatus> {
  const name = options.queue ?? DEFAULT_QUEUE;
  const limit = Math.max(1, options.limit ?? 100);
  return withQueue(connection, name, async (queue) => {
    const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
    const failed = await queue.getFailed(0, limit - 1);
    return {
      queue: name,
      counts: {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        delayed: counts.delayed ?? 0,
      },
      failures: failed.map((job) => {
        const error = jobError(job.failedReason);
        const input = (job.data as { input?: unknown }).input;
        return {
          id: job.id ?? '',
          input: typeof input === 'string' ? input : '',
          reason: error ? `${error.code}: ${error.message}` : job.failedReason,
          ...(error ? { error } : {}),
        };
      }),
    };
  });
}
