import { strFromU8, strToU8 } from 'fflate';

/** A package's parts by name. */
type Parts = Record<string, Uint8Array>;

/** The template's slides carried into a deck: their parts and the content types they need. */
export interface KeptSlides {
  readonly parts: Parts;
  /** The slides' new part names, in the template's order. */
  readonly slides: readonly string[];
  readonly overrides: readonly string[];
}

const NOTES_SLIDE = /\/relationships\/notesSlide"/;

/**
 * The template's own slides (in its presentation's order), renamed to follow the deck's: each keeps
 * its layout, its media (which the deck keeps with the template's) and the charts and embedded files
 * it owns, copied under names of their own; its speaker notes are left behind.
 */
export function keptSlides(template: Parts, after: number): KeptSlides {
  const text = (name: string) => strFromU8(template[name] ?? new Uint8Array());
  const parts: Parts = {};
  const overrides: string[] = [];
  const types = text('[Content_Types].xml');
  const typeOf = (name: string) =>
    new RegExp(`<Override [^>]*PartName="/${literal(name)}"[^>]*ContentType="([^"]+)"`).exec(
      types,
    )?.[1] ??
    new RegExp(`<Override [^>]*ContentType="([^"]+)"[^>]*PartName="/${literal(name)}"`).exec(
      types,
    )?.[1];
  const copied = new Map<string, string>();
  // Copies a part and what it owns (by its relationships), renamed; returns the new name.
  const copy = (name: string, renamed: string): string => {
    const done = copied.get(name);
    if (done) return done;
    copied.set(name, renamed);
    const data = template[name];
    if (!data) return renamed;
    parts[renamed] = data;
    const type = typeOf(name);
    if (type) overrides.push(`<Override PartName="/${renamed}" ContentType="${type}"/>`);
    const rels = relsOf(name);
    if (!template[rels]) return renamed;
    const folder = name.slice(0, name.lastIndexOf('/') + 1);
    const newFolder = renamed.slice(0, renamed.lastIndexOf('/') + 1);
    const xml = text(rels).replace(/<Relationship [^>]*\/>/g, (tag) => {
      if (NOTES_SLIDE.test(tag)) return '';
      const target = /Target="([^"]+)"/.exec(tag)?.[1] ?? '';
      if (/TargetMode="External"/.test(tag)) return tag;
      const resolved = resolve(folder, target);
      if (!/^ppt\/(charts|embeddings|diagrams|tags)\//.test(resolved)) return tag;
      const moved = copy(resolved, resolved.replace(/([^/]+)$/, 'template-$1'));
      return tag.replace(`Target="${target}"`, `Target="${relative(newFolder, moved)}"`);
    });
    parts[relsOf(renamed)] = strToU8(xml);
    return renamed;
  };
  const presentation = text('ppt/presentation.xml');
  const presentationRels = text('ppt/_rels/presentation.xml.rels');
  const slides = [...presentation.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].flatMap(([, id]) => {
    const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(presentationRels)?.[0];
    const path = target && /Target="([^"]+)"/.exec(target)?.[1];
    return path ? [resolve('ppt/', path)] : [];
  });
  const renamed = slides.map((slide, i) => copy(slide, `ppt/slides/slide${after + i + 1}.xml`));
  return { parts, slides: renamed, overrides };
}

function relsOf(name: string): string {
  return name.replace(/([^/]+)$/, '_rels/$1.rels');
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A relationship's target resolved against its source's folder. */
function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out: string[] = folder.split('/').filter(Boolean);
  for (const piece of target.split('/'))
    if (piece === '..') out.pop();
    else if (piece !== '.') out.push(piece);
  return out.join('/');
}

/** A part's name relative to a folder, as a relationship's target. */
function relative(folder: string, name: string): string {
  const from = folder.split('/').filter(Boolean);
  const to = name.split('/');
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
