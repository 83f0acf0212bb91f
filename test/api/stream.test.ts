import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import {
  createEngine,
  loadReport,
  pdfRenderer,
  type Renderer,
  type Report,
  render,
  renderToStream,
} from '../../src/index.js';
import { caughtError, EXAMPLE_YAML, pptxParts, tempDir } from '../helpers.js';

/** The sample brief with its sections repeated: a report of many pages. */
async function longReport(copies: number): Promise<Report> {
  const sample = await loadReport(EXAMPLE_YAML);
  const sections = Array.from({ length: copies }, (_, i) =>
    sample.sections.map((s) => ({ ...s, title: `${s.title} ${i}` })),
  ).flat();
  return { ...sample, sections };
}

describe('renderToStream', () => {
  it('writes the same PDF as render, in many chunks as pages are drawn, waiting for a slow stream', async () => {
    const report = await longReport(8);
    const chunks: Buffer[] = [];
    let drains = 0;
    let listeners = 0;
    // A stream with a tiny buffer: it asks the writer to wait after nearly every chunk.
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        listeners = Math.max(listeners, slow.listenerCount('drain'));
        setImmediate(done);
      },
    });
    slow.on('drain', () => drains++);
    const result = await renderToStream(report, slow, { format: 'pdf' });
    const whole = (await render(report, { formats: ['pdf'] })).outputs[0]?.bytes;
    expect(Buffer.concat(chunks).equals(Buffer.from(whole ?? []))).toBe(true);
    expect(chunks.length).toBeGreaterThan(10);
    expect(drains).toBeGreaterThan(0);
    // One wait at a time, however many chunks came while the stream was full.
    expect(listeners).toBeLessThanOrEqual(2);
    expect(result.warnings).toEqual([]);
  }, 60_000);

  it('hands each page on as one chunk as it is drawn, and stops drawing while the stream is full', async () => {
    const report = await longReport(6);
    const chunks: Buffer[] = [];
    let hold: (() => void) | undefined;
    let holding = true;
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        if (holding) hold = done;
        else done();
      },
    });
    const addPage = vi.spyOn(PDFDocument.prototype, 'addPage');
    let settled = false;
    const rendering = renderToStream(report, stream, { format: 'pdf' }).finally(() => {
      settled = true;
    });
    while (chunks.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The first page is out while the second is being drawn, and drawing waits for the stream.
    expect(chunks.length).toBe(1);
    expect(addPage.mock.calls.length).toBeLessThanOrEqual(3);
    expect(settled).toBe(false);
    holding = false;
    hold?.();
    await rendering;
    addPage.mockRestore();
    const pdf = Buffer.concat(chunks);
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(10);
    // pdfkit's many small writes reach the stream gathered: about one chunk per page, not thousands.
    expect(chunks.length).toBeGreaterThanOrEqual(pages / 2);
    expect(chunks.length).toBeLessThanOrEqual(pages + 2);
  }, 60_000);

  it('fails with OUTPUT_WRITE, naming the input, when the reader goes away mid-document', async () => {
    const report = await longReport(6);
    let writes = 0;
    const gone = new Writable({
      highWaterMark: 1,
      write(_chunk: Buffer, _encoding, done) {
        writes++;
        // The reader closes the connection after the first page: no error, no drain ever again.
        if (writes === 1) gone.destroy();
        done();
      },
    });
    const error = await caughtError(() =>
      renderToStream(report, gone, { format: 'pdf', file: 'long.yaml' }),
    );
    expect(error.code).toBe('OUTPUT_WRITE');
    expect(error.file).toBe('long.yaml');
    expect(error.message).toContain('output stream closed before the end');
    expect(writes).toBe(1);
  }, 60_000);

  it("fails with the stream's own error, and renders nothing into a stream already closed", async () => {
    const failing = new Writable({
      write(_chunk: Buffer, _encoding, done) {
        done(new Error('disk full'));
      },
    });
    const failed = await caughtError(() => renderToStream(EXAMPLE_YAML, failing));
    expect(failed.code).toBe('OUTPUT_WRITE');
    expect(failed.file).toBe(EXAMPLE_YAML);
    expect(failed.message).toContain('disk full');

    const closed = new Writable({ write: (_chunk, _encoding, done) => done() });
    closed.destroy();
    const addPage = vi.spyOn(PDFDocument.prototype, 'addPage');
    const refused = await caughtError(() => renderToStream(EXAMPLE_YAML, closed));
    expect(refused.code).toBe('OUTPUT_WRITE');
    expect(refused.hint).toContain('reader went away');
    expect(addPage).not.toHaveBeenCalled();
    addPage.mockRestore();
  });

  it('lets the document tree go once the document is laid out, while its pages are drawn', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    let tree: WeakRef<object> | undefined;
    // The built-in PDF renderer, watched: a plain function, so the watch itself holds nothing.
    const watched: Renderer = {
      ...pdfRenderer,
      stream: (doc, ctx, sink) => {
        tree = new WeakRef(doc);
        return pdfRenderer.stream?.(doc, ctx, sink) ?? Promise.resolve();
      },
    };
    let writes = 0;
    let goneWhileDrawing = false;
    const out = new Writable({
      write(_chunk: Buffer, _encoding, done) {
        writes++;
        // A few pages in: nothing of ours should hold the tree any more.
        if (writes === 3) {
          collect();
          goneWhileDrawing = tree?.deref() === undefined;
        }
        done();
      },
    });
    await renderToStream(await longReport(4), out, {
      format: 'pdf',
      engine: createEngine({ renderers: [watched] }),
    });
    expect(writes).toBeGreaterThan(3);
    expect(goneWhileDrawing).toBe(true);
  }, 60_000);

  it('writes a deck whole, to a file stream', async () => {
    const dir = tempDir();
    const path = join(dir, 'deck.pptx');
    const file = createWriteStream(path);
    await renderToStream(EXAMPLE_YAML, file, { format: 'pptx' });
    await new Promise<void>((resolve) => file.end(resolve));
    const parts = await pptxParts(new Uint8Array(readFileSync(path)));
    expect(parts.names).toContain('ppt/slides/slide1.xml');
  });
});
