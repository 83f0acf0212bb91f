import PptxGenJS from 'pptxgenjs';

/** What the deck baseline reads of a section. */
export interface BaselineSection {
  readonly title: string;
  readonly bullets?: readonly string[] | undefined;
  readonly body?: string | undefined;
  readonly table?:
    | { readonly columns: readonly unknown[]; readonly rows: readonly (readonly unknown[])[] }
    | undefined;
}

/**
 * The deck baseline: the content written straight with pptxgenjs, one slide per section (title, bullets,
 * the table as a native table, the body as notes), no measuring and no splitting. Only pptxgenjs is
 * loaded, so that the cold floor is pptxgenjs' own.
 */
export async function baselineDeck(
  title: string,
  sections: readonly BaselineSection[],
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.addSlide().addText(title, { x: 0.5, y: 2, w: 12, h: 1.5, fontSize: 36, bold: true });
  for (const section of sections) {
    const slide = pptx.addSlide();
    slide.addText(section.title, { x: 0.5, y: 0.3, w: 12.3, h: 1, fontSize: 28, bold: true });
    const bullets = section.bullets ?? [];
    if (bullets.length > 0) {
      slide.addText(
        bullets.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
        { x: 0.5, y: 1.4, w: 12.3, h: 2.5, fontSize: 18 },
      );
    }
    if (section.table) {
      const rows = [section.table.columns, ...section.table.rows].map((row) =>
        row.map((cell) => ({ text: String(cell) })),
      );
      slide.addTable(rows, { x: 0.5, y: 4, w: 12.3, fontSize: 14 });
    }
    if (section.body) slide.addNotes(section.body);
  }
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
