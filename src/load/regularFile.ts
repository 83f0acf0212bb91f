import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a file a document names (an image, a font): only a regular file (a FIFO, a device or a folder is
 * refused before it is read: opening does not wait for a writer), and no more than `maxBytes`. Returns
 * the bytes, or why not.
 */
export function readRegularFile(
  path: string,
  maxBytes: number,
): { readonly data: Uint8Array } | { readonly unreadable: string } | { readonly size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { unreadable: 'cannot be opened' };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { unreadable: 'is not a regular file' };
    if (info.size > maxBytes) return { size: info.size };
    const data = new Uint8Array(info.size);
    let read = 0;
    while (read < data.length) {
      const n = readSync(fd, data, read, data.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return { data: data.subarray(0, read) };
  } catch {
    return { unreadable: 'cannot be read' };
  } finally {
    closeSync(fd);
  }
}
