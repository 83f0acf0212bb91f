import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { render, renderMany, renderToFiles, renderToStream, validate } from '../../src/index.js';
import { caughtError, EXAMPLE_YAML, pdfPages, tempDir } from '../helpers.js';

describe('render() takes text as well as a file', () => {
  it('Markdown text: the first heading is the title', async () => {
    const { report, outputs } = await render('# Quarterly note\n\nGrowth held up.\n', {
      formats: ['pdf'],
    });
    expect(report.meta.title).toBe('Quarterly note');
    const { pages } = await pdfPages(outputs[0]?.bytes ?? new Uint8Array());
    expect(pages.join('\n')).toContain('Growth held up.');
  });

  it('YAML and JSON text, guessed or named by inputFormat; faults point into "<input>" or the file option', async () => {
    expect(
      (await render('meta:\n  title: From YAML\n', { formats: ['pdf'] })).report.meta.title,
    ).toBe('From YAML');
    expect(
      (await render('{ "meta": { "title": "From JSON" } }', { formats: ['pdf'] })).report.meta
        .title,
    ).toBe('From JSON');
    // Without inputFormat this text is a Markdown paragraph; with it, a YAML model.
    const asYaml = await render('meta: { title: Flow }', { formats: ['pdf'], inputFormat: 'yaml' });
    expect(asYaml.report.meta.title).toBe('Flow');
    const fault = await caughtError(() => render('meta:\n  titel: x\n', { formats: ['pdf'] }));
    expect(fault.code).toBe('UNKNOWN_FIELD');
    expect(fault.file).toBe('<input>');
    expect(fault.line).toBe(2);
    const named = await caughtError(() =>
      render('meta:\n  titel: x\n', { formats: ['pdf'], file: 'draft.yaml' }),
    );
    expect(named.file).toBe('draft.yaml');
  });

  it('a file name that does not exist is still a missing file, not text', async () => {
    const error = await caughtError(() => render('brief.yaml'));
    expect(error.code).toBe('INPUT_NOT_FOUND');
    expect(error.file).toBe('brief.yaml');
  });
});

describe('every API function refuses an option it does not know', () => {
  const cases: [string, () => Promise<unknown>, string][] = [
    ['render()', () => render(EXAMPLE_YAML, { fromats: ['pdf'] } as never), 'formats'],
    ['renderToFiles()', () => renderToFiles(EXAMPLE_YAML, { outdir: 'x' } as never), 'outDir'],
    ['renderMany()', () => renderMany([EXAMPLE_YAML], { job: 2 } as never), 'jobs'],
    [
      'renderToStream()',
      () => renderToStream(EXAMPLE_YAML, new PassThrough(), { formats: ['pdf'] } as never),
      'format',
    ],
    ['validate()', () => validate(EXAMPLE_YAML, { limit: {} } as never), 'limits'],
  ];
  for (const [fn, call, meant] of cases) {
    it(`${fn} names the option and the one meant`, async () => {
      const error = await caughtError(call);
      expect(error.code).toBe('USAGE');
      expect(error.message).toContain(`${fn}: unknown option`);
      expect(error.hint).toBe(`did you mean "${meant}"?`);
    });
  }
});

describe('renderToStream ends the stream', () => {
  it('ends it when done (an HTTP response finishes), or leaves it open with end: false', async () => {
    const collect = () => {
      const chunks: Buffer[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      });
      return { stream, bytes: () => Buffer.concat(chunks) };
    };
    const ended = collect();
    await renderToStream(EXAMPLE_YAML, ended.stream, { format: 'pdf' });
    expect(ended.stream.writableEnded).toBe(true);
    expect(ended.bytes().subarray(-6).toString()).toContain('%%EOF');

    const open = collect();
    await renderToStream(EXAMPLE_YAML, open.stream, { format: 'pptx', end: false });
    expect(open.stream.writableEnded).toBe(false);
    open.stream.end('trailer');
    expect(open.bytes().subarray(0, 2).toString()).toBe('PK');
  });
});

describe('renderToFiles', () => {
  it('writes text input under the name given', async () => {
    const dir = tempDir();
    const { files } = await renderToFiles('# Short\n\nText.\n', { outDir: dir, name: 'short' });
    expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual(['short.pdf', 'short.pptx']);
  });
});
