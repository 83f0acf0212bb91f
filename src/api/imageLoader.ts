import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Warning } from '../diagnostics/warnings.js';
import { isInside } from '../load/inside.js';
import { type Limits, limitError } from '../load/limits.js';
import { imageInfo, type LoadedImage } from '../media/imageInfo.js';

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
  const fail = (why: string) => {
    policy.warn({
      code: 'IMAGE_UNAVAILABLE',
      message: `image "${clip(src)}" ${why}; its alt text is shown instead`,
      file: policy.file,
    });
    return undefined;
  };
  let data: Uint8Array;
  if (src.startsWith('data:')) {
    const match = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/.exec(src);
    if (!match?.[2]) return fail('is a data URI that is not a base64 PNG or JPEG');
    data = new Uint8Array(Buffer.from(match[2], 'base64'));
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
    return fail('is not a local file (briefwright never downloads anything)');
  } else {
    const root = policy.roots[0] ?? process.cwd();
    const path = isAbsolute(src) ? src : resolve(root, decodeURI(src));
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return fail('was not found');
    }
    const realRoots = await Promise.all(policy.roots.map((r) => realpath(r).catch(() => r)));
    if (!realRoots.some((r) => isInside(real, r)))
      return fail('is outside the input folder and the allowed image roots');
    data = new Uint8Array(await readFile(real));
  }
  if (data.length > policy.limits.maxImageBytes) {
    throw limitError(
      'maxImageBytes',
      `image "${clip(src)}" of ${data.length} bytes`,
      `${policy.limits.maxImageBytes} bytes`,
      { file: policy.file },
    );
  }
  const info = imageInfo(data);
  if (info && info.width * info.height > policy.limits.maxImagePixels) {
    const pixels = `${info.width} × ${info.height} pixels`;
    throw limitError(
      'maxImagePixels',
      `image "${clip(src)}" of ${pixels}`,
      `${policy.limits.maxImagePixels} pixels`,
      { file: policy.file },
    );
  }
  if (!info) return fail('is not a PNG or JPEG image');
  return { data, ...info };
}

/** The folder an input's images resolve against. */
export function inputFolder(file: string | undefined): string {
  return file ? dirname(resolve(file)) : process.cwd();
}

function clip(src: string): string {
  return src.length > 60 ? `${src.slice(0, 57)}…` : src;
}
