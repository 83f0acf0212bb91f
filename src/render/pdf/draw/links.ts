/** The URI actions of a document, one per address. */
const actions = new WeakMap<PDFKit.PDFDocument, Map<string, PDFKit.PDFKitReference>>();

/**
 * A link to a web address over one piece of its text. The address's URI action is written once per
 * document and shared by every piece (pdfkit's `link` writes it again for each: a 100 KB address
 * broken over 1,100 lines made a 140 MB file). The annotation joins its Link element when given one.
 */
export function drawUrlLink(
  doc: PDFKit.PDFDocument,
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  url: string,
  structParent: PDFKit.PDFStructureElement | undefined,
): void {
  let byUrl = actions.get(doc);
  if (!byUrl) {
    byUrl = new Map();
    actions.set(doc, byUrl);
  }
  let action = byUrl.get(url);
  if (!action) {
    // pdfkit writes a String object as a PDF string, a plain string as a name.
    action = doc.ref({ S: 'URI', URI: new String(url) });
    action.end(undefined);
    byUrl.set(url, action);
  }
  const options: PDFKit.Mixins.AnnotationOption & {
    Subtype: 'Link';
    structParent?: PDFKit.PDFStructureElement;
  } = {
    Subtype: 'Link',
    A: action,
    // An empty PDF string, as pdfkit's own links have.
    ...(structParent ? { structParent, Contents: new String('') as unknown as string } : {}),
  };
  doc.annotate(box.x, box.y, box.width, box.height, options);
}
