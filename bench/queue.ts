import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueRenders, queueStatus } from 'briefwright/queue';

// The queue's overhead: the bench's 200 briefs through local worker processes and Redis, timed from
// starting the workers (their start-up counts, as a pool's does) to the last job done.

/** Whether Debian's redis-server is installed. */
export const hasRedis = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

/** Briefs a second through `workers` worker processes of the CLI and a Redis server of its own. */
export async function queueRate(count: number, workers: number): Promise<{ perSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefwright-queue-'));
  const port = 20_000 + (process.pid % 20_000);
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const text = readFileSync('examples/carney-xi/carney-xi.yaml');
  const inputs = Array.from({ length: count }, (_, i) => {
    const path = join(dir, `brief-${i}.yaml`);
    writeFileSync(path, text);
    return path;
  });
  await new Promise((done) => setTimeout(done, 300));
  try {
    const started = performance.now();
    const children = Array.from({ length: workers }, () =>
      spawn(
        process.execPath,
        ['dist/cli/main.js', 'worker', '--redis', url, '--out', join(dir, 'out'), '-q'],
        { stdio: 'ignore' },
      ),
    );
    await enqueueRenders(url, inputs);
    for (;;) {
      const { counts } = await queueStatus(url);
      if (counts.completed + counts.failed >= count) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    for (const child of children) child.kill('SIGTERM');
    return { perSecond: count / seconds };
  } finally {
    redis.kill('SIGTERM');
  }
}
