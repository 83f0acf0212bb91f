import { strFromU8, strToU8 } from 'fflate';
import {
  attribute,
  element,
  elements,
  folderOf,
  relationships,
  relsOf,
  resolvePart,
  withoutComments,
} from './xml.js';

/** A package's parts by name. */
type Parts = Record<string, Uint8Array>;

/** The template's slides carried into a deck: their parts and the content types they need. */
export interface KeptSlides {
  readonly parts: Parts;
  /** The slides' new part names, in the template's order. */
  readonly slides: readonly string[];
  readonly overrides: readonly string[];
}

const NOTES_SLIDE = /\/relationships\/notesSlide$/;

/** The parts a kept slide owns and brings along under names of their own. */
const OWNED = /^ppt\/(charts|embeddings|diagrams|comments|tags)\//;

/**
 * The template's own slides (in its presentation's order), renamed to follow the deck's: each keeps
 * its layout, its media (which the deck keeps with the template's), links to the other kept slides,
 * and the charts and embedded files it owns, copied under names of their own; its speaker notes are
 * left behind.
 */
export function keptSlides(template: Parts, after: number): KeptSlides {
  const text = (name: string) => withoutComments(strFromU8(template[name] ?? new Uint8Array()));
  const parts: Parts = {};
  const overrides: string[] = [];
  const types = elements(text('[Content_Types].xml'), 'Override');
  const typeOf = (name: string) =>
    attribute(
      types.find((tag) => attribute(tag, 'PartName') === `/${name}`),
      'ContentType',
    );
  const presentationRels = relationships(text('ppt/_rels/presentation.xml.rels'));
  const slides = elements(element(text('ppt/presentation.xml'), 'p:sldIdLst') ?? '', 'p:sldId')
    .map((tag) => presentationRels.find((r) => r.id === attribute(tag, 'r:id')))
    .flatMap((rel) => (rel && !rel.external ? [resolvePart('ppt/', rel.target)] : []))
    .filter((slide) => template[slide] !== undefined);
  // Every kept slide's new name first, so that links between them follow.
  const copied = new Map<string, string>(
    slides.map((slide, i) => [slide, `ppt/slides/slide${after + i + 1}.xml`]),
  );
  const copy = (name: string, renamed: string): void => {
    const data = template[name];
    if (!data) return;
    parts[renamed] = data;
    const type = typeOf(name);
    if (type) overrides.push(`<Override PartName="/${renamed}" ContentType="${type}"/>`);
    const rels = text(relsOf(name));
    if (!rels) return;
    const tags = elements(rels, 'Relationship').flatMap((tag) => {
      const rel = relationships(tag)[0];
      if (!rel || NOTES_SLIDE.test(rel.type)) return [];
      if (rel.external) return [tag];
      const target = resolvePart(folderOf(name), rel.target);
      let moved = copied.get(target);
      if (moved === undefined && OWNED.test(target)) {
        moved = target.replace(/([^/]+)$/, 'template-$1');
        copied.set(target, moved);
        copy(target, moved);
      }
      if (moved === undefined) return [tag];
      return [
        tag.replace(/Target=("[^"]*"|'[^']*')/, `Target="${relative(folderOf(renamed), moved)}"`),
      ];
    });
    parts[relsOf(renamed)] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tags.join('')}</Relationships>`,
    );
  };
  for (const slide of slides) copy(slide, copied.get(slide) ?? slide);
  return { parts, slides: slides.map((s) => copied.get(s) ?? s), overrides };
}

/** A part's name relative to a folder, as a relationship's target. */
function relative(folder: string, name: string): string {
  const from = folder.split('/').filter(Boolean);
  const to = name.split('/');
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
