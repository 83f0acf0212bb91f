import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** Whether Debian's redis-server is installed (`.ci/run` installs it and sets BRIEFWRIGHT_REQUIRE_TOOLS=1). */
export const hasRedis = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;
if (process.env.BRIEFWRIGHT_REQUIRE_TOOLS === '1' && !hasRedis)
  throw new Error('the queue tests need redis-server (apt-get install redis-server)');

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something answers on a port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A Redis server of the test's own on a loopback port, nothing saved to disk; `stop()` ends it. */
export async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !(await answers(port)); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return { url: `redis://127.0.0.1:${port}`, stop: () => server.kill('SIGTERM') };
}
