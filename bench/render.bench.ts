import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { bench, describe } from 'vitest';
import { render } from '../src/index.js';

const INPUT = 'examples/carney-xi/carney-xi.yaml';
const ARTICLE = readSeed();

function readSeed(): string {
  try {
    return readFileSync('../shared/seed/carney-xi-article.txt', 'utf8');
  } catch {
    return '';
  }
}

/** The floor: the same article's text through pdfkit alone (Helvetica, pdfkit's own wrapping), no layout. */
function pdfkitAlone(text: string): Promise<number> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 62 });
    let bytes = 0;
    doc.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    doc.on('end', () => resolve(bytes));
    doc.fontSize(10.5).text(text);
    doc.end();
  });
}

const article = ARTICLE || readFileSync(INPUT, 'utf8');

// Warm the per-process caches (fonts, templates) once, as a long-running process or a batch would.
await render(INPUT);

describe('one brief (Carney–Xi sample), per document, fonts parsed once per process', () => {
  bench('baseline: pdfkit alone, plain text, Helvetica', async () => {
    await pdfkitAlone(article);
  });
  bench('briefwright PDF', async () => {
    await render(INPUT, { formats: ['pdf'] });
  });
  bench('briefwright PPTX', async () => {
    await render(INPUT, { formats: ['pptx'] });
  });
  bench('briefwright PDF + PPTX', async () => {
    await render(INPUT);
  });
});
