import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToFiles } from '../../src/index.js';
import { enqueueRenders, queueStatus } from '../../src/queue/index.js';
import { EXAMPLE_YAML, tempDir } from '../helpers.js';
import { hasRedis, startRedis } from './redis.js';

/** `count` briefs, each the sample with a title of its own (so that each output differs). */
function briefs(count: number, prefix = 'brief'): string[] {
  const dir = tempDir();
  const sample = readFileSync(EXAMPLE_YAML, 'utf8');
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `${prefix}-${String(i).padStart(3, '0')}.yaml`);
    writeFileSync(
      path,
      sample.replace('  title: Carney in Beijing', `  title: Carney in Beijing ${i}`),
    );
    return path;
  });
}

/** A worker process of the CLI, with what it prints. */
interface WorkerProcess {
  readonly child: ChildProcess;
  readonly log: () => string;
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
}

/**
 * A worker process of the CLI. `lock` is how long its job is its own without a sign of life: short where
 * a killed worker's job must come back soon; the default (30 s) elsewhere, since a render blocks the
 * event loop that renews the lock, and on a loaded machine a short lock would expire under a live worker.
 */
function startWorker(url: string, queue: string, out: string, lock = 30_000): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      resolve('dist/cli/main.js'),
      'worker',
      '--redis',
      url,
      '--queue',
      queue,
      '--out',
      out,
      '--lock-duration',
      String(lock),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const ready = new Promise<void>((done, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('briefwright: worker on')) done();
    });
    child.once('exit', () => fail(new Error(`the worker stopped: ${stderr}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, log: () => stdout, ready, exited };
}

/** The ids a worker says it rendered. */
function rendered(log: string): string[] {
  return [...log.matchAll(/^rendered (\w+) /gm)].map((match) => match[1] ?? '');
}

/** Waits until a queue's jobs are all done or failed. */
async function settled(url: string, queue: string, total: number, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const { counts } = await queueStatus(url, { queue });
    if (counts.completed + counts.failed >= total) return;
    if (Date.now() > until) throw new Error(`the queue did not finish: ${JSON.stringify(counts)}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe('the queue without a Redis to reach', () => {
  it('is a USAGE error naming where it looked, at once', async () => {
    const started = Date.now();
    await expect(enqueueRenders('redis://127.0.0.1:1', [EXAMPLE_YAML])).rejects.toMatchObject({
      code: 'USAGE',
      message: 'cannot reach Redis at redis://127.0.0.1:1',
    });
    await expect(queueStatus('http://127.0.0.1:6379')).rejects.toMatchObject({
      code: 'USAGE',
      message: 'cannot read "http://127.0.0.1:6379" as a Redis URL',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});

describe.skipIf(!hasRedis)('rendering on a queue in Redis (BullMQ)', () => {
  let redis: { url: string; stop: () => void };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('three worker processes render 200 briefs, each exactly once, byte for byte as a local render', async () => {
    const inputs = briefs(200);
    const out = tempDir();
    const workers = [1, 2, 3].map(() => startWorker(redis.url, 'many', out));
    await Promise.all(workers.map((w) => w.ready));
    const result = await enqueueRenders(redis.url, inputs, { queue: 'many', formats: ['pdf'] });
    expect(result.added).toBe(200);
    await settled(redis.url, 'many', 200, 240_000);
    for (const worker of workers) worker.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0, 0]);

    const ids = workers.flatMap((w) => rendered(w.log()));
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(workers.filter((w) => rendered(w.log()).length > 0).length).toBeGreaterThan(1);
    expect(readdirSync(out).filter((name) => name.endsWith('.pdf'))).toHaveLength(200);
    const local = tempDir();
    for (const input of inputs.filter((_, i) => i % 25 === 0)) {
      const [file] = (await renderToFiles(input, { outDir: local, formats: ['pdf'] })).files;
      const name = file?.path.split('/').pop() ?? '';
      expect(readFileSync(join(out, name)).equals(readFileSync(file?.path ?? '')), name).toBe(true);
    }
  }, 300_000);

  it('gives the jobs of a worker killed mid-batch to another, and leaves no partial file', async () => {
    const inputs = briefs(30, 'killed');
    const out = tempDir();
    const doomed = startWorker(redis.url, 'killed', out, 5000);
    const survivor = startWorker(redis.url, 'killed', out, 5000);
    await Promise.all([doomed.ready, survivor.ready]);
    await enqueueRenders(redis.url, inputs, { queue: 'killed', formats: ['pdf'] });
    // Killed right after it finishes a job: it has taken the next one and is rendering it.
    while (rendered(doomed.log()).length < 2) await new Promise((done) => setTimeout(done, 5));
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    await settled(redis.url, 'killed', 30, 120_000);
    survivor.child.kill('SIGTERM');
    await survivor.exited;

    const status = await queueStatus(redis.url, { queue: 'killed' });
    expect(status.counts).toMatchObject({ completed: 30, failed: 0 });
    const queue = new Queue('killed', {
      connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port) },
    });
    const done = await queue.getCompleted(0, 100);
    await queue.close();
    // The job the killed worker held went back to the queue once its lock ran out.
    expect(done.some((job) => job.stalledCounter > 0)).toBe(true);
    const ids = [...rendered(doomed.log()), ...rendered(survivor.log())];
    expect(new Set(ids).size).toBe(30);
    // Every PDF whole, no temporary file left.
    const names = readdirSync(out);
    expect(names.filter((name) => name.endsWith('.pdf'))).toHaveLength(30);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const name of names) {
      const bytes = readFileSync(join(out, name));
      expect(bytes.subarray(0, 5).toString(), name).toBe('%PDF-');
      expect(bytes.subarray(-6).toString().trim(), name).toBe('%%EOF');
    }
  }, 180_000);

  it('fails a malformed input’s job once, with its code and line, and renders a batch submitted twice once', async () => {
    const inputs = briefs(5, 'twice');
    const broken = join(tempDir(), 'broken.yaml');
    writeFileSync(broken, 'meta:\n  titel: Broken\n');
    const first = await enqueueRenders(redis.url, [...inputs, broken], {
      queue: 'once',
      formats: ['pdf'],
    });
    const again = await enqueueRenders(redis.url, inputs, { queue: 'once', formats: ['pdf'] });
    expect([first.added, again.added, again.existing]).toEqual([6, 0, 5]);
    const out = tempDir();
    const worker = startWorker(redis.url, 'once', out);
    await worker.ready;
    await settled(redis.url, 'once', 6, 60_000);
    const late = await enqueueRenders(redis.url, inputs, { queue: 'once', formats: ['pdf'] });
    expect(late.added).toBe(0);
    // The same input with other options is another job; this one names a folder of its own inside the
    // worker's, and one that names a folder outside it fails.
    const other = await enqueueRenders(redis.url, inputs.slice(0, 1), {
      queue: 'once',
      formats: ['pptx'],
      outDir: 'decks',
    });
    const outside = await enqueueRenders(redis.url, inputs.slice(1, 2), {
      queue: 'once',
      formats: ['pptx'],
      outDir: '../elsewhere',
    });
    expect([other.added, outside.added]).toEqual([1, 1]);
    await settled(redis.url, 'once', 8, 60_000);
    // A failed job submitted again is tried again (its input may have been mended).
    const retried = await enqueueRenders(redis.url, [broken], { queue: 'once', formats: ['pdf'] });
    expect(retried.added).toBe(1);
    await settled(redis.url, 'once', 8, 60_000);
    worker.child.kill('SIGTERM');
    await worker.exited;
    expect(rendered(worker.log())).toHaveLength(6);
    expect(readdirSync(join(out, 'decks'))).toEqual(['twice-000.pptx']);

    const status = await queueStatus(redis.url, { queue: 'once' });
    expect(status.counts).toMatchObject({ completed: 6, failed: 2 });
    expect(status.failures.map((f) => f.error?.code).sort()).toEqual(['UNKNOWN_FIELD', 'USAGE']);
    expect(status.failures.find((f) => f.error?.code === 'USAGE')?.reason).toContain(
      "the job's output folder ../elsewhere is outside the worker's",
    );
    expect(status.failures.find((f) => f.error?.code === 'UNKNOWN_FIELD')?.error).toMatchObject({
      code: 'UNKNOWN_FIELD',
      file: broken,
      line: 2,
    });
    const queue = new Queue('once', {
      connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port) },
    });
    const failed = (await queue.getFailed()).find((job) => job.data.input === broken);
    await queue.close();
    // Bad input is not retried by BullMQ: one attempt, and one more when it was submitted again.
    expect(failed?.attemptsMade).toBe(2);
  }, 120_000);
});
