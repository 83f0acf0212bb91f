import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BriefwrightError,
  createEngine,
  pdfRenderer,
  type Renderer,
  render,
  renderToFiles,
} from '../../src/index.js';
import {
  caughtError,
  EXAMPLE_YAML,
  filesIn,
  pdfStructure,
  pptxParts,
  tempDir,
} from '../helpers.js';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('renderToFiles', () => {
  it('writes nothing when any format fails, and leaves earlier files intact', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'carney-xi.pdf'), 'earlier');
    const failing: Renderer = {
      ...pdfRenderer,
      format: 'broken',
      extension: '.bin',
      render: async () => {
        throw new Error('boom');
      },
    };
    const engine = createEngine({ renderers: [pdfRenderer, failing] });
    await expect(renderToFiles(EXAMPLE_YAML, { engine, outDir: out })).rejects.toMatchObject({
      code: 'RENDER_FAILED',
    });
    expect(filesIn(out)).toEqual(['carney-xi.pdf']);
  });

  it('reports a write failure as OUTPUT_WRITE and leaves no temporary file', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    await expect(
      renderToFiles(EXAMPLE_YAML, { formats: ['pdf'], outDir: join(blocker, 'sub') }),
    ).rejects.toMatchObject({ code: 'OUTPUT_WRITE' });
    expect(filesIn(dir)).toEqual(['not-a-folder']);
  });

  it('names outputs after a report object’s title', async () => {
    const out = tempDir();
    const result = await renderToFiles(
      { meta: { title: 'Hello, World' } },
      { formats: ['pdf'], outDir: out },
    );
    expect(result.files[0]?.path).toBe(join(out, 'hello-world.pdf'));
  });
});

describe('render options', () => {
  it('refuses a wrong argument at once with a clear message', async () => {
    await expect(render(EXAMPLE_YAML, { formats: [] })).rejects.toThrow(/non-empty list/);
    await expect(render(42 as unknown as string)).rejects.toBeInstanceOf(BriefwrightError);
  });

  it('reports an invalid theme file with its pointer and line', async () => {
    const dir = tempDir();
    const theme = join(dir, 'theme.json');
    writeFileSync(theme, '{\n  "colors": {\n    "accent": "navy"\n  }\n}\n');
    await expect(render(EXAMPLE_YAML, { theme, formats: ['pdf'] })).rejects.toMatchObject({
      code: 'THEME_INVALID',
      file: theme,
      pointer: '/colors/accent',
      line: 3,
    });
  });

  it('applies a theme file', async () => {
    const dir = tempDir();
    const theme = join(dir, 'theme.yaml');
    writeFileSync(theme, 'page:\n  size: Letter\n');
    const result = await render(EXAMPLE_YAML, { theme, formats: ['pdf'] });
    expect(Buffer.from(result.outputs[0]?.bytes ?? []).toString('latin1')).toContain(
      '/MediaBox [0 0 612 792]',
    );
  });
});

