import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BriefwrightError } from '../diagnostics/errors.js';

/** Temporary files being written right now, so that an interrupted process can remove them. */
const pending = new Set<string>();

/** Output folders where worker threads of this process may be writing temporary files. */
const folders = new Set<string>();

/** Batches whose worker threads may be writing temporary files right now. */
let otherThreads = 0;

/** Who wants to know when this process has temporary files that an interruption must remove. */
const listeners = new Set<(active: boolean) => void>();
let active = false;

function notify(): void {
  const now = pending.size > 0 || otherThreads > 0;
  if (now === active) return;
  active = now;
  for (const listener of listeners) listener(now);
}

/**
 * Calls `listener(true)` when this process starts having temporary files that an interruption must
 * remove (a write in progress here, or a batch whose worker threads write), and `listener(false)` when
 * it has none again; at other times there is nothing to clean up and a signal may end the process at
 * once. Returns a function that stops listening.
 */
export function onTemporaryFiles(listener: (active: boolean) => void): () => void {
  listeners.add(listener);
  if (active) listener(true);
  return () => listeners.delete(listener);
}

/** Marks a batch whose worker threads may write temporary files, until the returned function is called. */
export function holdTemporaryFiles(): () => void {
  otherThreads++;
  notify();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    otherThreads--;
    notify();
  };
}

/** Names a folder whose temporary files of this process an interrupted process should remove. */
export function watchOutputFolder(dir: string): void {
  folders.add(dir);
}

/**
 * Removes the temporary files of writes in progress (for a process about to exit on a signal): this
 * thread's, and any other thread's of this process in the folders named by {@link watchOutputFolder}.
 */
export function removePendingTemporaryFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
  const ours = new RegExp(`^\\..+\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`);
  for (const dir of folders) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (ours.test(name)) rmSync(join(dir, name), { force: true });
  }
}

/** The name of a temporary file: `.name.pid.hex.tmp`, with the pid of the process writing it. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Folders already cleared of stale temporary files by this process. */
const cleared = new Set<string>();

/**
 * Removes, once per folder and process, the temporary files of processes that no longer run: a render
 * killed outright (SIGKILL, a machine that lost power) could not remove its own.
 */
async function removeStaleTemporaries(dir: string): Promise<void> {
  const key = resolve(dir);
  if (cleared.has(key)) return;
  cleared.add(key);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid))
      await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Whether a process of this machine runs with this pid (one of another user counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file to write. */
export interface OutputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * Writes files all or nothing, as far as a file system allows: every file goes to a temporary file in its
 * target folder first, and only when all are written are they renamed into place. On failure the
 * temporary files are removed and earlier files at the targets are left as they were.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const temps: { temp: string; path: string }[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const file of files) {
      current = file.path;
      const temp = join(
        dirname(file.path),
        `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
      );
      await mkdir(dirname(file.path), { recursive: true });
      await removeStaleTemporaries(dirname(file.path));
      temps.push({ temp, path: file.path });
      pending.add(temp);
      notify();
      await writeFile(temp, file.bytes);
    }
    for (const { temp, path } of temps) {
      current = path;
      await rename(temp, path);
      pending.delete(temp);
      notify();
    }
  } catch (cause) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
    for (const { temp } of temps) pending.delete(temp);
    notify();
    throw new BriefwrightError(
      'OUTPUT_WRITE',
      `cannot write the output: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        file: current,
        cause,
        hint: 'check that the output folder is writable and the disk has space',
      },
    );
  }
}
