import { type FSWatcher, watch } from 'node:fs';
import { resolve } from 'node:path';

/** How long to wait after the last change before rendering again: editors write files in bursts. */
const DEBOUNCE_MS = 150;

/**
 * Runs `renderAll` again whenever one of the watched paths changes (debounced), until the signal aborts.
 * A render that fails is reported by `renderAll` itself; watching goes on.
 */
export function watchAndRender(
  paths: readonly string[],
  renderAll: () => Promise<void>,
  note: (message: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((done) => {
    const watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(async () => {
          note(`change seen, rendering again (${new Date().toLocaleTimeString()})`);
          await renderAll();
        });
      }, DEBOUNCE_MS);
    };
    for (const path of new Set(paths.map((p) => resolve(p)))) {
      try {
        watchers.push(watch(path, { recursive: true }, schedule));
      } catch {
        note(`cannot watch ${path}; it is skipped`);
      }
    }
    note(
      `watching ${watchers.length} path${watchers.length === 1 ? '' : 's'}; press Ctrl-C to stop`,
    );
    const stop = () => {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      void running.then(done);
    };
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
}
