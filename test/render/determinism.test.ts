import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { EXAMPLE_YAML, pdfPages } from '../helpers.js';

const hash = (bytes: Uint8Array | undefined) =>
  createHash('sha256')
    .update(bytes ?? new Uint8Array())
    .digest('hex');

describe('determinism', () => {
  it('gives byte-identical PDF and PPTX for the same input', async () => {
    const a = await render(EXAMPLE_YAML);
    const b = await render(EXAMPLE_YAML);
    expect(a.outputs.map((o) => hash(o.bytes))).toEqual(b.outputs.map((o) => hash(o.bytes)));
  });

  it('takes the document date from the model, not the clock', async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['pdf'] });
    const { info } = await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array());
    expect(String(info.CreationDate)).toMatch(/^D:20261124000000/);
  });
});
