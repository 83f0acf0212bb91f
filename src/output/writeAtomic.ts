import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BriefwrightError } from '../diagnostics/errors.js';

/** Writes a file atomically: a temporary file in the same folder, renamed into place; nothing partial remains. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new BriefwrightError(
      'OUTPUT_WRITE',
      `cannot write the output: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        file: path,
        cause,
        hint: 'check that the output folder is writable and the disk has space',
      },
    );
  }
}
