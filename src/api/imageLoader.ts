import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Warning } from '../diagnostics/warnings.js';
import { isInside } from '../load/inside.js';
import { type Limits, limitError } from '../load/limits.js';
import { readRegularFile } from '../load/regularFile.js';
import { checkImage, type LoadedImage } from '../media/imageInfo.js';

/** Where images may come from. */
export interface ImagePolicy {
  /** Folders images may be read from; relative `src` resolves against the first. */
  readonly roots: readonly string[];
  readonly warn: (warning: Omit<Warning, 'format'>) => void;
  readonly file: string | undefined;
  readonly limits: Limits;
}

/**
 * Builds the image loader of a render: data URIs, or local PNG/JPEG files inside the allowed roots.
 * Never the network; never a path that leaves the roots (`..`, absolute paths, symlinks).
 */
export function createImageLoader(
  policy: ImagePolicy,
): (src: string) => Promise<LoadedImage | undefined> {
  const cache = new Map<string, Promise<LoadedImage | undefined>>();
  return (src) => {
    let pending = cache.get(src);
    if (!pending) {
      pending = loadImage(src, policy);
      cache.set(src, pending);
    }
    return pending;
  };
}

async function loadImage(src: string, policy: ImagePolicy): Promise<LoadedImage | undefined> {
  const warn = (code: 'IMAGE_UNAVAILABLE' | 'IMAGE_INVALID', why: string) => {
    policy.warn({
      code,
      message: `image "${clip(src)}" ${why}; its alt text is shown instead`,
      file: policy.file,
    });
    return undefined;
  };
  const tooBig = (bytes: number) =>
    limitError(
      'maxImageBytes',
      `image "${clip(src)}" of ${bytes} bytes`,
      `${policy.limits.maxImageBytes} bytes`,
      { file: policy.file },
    );
  let data: Uint8Array;
  if (src.startsWith('data:')) {
    const match = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/.exec(src);
    if (!match?.[2])
      return warn('IMAGE_UNAVAILABLE', 'is a data URI that is not a base64 PNG or JPEG');
    if (match[2].length * 0.75 > policy.limits.maxImageBytes) throw tooBig(match[2].length * 0.75);
    data = new Uint8Array(Buffer.from(match[2], 'base64'));
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
    return warn('IMAGE_UNAVAILABLE', 'is not a local file (briefwright never downloads anything)');
  } else {
    const real = await insideRoots(src, policy.roots);
    // One answer for a missing file, a file outside the folders and one that cannot be read, so that
    // a message never tells whether a path outside exists.
    const unavailable = () =>
      warn(
        'IMAGE_UNAVAILABLE',
        'is not a readable file in the input folder or an allowed image root',
      );
    if (!real) return unavailable();
    const read = readRegularFile(real, policy.limits.maxImageBytes);
    if ('size' in read) throw tooBig(read.size);
    if ('unreadable' in read) return unavailable();
    data = read.data;
  }
  if (data.length > policy.limits.maxImageBytes) throw tooBig(data.length);
  const checked = checkImage(data, policy.limits.maxImagePixels);
  if ('tooLarge' in checked) {
    const { width, height } = checked.tooLarge;
    throw limitError(
      'maxImagePixels',
      `image "${clip(src)}" of ${width} × ${height} pixels`,
      `${policy.limits.maxImagePixels} pixels`,
      { file: policy.file },
    );
  }
  if ('invalid' in checked) return warn('IMAGE_INVALID', `${checked.invalid}, so it is left out`);
  return checked.image;
}

/**
 * The real path of an image `src`, when it lies inside one of the roots: relative paths resolve against
 * the first root, percent-escapes are decoded where they are well formed, and a path that leaves the
 * roots by `..` is refused before the file system is asked anything.
 */
async function insideRoots(src: string, roots: readonly string[]): Promise<string | undefined> {
  const root = roots[0] ?? process.cwd();
  const path = isAbsolute(src) ? src : resolve(root, decodePath(src));
  if (!roots.some((r) => isInside(path, resolve(r)))) return undefined;
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return undefined;
  }
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  return realRoots.some((r) => isInside(real, r)) ? real : undefined;
}

/** A path with its percent-escapes decoded (`my%20chart.png`); a stray `%` stays as written. */
function decodePath(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** The folder an input's images resolve against. */
export function inputFolder(file: string | undefined): string {
  return file ? dirname(resolve(file)) : process.cwd();
}

function clip(src: string): string {
  return src.length > 60 ? `${src.slice(0, 57)}…` : src;
}
