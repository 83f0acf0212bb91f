import type { Command } from 'commander';
import { BriefwrightError, printable } from '../diagnostics/errors.js';
import { expandInputs } from './renderCommand.js';
import { type CliIo, EXIT, report, usage } from './report.js';

/** The queue module, loaded when a queue command runs; BullMQ is an optional dependency. */
async function queueModule(): Promise<typeof import('../queue/index.js')> {
  try {
    return await import('../queue/index.js');
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw cause;
    throw new BriefwrightError('USAGE', 'the queue commands need bullmq and ioredis', {
      cause,
      hint: 'npm install bullmq ioredis (beside briefwright)',
    });
  }
}

/** A whole number of at least `min` from an option, or undefined when it is not one. */
function whole(value: string | undefined, min: number): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= min ? n : undefined;
}

const REDIS = 'redis://127.0.0.1:6379';

/** Adds `worker`, `enqueue` and `queue-status`: rendering on a BullMQ queue in Redis. */
export function addQueueCommands(
  program: Command,
  io: CliIo,
  record: (code: number) => void,
): void {
  program
    .command('worker')
    .description(
      'render the jobs of a queue in Redis (BullMQ) into a folder, until SIGTERM or SIGINT',
    )
    .option('--redis <url>', 'the Redis server', REDIS)
    .option('--queue <name>', 'the queue', 'briefwright')
    .option(
      '-o, --out <dir>',
      'the folder outputs are written to (one all workers share)',
      'output',
    )
    .option(
      '--concurrency <n>',
      'jobs at once in this process (run a worker per core for more)',
      '1',
    )
    .option('--lock-duration <ms>', "how soon a crashed worker's job is taken over", '30000')
    .option('-q, --quiet', 'print only errors')
    .action(async (opts: WorkerCommandOptions) => {
      record(await runWorker(opts, io));
    });

  program
    .command('enqueue')
    .description(
      'add a render job per input to a queue in Redis; inputs already queued are not added again',
    )
    .argument('<input...>', 'input files or glob patterns, as paths the workers can read')
    .option('--redis <url>', 'the Redis server', REDIS)
    .option('--queue <name>', 'the queue', 'briefwright')
    .option('-f, --format <list>', 'comma-separated formats (default: pdf,pptx)')
    .option('-t, --template <name|dir>', 'template name or folder')
    .option('--theme <file>', 'theme file (JSON or YAML), as the workers see it')
    .option(
      '-o, --out <dir>',
      "the folder for the outputs, as the workers see it (default: the worker's)",
    )
    .option('--inline', "send each input's bytes in its job, for workers that cannot read its path")
    .action(async (inputs: string[], opts: EnqueueCommandOptions) => {
      try {
        const files = await expandInputs(inputs);
        if ('missing' in files) {
          record(usage(io, files.missing));
          return;
        }
        const { enqueueRenders, readInput } = await queueModule();
        const formats = opts.format
          ?.split(',')
          .map((f) => f.trim().toLowerCase())
          .filter(Boolean);
        const result = await enqueueRenders(
          opts.redis,
          opts.inline ? files.map((name) => ({ name, bytes: readInput(name) })) : files,
          {
            queue: opts.queue,
            ...(formats ? { formats } : {}),
            ...(opts.template ? { template: opts.template } : {}),
            ...(opts.theme ? { theme: opts.theme } : {}),
            ...(opts.out ? { outDir: opts.out } : {}),
          },
        );
        io.stdout.write(
          `${printable(opts.queue)}: ${result.added} jobs added, ${result.existing} already queued or done\n`,
        );
      } catch (error) {
        record(report(error, io));
      }
    });

  program
    .command('queue-status')
    .description('print the counts of a queue in Redis and its failed jobs')
    .option('--redis <url>', 'the Redis server', REDIS)
    .option('--queue <name>', 'the queue', 'briefwright')
    .option('--json', 'print them as JSON')
    .action(async (opts: { redis: string; queue: string; json?: boolean }) => {
      try {
        const { queueStatus } = await queueModule();
        const status = await queueStatus(opts.redis, { queue: opts.queue });
        if (opts.json) {
          io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        } else {
          const { waiting, active, completed, failed, delayed } = status.counts;
          const lines = [
            `${printable(status.queue)}: ${waiting} waiting, ${active} active, ${completed} completed, ${failed} failed, ${delayed} delayed`,
            ...status.failures.map((f) => {
              const where = f.error
                ? [f.error.file ?? f.input, f.error.line, f.error.column].filter(Boolean).join(':')
                : f.input;
              return `  ${printable(where)}: ${printable(f.reason)}`;
            }),
          ];
          io.stdout.write(`${lines.join('\n')}\n`);
        }
        if (status.counts.failed > 0) record(EXIT.badInput);
      } catch (error) {
        record(report(error, io));
      }
    });
}

interface WorkerCommandOptions {
  redis: string;
  queue: string;
  out: string;
  concurrency: string;
  lockDuration: string;
  quiet?: boolean;
}

interface EnqueueCommandOptions {
  redis: string;
  queue: string;
  format?: string;
  template?: string;
  theme?: string;
  out?: string;
  inline?: boolean;
}

/** Runs a worker until SIGTERM or SIGINT, which let the jobs in hand finish first. */
async function runWorker(opts: WorkerCommandOptions, io: CliIo): Promise<number> {
  const concurrency = whole(opts.concurrency, 1);
  if (concurrency === undefined)
    return usage(io, `--concurrency takes a whole number of 1 or more, not "${opts.concurrency}"`);
  const lockDuration = whole(opts.lockDuration, 1000);
  if (lockDuration === undefined)
    return usage(
      io,
      `--lock-duration takes milliseconds, 1000 or more, not "${opts.lockDuration}"`,
    );
  try {
    const { createWorker, queueStatus } = await queueModule();
    // A Redis that cannot be reached is said at once, not retried in silence.
    await queueStatus(opts.redis, { queue: opts.queue, limit: 1 });
    const { watchOutputFolder } = await import('../output/writeAtomic.js');
    // A worker killed while writing leaves temporary files; the next one started here removes them.
    watchOutputFolder(opts.out);
    const worker = createWorker(opts.redis, {
      queue: opts.queue,
      outDir: opts.out,
      concurrency,
      lockDuration,
      onJob: ({ id, input, ok, ms }) => {
        if (!opts.quiet || !ok)
          io.stdout.write(`${ok ? 'rendered' : 'failed'} ${id} ${printable(input)} ${ms} ms\n`);
      },
    });
    worker.on('error', (error) => io.stderr.write(`briefwright: ${printable(error.message)}\n`));
    await worker.waitUntilReady();
    if (!opts.quiet)
      io.stderr.write(
        `briefwright: worker on ${printable(opts.queue)} at ${printable(opts.redis)}, writing to ${printable(opts.out)}\n`,
      );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        // The jobs in hand finish; no more are taken.
        void worker.close().then(resolve, resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}