describe('the theme logo', () => {
  it('goes on the cover of the brief (as a figure) and on the deck masters', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'logo.png'), PNG);
    writeFileSync(join(dir, 'theme.json'), '{ "logo": "./logo.png" }');
    const result = await render(EXAMPLE_YAML, { theme: join(dir, 'theme.json') });
    const [pdf, pptx] = result.outputs;
    expect(await pdfStructure(pdf?.bytes ?? new Uint8Array())).toContain(
      'Figure[Example Institute for Policy Studies logo]',
    );
    const parts = await pptxParts(pptx?.bytes ?? new Uint8Array());
    expect(parts.names.some((n) => n.startsWith('ppt/media/'))).toBe(true);
  });

  it('reports every fault of a theme, a misspelt field first with the one meant', async () => {
    const dir = tempDir();
    const theme = join(dir, 'theme.json');
    writeFileSync(
      theme,
      '{\n  "colors": { "acent": "#123456", "text": "blue" },\n  "pdf": { "bodySize": -1 },\n  "deck": { "layout": "16:9" }\n}\n',
    );
    const error = await caughtError(() => render(EXAMPLE_YAML, { theme, formats: ['pdf'] }));
    const faults = [error, ...error.related].map((f) => [f.code, f.pointer, f.line, f.hint]);
    expect(faults).toEqual([
      ['THEME_INVALID', '/colors/acent', 2, 'did you mean "accent"?'],
      ['THEME_INVALID', '/colors/text', 2, expect.stringContaining('theme.schema.json')],
      ['THEME_INVALID', '/pdf/bodySize', 3, expect.any(String)],
      ['THEME_INVALID', '/deck/layout', 4, 'did you mean "16x9"?'],
    ]);
    // A theme object is checked the same way, without lines.
    const object = await caughtError(() =>
      render(EXAMPLE_YAML, { theme: { colours: {} } as never }),
    );
    expect(object.hint).toBe('did you mean "colors"?');
  });

  it("reports every font and logo a theme cannot load, at their lines, in the user's terms", async () => {
    const dir = tempDir();
    const theme = join(dir, 'theme.json');
    writeFileSync(
      theme,
      `{
  "fonts": {
    "sans": {
      "name": "Arimo",
      "regular": "@expo-google-fonts/arimo/400Regular/Nope.ttf",
      "bold": "@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf",
      "italic": "@expo-google-fonts/nosuchpkg/x.ttf",
      "boldItalic": "./fonts/missing.ttf"
    }
  },
  "logo": "./logo.png"
}
`,
    );
    const error = await caughtError(() => render(EXAMPLE_YAML, { theme, formats: ['pdf'] }));
    const faults = [error, ...error.related].map((f) => [f.pointer, f.line, f.message]);
    expect(faults).toEqual([
      [
        '/fonts/sans/regular',
        5,
        'the package @expo-google-fonts/arimo has no file 400Regular/Nope.ttf',
      ],
      [
        '/fonts/sans/italic',
        7,
        'no font file @expo-google-fonts/nosuchpkg/x.ttf: the package @expo-google-fonts/nosuchpkg is not installed, and no such file is beside the theme',
      ],
      ['/fonts/sans/boldItalic', 8, `no font file at ${join(dir, 'fonts', 'missing.ttf')}`],
      ['/logo', 11, expect.stringContaining('logo.png')],
    ]);
    expect(
      [error, ...error.related].every((f) => f.code === 'THEME_INVALID' && f.file === theme),
    ).toBe(true);
  });

  it('refuses a logo that is not a PNG or JPEG, naming the theme file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'logo.png'), 'not an image');
    writeFileSync(join(dir, 'theme.json'), '{ "logo": "./logo.png" }');
    await expect(render(EXAMPLE_YAML, { theme: join(dir, 'theme.json') })).rejects.toMatchObject({
      code: 'THEME_INVALID',
      file: join(dir, 'theme.json'),
      pointer: '/logo',
    });
  });
});

describe('images', () => {
  const brief = (src: string) => ({
    meta: { title: 'Images' },
    sections: [{ title: 'Figure', image: { src, alt: 'A dot', caption: 'Figure 1' } }],
  });

  it('embeds a PNG beside the input', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dot.png'), PNG);
    const input = join(dir, 'brief.json');
    writeFileSync(input, JSON.stringify(brief('dot.png')));
    const result = await render(input);
    // A 1-pixel image is, rightly, reported as too coarse for print; nothing else is wrong.
    expect(result.warnings.map((w) => w.code)).toEqual(['IMAGE_LOW_RESOLUTION']);
    expect(Buffer.from(result.outputs[0]?.bytes ?? []).toString('latin1')).toContain(
      '/Subtype /Image',
    );
    expect(await pdfStructure(result.outputs[0]?.bytes ?? new Uint8Array())).toContain(
      'Figure[A dot]',
    );
  });

  it('refuses paths that leave the input folder, including through a symlink, and URLs', async () => {
    const root = tempDir();
    const inner = join(root, 'in');
    mkdirSync(inner);
    writeFileSync(join(root, 'secret.png'), PNG);
    symlinkSync(join(root, 'secret.png'), join(inner, 'link.png'));
    for (const src of [
      '../secret.png',
      'link.png',
      join(root, 'secret.png'),
      'https://example.org/x.png',
    ]) {
      const input = join(inner, 'brief.json');
      writeFileSync(input, JSON.stringify(brief(src)));
      const result = await render(input, { formats: ['pdf'] });
      expect(
        result.warnings.map((w) => w.code),
        src,
      ).toEqual(['IMAGE_UNAVAILABLE']);
      expect(Buffer.from(result.outputs[0]?.bytes ?? []).toString('latin1')).not.toContain(
        '/Subtype /Image',
      );
    }
  });

  it('accepts data URIs', async () => {
    const result = await render(brief(`data:image/png;base64,${PNG.toString('base64')}`), {
      formats: ['pptx'],
    });
    expect(result.warnings).toEqual([]);
  });
});
