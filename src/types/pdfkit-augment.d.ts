// pdfkit 0.20 attaches an annotation to a structure element given as `structParent`; @types/pdfkit lags.
declare namespace PDFKit.Mixins {
  interface AnnotationOption {
    structParent?: PDFStructureElement | undefined;
  }
}
