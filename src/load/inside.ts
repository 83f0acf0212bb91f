import { isAbsolute, relative, sep } from 'node:path';

/** Whether a real path lies inside a real folder (or is the folder itself). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
