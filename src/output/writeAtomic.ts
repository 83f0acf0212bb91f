import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BriefwrightError } from '../diagnostics/errors.js';

/** Temporary files being written right now, so that an interrupted process can remove them. */
const pending = new Set<string>();

/** Output folders where worker threads of this process may be writing temporary files. */
const folders = new Set<string>();

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
      temps.push({ temp, path: file.path });
      pending.add(temp);
      await writeFile(temp, file.bytes);
    }
    for (const { temp, path } of temps) {
      current = path;
      await rename(temp, path);
      pending.delete(temp);
    }
  } catch (cause) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
    for (const { temp } of temps) pending.delete(temp);
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
