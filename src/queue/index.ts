/**
 * briefwright/queue: rendering on a queue that many machines share, with BullMQ on Redis. Install
 * `bullmq` and `ioredis` beside briefwright to use it; the rest of briefwright does not need them.
 * @packageDocumentation
 */
export {
  DEFAULT_QUEUE,
  type EnqueueOptions,
  type EnqueueResult,
  enqueueRenders,
  type InputBytes,
  jobError,
  type QueueConnection,
  type QueueRenderOptions,
  type RenderJobData,
  type RenderJobResult,
  readInput,
} from './jobs.js';
export { type FailedJob, type QueueStatus, queueStatus } from './status.js';
export { createWorker, type JobOutput, type WorkerOptions } from './worker.js';
