import type { StructElement } from '../layout/struct.js';

/**
 * Wraps drawing in marked content for tagged PDF: runs of items of one structure element become one
 * marked-content sequence attached to that element; untagged items (fills, rules, leaders, repeated
 * headers) become artifacts. Elements are created when their first content is drawn, so the structure
 * tree follows reading order.
 */
export class Marker {
  readonly #doc: PDFKit.PDFDocument;
  readonly #structure: readonly StructElement[];
  readonly #elements = new Map<number, PDFKit.PDFStructureElement>();
  #open: number | 'artifact' | undefined;
  #lastTopLevel: PDFKit.PDFStructureElement | undefined;

  constructor(doc: PDFKit.PDFDocument, structure: readonly StructElement[]) {
    this.#doc = doc;
    this.#structure = structure;
    const root = doc.struct(structure[0]?.role ?? 'Document');
    doc.addStructure(root);
    this.#elements.set(0, root);
  }

  /** Puts what is drawn next into the element `tag`, or into an artifact when there is none. */
  enter(tag: number | undefined): void {
    const key = tag !== undefined && tag > 0 && this.#structure[tag] ? tag : 'artifact';
    if (key === this.#open) return;
    this.close();
    if (key === 'artifact') {
      this.#doc.markContent('Artifact', { type: 'Layout' });
    } else {
      const content = this.#doc.markStructureContent(this.#structure[key]?.role ?? 'Span');
      this.element(key).add(content);
    }
    this.#open = key;
  }

  /** Draws page furniture (running header and footer) as a pagination artifact. */
  pagination(draw: () => void): void {
    this.close();
    this.#doc.markContent('Artifact', { type: 'Pagination' });
    draw();
    this.#doc.endMarkedContent();
  }

  /** Ends the open marked-content sequence (before a new page, and at the end). */
  close(): void {
    if (this.#open !== undefined) this.#doc.endMarkedContent();
    this.#open = undefined;
  }

  /** The structure element of an id, created (with its ancestors) on first use. */
  element(id: number): PDFKit.PDFStructureElement {
    const existing = this.#elements.get(id);
    if (existing) return existing;
    const spec = this.#structure[id];
    const parent = this.element(spec?.parent ?? 0);
    const element = this.#doc.struct(spec?.role ?? 'Span', {
      ...(spec?.alt ? { alt: spec.alt } : {}),
      ...(spec?.scope ? { scope: spec.scope } : {}),
    } as PDFKit.Mixins.StructureElementOptions);
    parent.add(element);
    this.#elements.set(id, element);
    if ((spec?.parent ?? 0) === 0 && !spec?.floating) {
      // Elements come in reading order: a new top-level element means the previous one is complete,
      // so pdfkit can write it out now instead of holding the whole tree until the end. Floating ones
      // (footnotes, drawn at the foot of pages while a paragraph goes on) end with the document.
      this.#lastTopLevel?.end();
      this.#lastTopLevel = element;
    }
    return element;
  }

  /** Closes the structure tree once everything is drawn. */
  finish(): void {
    this.close();
    this.#elements.get(0)?.end();
  }
}
