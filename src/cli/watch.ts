import { resolve } from 'node:path';
import { watch } from 'chokidar';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

/** How long to wait after the last change before rendering again: editors write files in bursts. */
const DEBOUNCE_MS = 150;

/**
 * Runs `renderAll` again whenever one of the watched paths changes or a new file matches one of the glob
 * patterns (debounced), until the signal aborts. chokidar follows a file through an atomic save (written
 * to a temporary file, then renamed over it, as editors and `sed -i` do), which `fs.watch` on the path
 * lost after the first. A render that fails is reported by `renderAll` itself; watching goes on.
 */
export async function watchAndRender(
  patterns: readonly string[],
  paths: readonly string[],
  renderAll: () => Promise<void>,
  note: (message: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const matchers = patterns.map((pattern) => picomatch(resolve(pattern)));
  // The folders a pattern's new files may appear in: where its files are now, and its fixed base.
  const folders = await Promise.all(
    patterns.map(async (pattern) => {
      const base = picomatch.scan(pattern).base || '.';
      return [base, ...(await glob(pattern, { onlyDirectories: true, expandDirectories: false }))];
    }),
  );
  const watched = [...new Set([...paths, ...folders.flat()].map((p) => resolve(p)))];
  const files = new Set(paths.map((p) => resolve(p)));
  const watcher = watch(watched, { ignoreInitial: true, atomic: true });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  note(`watching ${watched.length} path${watched.length === 1 ? '' : 's'}; press Ctrl-C to stop`);
  return new Promise((done) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = Promise.resolve();
    watcher.on('all', (_event, path) => {
      const full = resolve(path);
      const relevant =
        files.has(full) ||
        matchers.some((match) => match(full)) ||
        paths.some((p) => full.startsWith(`${resolve(p)}/`));
      if (!relevant) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(async () => {
          note(`change seen, rendering again (${new Date().toLocaleTimeString()})`);
          await renderAll();
        });
      }, DEBOUNCE_MS);
    });
    watcher.on('error', (error) => note(`watching failed: ${String(error)}`));
    const stop = () => {
      if (timer) clearTimeout(timer);
      void watcher.close().then(() => running.then(done));
    };
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
}
