// pdfkit 0.20 attaches an annotation to a structure element given as `structParent`; @types/pdfkit lags.
declare namespace PDFKit.Mixins {
  interface AnnotationOption {
    structParent?: PDFStructureElement | undefined;
  }
}

// pdfkit's `image()` also takes an image already opened: an object with a size, a label and `embed()`.
declare namespace PDFKit.Mixins {
  interface OpenedImage {
    readonly width: number;
    readonly height: number;
    readonly label: string;
    obj: PDFKitReference | null;
    embed(doc: PDFDocument): void;
  }
  interface PDFImage {
    image(src: OpenedImage, x?: number, y?: number, options?: ImageOption): this;
  }
}
