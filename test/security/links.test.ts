import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { judgeLink } from '../../src/markdown/links.js';
import { caughtError, pdfLinks, pptxExternalTargets, tempDir } from '../helpers.js';

const SCHEMES = ['http', 'https', 'mailto'];

/** Destinations that must never become live, as an attacker or a careless author writes them. */
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  'java&#8203;script:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'data:text/html;base64,PHNjcmlwdD4=',
  '\\\\\\\\host\\\\share',
  '//evil.example/x',
  'cmd.exe',
  '../../etc/passwd',
  'C:/Windows/system32/calc.exe',
];

describe('judgeLink', () => {
  it('refuses every destination outside the allowed schemes, however it is written', () => {
    for (const destination of HOSTILE)
      expect(judgeLink(destination, SCHEMES), destination).toHaveProperty('refused');
  });

  it('keeps http, https and mailto addresses, normalised, and #anchors', () => {
    expect(judgeLink('HTTPS://Example.org/a b', SCHEMES)).toEqual({
      target: { kind: 'url', url: 'https://example.org/a%20b' },
    });
    expect(judgeLink('mailto:desk@example.org', SCHEMES)).toEqual({
      target: { kind: 'url', url: 'mailto:desk@example.org' },
    });
    expect(judgeLink('#the-end', SCHEMES)).toEqual({ target: { kind: 'anchor', id: 'the-end' } });
  });

  it('takes a wider list when the render allows more schemes', () => {
    expect(judgeLink('tel:+15551234', SCHEMES)).toHaveProperty('refused');
    expect(judgeLink('tel:+15551234', [...SCHEMES, 'tel'])).toHaveProperty('target');
  });
});

describe('links in the outputs', () => {
  const body = [
    'A [script](javascript:alert(1)) link, an autolink <javascript:alert(2)>, a [file](file:///etc/passwd),',
    'a [share](\\\\\\\\host\\\\share), a [program](cmd.exe), a [ref][r] and a note.[^1]',
    '',
    'A [good one](https://example.org/ok) and [mail](mailto:desk@example.org).',
    '',
    '[r]: VBScript:msgbox(1)',
    '',
    '[^1]: See [the data](data:text/html;base64,PHNjcmlwdD4=).',
  ].join('\n');

  it('draws only allowed links as live in the PDF and the deck, and warns with the line of each other', async () => {
    const dir = tempDir();
    const file = join(dir, 'brief.md');
    writeFileSync(
      file,
      [
        '---',
        'title: Links',
        'sources:',
        '  - { title: Bad source, url: "javascript:alert(3)" }',
        '  - { title: Good source, url: "https://example.org/source" }',
        '---',
        '',
        '# Section',
        '',
        body,
        '',
      ].join('\n'),
    );
    const { outputs, warnings } = await render(file, { systemFonts: false });
    const pdf = outputs.find((o) => o.format === 'pdf')?.bytes ?? new Uint8Array();
    const pptx = outputs.find((o) => o.format === 'pptx')?.bytes ?? new Uint8Array();

    const pdfUrls = (await pdfLinks(pdf)).flatMap((l) => (l.url ? [l.url] : []));
    expect(pdfUrls.sort()).toEqual([
      'https://example.org/ok',
      'https://example.org/source',
      'mailto:desk@example.org',
    ]);
    const deckUrls = await pptxExternalTargets(pptx);
    for (const url of deckUrls) expect(url).toMatch(/^(https:\/\/example\.org\/|mailto:desk@)/);
    expect(deckUrls).toContain('https://example.org/ok');

    const unsafe = warnings.filter((w) => w.code === 'LINK_UNSAFE');
    const lines = [...new Set(unsafe.map((w) => w.line))].sort((a, b) => (a ?? 0) - (b ?? 0));
    // The source's address on line 4, the section's links on lines 10–11, the footnote's on 17.
    expect(lines).toEqual([4, 10, 11, 17]);
    expect(unsafe.every((w) => w.file === file)).toBe(true);
    expect(unsafe.map((w) => w.message).join('\n')).toMatch(/javascript:.*shown as plain text/);
    // The words stay: the link text is drawn as plain text.
    const text = new TextDecoder('latin1').decode(pdf);
    expect(text).not.toMatch(/\/URI\s*\((?!https:|mailto:)/);
  });

  it('keeps links of a scheme the caller allows', async () => {
    const report = {
      meta: { title: 'T' },
      sections: [{ title: 'S', body: 'Call [the desk](tel:+15551234).' }],
    };
    const plain = await render(report, { formats: ['pdf'], systemFonts: false });
    expect(plain.warnings.map((w) => w.code)).toContain('LINK_UNSAFE');
    const wide = await render(report, {
      formats: ['pdf'],
      systemFonts: false,
      linkSchemes: ['https', 'tel'],
    });
    expect(wide.warnings.map((w) => w.code)).not.toContain('LINK_UNSAFE');
    const urls = (await pdfLinks(wide.outputs[0]?.bytes ?? new Uint8Array())).map((l) => l.url);
    expect(urls).toEqual(['tel:+15551234']);
  });

  it('refuses a malformed scheme list as a usage error', async () => {
    const error = await caughtError(() =>
      render({ meta: { title: 'T' }, sections: [] }, { linkSchemes: ['java script'] }),
    );
    expect(error.code).toBe('USAGE');
    expect(error.message).toContain('linkSchemes');
  });
});
