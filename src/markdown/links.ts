import type { LinkTarget } from '../tree/types.js';
import { decodeEntities } from './entities.js';

/** The schemes that become live links unless a render allows others. */
export const DEFAULT_LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/**
 * Whether a reader or browser ignores or strips this character inside an address (ASCII controls and
 * spaces, C1 controls, soft hyphens, zero-width and bidi controls): `java\tscript:` and
 * `java&#8203;script:` must be judged as `javascript:`.
 */
function isInvisible(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    code === 0x61c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff
  );
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** What a link's destination turned out to be: a target to make live, or why it is not one. */
export type LinkVerdict = { readonly target: LinkTarget } | { readonly refused: string };

/**
 * Judges a Markdown link destination as written (entities not yet decoded): an internal `#id`, an
 * absolute address whose scheme is in `schemes` (normalised by the WHATWG URL parser), or refused with
 * the reason. Relative names, UNC paths and every other scheme are refused, whatever their case,
 * entities or hidden characters.
 */
export function judgeLink(destination: string, schemes: readonly string[]): LinkVerdict {
  const written = decodeEntities(destination).trim();
  const probe = [...written].filter((char) => !isInvisible(char.codePointAt(0) ?? 0)).join('');
  if (probe.startsWith('#'))
    return { target: { kind: 'anchor', id: decodeAnchor(probe.slice(1)) } };
  const scheme = SCHEME.exec(probe)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return {
      refused:
        probe.startsWith('\\\\') || probe.startsWith('//')
          ? 'is a network path'
          : 'is a relative path, not a web address',
    };
  }
  if (!schemes.includes(scheme)) return { refused: `uses the "${scheme}:" scheme` };
  // The scheme must be the same once a URL parser has read the address as a browser would.
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return { refused: 'is not a valid address' };
  }
  if (url.protocol !== `${scheme}:`) return { refused: 'is not a valid address' };
  return { target: { kind: 'url', url: url.href } };
}

function decodeAnchor(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Lower-cases and checks a list of allowed schemes (`"https"`, `"tel:"`), for options. */
export function normalizeSchemes(schemes: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const scheme of schemes) {
    const name = String(scheme).replace(/:$/, '').toLowerCase();
    if (!/^[a-z][a-z0-9+.-]*$/.test(name)) return undefined;
    out.push(name);
  }
  return out;
}
