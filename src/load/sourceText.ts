import { open } from 'node:fs/promises';
import { BriefwrightError } from '../diagnostics/errors.js';
import { DEFAULT_LIMITS, limitError } from './limits.js';

/**
 * Reads an input file as UTF-8 text: refuses invalid UTF-8, drops a BOM, turns CRLF into LF. Reads at
 * most `maxBytes` (what is read counts, not what the file system says: a link to `/dev/zero` or a pipe
 * has no size until it is read).
 */
export async function readSourceText(
  file: string,
  maxBytes = DEFAULT_LIMITS.maxInputBytes,
): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(file, maxBytes);
  } catch (cause) {
    if (cause instanceof BriefwrightError) throw cause;
    throw new BriefwrightError(
      'INPUT_NOT_FOUND',
      `cannot read the input: ${describeIoError(cause)}`,
      {
        file,
        cause,
        hint: 'check the path; it is resolved against the current folder',
      },
    );
  }
  return decodeSourceText(bytes, file);
}

/** The bytes of a file, or a LIMIT_EXCEEDED error as soon as more than `maxBytes` have been read. */
async function readBounded(file: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    const over = (size?: number) =>
      limitError(
        'maxInputBytes',
        `an input of ${size === undefined ? 'more than ' : ''}${megabytes(size ?? maxBytes)}`,
        megabytes(maxBytes),
        { file },
      );
    if (info.isFile() && info.size > maxBytes) throw over(info.size);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw over();
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Bytes as megabytes for messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Decodes bytes as UTF-8 text the way {@link readSourceText} does. */
export function decodeSourceText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf8(bytes);
    throw new BriefwrightError('INPUT_ENCODING', `the file is not valid UTF-8 (byte ${offset})`, {
      file,
      ...lineColumnAt(new TextDecoder('utf-8').decode(bytes.subarray(0, offset)), offset),
      cause,
      hint: 'save the file as UTF-8',
    });
  }
  return normalizeNewlines(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/** Turns CRLF and lone CR line endings into LF so that positions count lines the same everywhere. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The 1-based line and column of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Bisect on the longest valid prefix; a split multi-byte sequence at the cut is tolerated by `stream`.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

function describeIoError(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause) {
    if (cause.code === 'ENOENT') return 'no such file';
    if (cause.code === 'EISDIR') return 'it is a folder, not a file';
    if (cause.code === 'EACCES') return 'permission denied';
  }
  return cause instanceof Error ? cause.message : String(cause);
}
