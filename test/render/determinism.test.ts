import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { EXAMPLE_YAML, pdfPages } from '../helpers.js';

const hash = (bytes: Uint8Array | undefined) =>
  createHash('sha256')
    .update(bytes ?? new Uint8Array())
    .digest('hex');

describe('determinism', () => {
  it('gives byte-identical PDF, PPTX, DOCX and HTML for the same input', async () => {
    const formats = ['pdf', 'pptx', 'docx', 'html'];
    const a = await render(EXAMPLE_YAML, { formats });
    const b = await render(EXAMPLE_YAML, { formats });
    expect(a.outputs).toHaveLength(4);
    expect(a.outputs.map((o) => hash(o.bytes))).toEqual(b.outputs.map((o) => hash(o.bytes)));
  });

  it('takes the document date from the model, not the clock', async () => {
    const result = await render(EXAMPLE_YAML, { formats: ['pdf'] });
    const { info } = await pdfPages(result.outputs[0]?.bytes ?? new Uint8Array());
    expect(String(info.CreationDate)).toMatch(/^D:20261124000000/);
  });
});

describe('determinism across processes, time zones and locales', () => {
  it('gives the same bytes with TZ and LANG set differently', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `
      import { render } from './dist/index.js';
      import { createHash } from 'node:crypto';
      const r = await render('examples/carney-xi/carney-xi.yaml', { formats: ['pdf', 'pptx', 'docx', 'html'] });
      console.log(r.outputs.map((o) => createHash('sha256').update(o.bytes).digest('hex')).join(' '));
    `;
    const run = (env: Record<string, string>) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      }).trim();
    const a = run({ TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    const b = run({ TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' });
    expect(a).toBe(b);
    expect(a.split(' ')).toHaveLength(4);
  });
});

describe('one brief, two syntaxes', () => {
  it('renders the Markdown sample and the YAML sample to the same PDF bytes', async () => {
    const [yaml, md] = await Promise.all([
      render(EXAMPLE_YAML, { formats: ['pdf'] }),
      render('examples/carney-xi/carney-xi.md', { formats: ['pdf'] }),
    ]);
    expect(hash(md.outputs[0]?.bytes)).toBe(hash(yaml.outputs[0]?.bytes));
  });
});
