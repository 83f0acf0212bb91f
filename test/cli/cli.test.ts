import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import {
  EXAMPLE_MD,
  EXAMPLE_YAML,
  filesIn,
  pptxParts,
  runCliCaptured,
  slideText,
  tempDir,
} from '../helpers.js';

const cli = runCliCaptured;

describe('briefwright render', () => {
  it('renders the Markdown sample to a PDF and a deck', async () => {
    const out = tempDir();
    const result = await cli(['render', EXAMPLE_MD, '--format', 'pdf,pptx', '--out', out]);
    expect(result.code).toBe(0);
    expect(filesIn(out)).toEqual(['carney-xi.pdf', 'carney-xi.pptx']);
    expect(result.stdout).toContain('carney-xi.pdf');
  });

  it('writes all four formats of a batch, with the JSON summary listing each file', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const second = join(dir, 'second.md');
    writeFileSync(second, '# Second\n\nA short brief & its <note>.\n');
    const result = await cli([
      'render',
      EXAMPLE_YAML,
      second,
      '--format',
      'pdf,pptx,docx,html',
      '--jobs',
      '2',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(filesIn(out)).toEqual([
      'carney-xi.docx',
      'carney-xi.html',
      'carney-xi.pdf',
      'carney-xi.pptx',
      'second.docx',
      'second.html',
      'second.pdf',
      'second.pptx',
    ]);
    const summary = JSON.parse(result.stdout) as {
      inputs: { files: { format: string; pages: number }[] }[];
      totals: { files: number };
    };
    expect(summary.totals.files).toBe(8);
    expect(summary.inputs[0]?.files.map((f) => [f.format, f.pages > 0])).toEqual([
      ['pdf', true],
      ['pptx', true],
      ['docx', false],
      ['html', false],
    ]);
  });

  it('builds the deck on a PowerPoint template with --pptx-template, or the theme’s deck.template', async () => {
    const dir = tempDir();
    const bare = await cli([
      'render',
      EXAMPLE_YAML,
      '-f',
      'pptx',
      '--pptx-template',
      'examples/templates/corporate-16x9.potx',
      '-o',
      join(dir, 'bare.pptx'),
    ]);
    expect(bare.code, bare.stderr).toBe(0);
    // Layouts with names of its own: chosen by their placeholders, with a warning.
    expect(bare.stderr).toContain('warning TEMPLATE_LAYOUT_GUESSED');
    expect(bare.stderr).not.toContain('TEMPLATE_LAYOUT_MISSING');
    const mapped = await cli([
      'render',
      EXAMPLE_YAML,
      '-f',
      'pptx',
      '--theme',
      'examples/templates/corporate-theme.json',
      '-o',
      join(dir, 'mapped.pptx'),
    ]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stderr).not.toContain('TEMPLATE_LAYOUT_MISSING');
    const parts = await pptxParts(new Uint8Array(readFileSync(join(dir, 'mapped.pptx'))));
    expect(await parts.read('ppt/slideLayouts/slideLayout2.xml')).toContain('name="Cover"');
    const missing = await cli([
      'render',
      EXAMPLE_YAML,
      '-f',
      'pptx',
      '--pptx-template',
      join(dir, 'none.potx'),
      '-o',
      dir,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('THEME_INVALID');
    expect(missing.stderr).toContain('none.potx');
    // Named by the flag, not by a theme: no theme field is pointed at.
    expect(missing.stderr).not.toContain('/deck/template');
  });

  it('exits 1 with file:line:col for malformed YAML and leaves no file', async () => {
    const dir = tempDir();
    const input = join(dir, 'bad.yaml');
    writeFileSync(input, 'meta:\n  title: [unclosed\n');
    const out = join(dir, 'out');
    const result = await cli(['render', input, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error PARSE_YAML`),
    );
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 naming the field for a missing title', async () => {
    const dir = tempDir();
    const input = join(dir, 'untitled.json');
    writeFileSync(input, '{\n  "meta": {\n    "subtitle": "no title"\n  }\n}\n');
    const result = await cli(['render', input, '--out', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${input}:2:11: error MISSING_FIELD: title is required (at /meta/title)`,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits 1 naming the field for a title of the wrong type', async () => {
    const dir = tempDir();
    const input = join(dir, 'typed.yaml');
    writeFileSync(input, 'meta:\n  title: 42\n');
    const result = await cli(['render', input, '--out', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${input}:2:10: error WRONG_TYPE: title must be a text, not a number (at /meta/title)`,
    );
  });

  it('exits 1 for a nonexistent input', async () => {
    const result = await cli(['render', 'no/such/file.yaml', '--out', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no/such/file.yaml: error INPUT_NOT_FOUND');
  });

  it('exits 2 for bad usage and an unknown format', async () => {
    expect((await cli(['render'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    const unknown = await cli(['render', EXAMPLE_YAML, '--format', 'odt', '--out', tempDir()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('FORMAT_UNKNOWN');
  });

  it('fails on a character no font has with --missing-glyphs error, and refuses an unknown policy', async () => {
    const dir = tempDir();
    const input = join(dir, 'glyph.md');
    writeFileSync(input, '# Glyphs\n\nA hieroglyph: \u{13000}.\n');
    const args = ['render', input, '--format', 'pdf', '--out', dir, '--no-system-fonts'];
    const failed = await cli([...args, '--missing-glyphs', 'error']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      `${input}:3:1: error MISSING_GLYPH: no font has a glyph for "\u{13000}"`,
    );
    expect(existsSync(join(dir, 'glyph.pdf'))).toBe(false);
    const warned = await cli(args);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('warning MISSING_GLYPH');
    expect((await cli([...args, '--missing-glyphs', 'maybe'])).code).toBe(2);
  });

  it('validates without writing anything', async () => {
    const result = await cli(['validate', EXAMPLE_YAML, EXAMPLE_MD]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${EXAMPLE_YAML}: valid`);
  });
});

describe('the installed binary', () => {
  it('runs as `briefwright` from dist and prints errors without a stack trace', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, ['dist/cli/main.js', '--help']);
    expect(ok.stdout).toContain('render');
    const failed = await run(process.execPath, [
      'dist/cli/main.js',
      'validate',
      'missing.yaml',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toContain('missing.yaml: error INPUT_NOT_FOUND');
  });
});

describe('briefwright import', () => {
  it('writes an editable model from a plain article, which renders', async () => {
    const dir = tempDir();
    const model = join(dir, 'brief.yaml');
    const imported = await cli(['import', 'test/fixtures/seed/carney-xi-article.txt', '-o', model]);
    expect(imported.code).toBe(0);
    expect(existsSync(model)).toBe(true);
    const rendered = await cli(['render', model, '--out', join(dir, 'out')]);
    expect(rendered.code).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['brief.pdf', 'brief.pptx']);
  });

  it('prints the model without -o, and exits 1 for a missing article', async () => {
    const printed = await cli(['import', 'test/fixtures/seed/carney-xi-article.txt']);
    expect(printed.stdout).toContain('takeaways:');
    const missing = await cli(['import', 'no/such/article.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no/such/article.txt: error INPUT_NOT_FOUND');
  });
});

describe('briefwright render --report json --strict', () => {
  it('prints a machine-readable preflight report and fails under --strict when it finds something', async () => {
    const dir = tempDir();
    const input = join(dir, 'draft.yaml');
    writeFileSync(input, 'meta:\n  title: Draft\nsections:\n  - title: Empty\n');
    const result = await cli([
      'render',
      input,
      '--out',
      join(dir, 'out'),
      '--report',
      'json',
      '--strict',
    ]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as {
      inputs: {
        input: string;
        ok: boolean;
        warnings: { code: string; pointer?: string }[];
        files: unknown[];
      }[];
    };
    // Written, but failed: under --strict its warning fails the run, and the summary says so.
    expect(parsed.inputs[0]?.ok).toBe(false);
    expect(parsed.inputs[0]?.files).toHaveLength(2);
    expect(parsed.inputs[0]?.warnings).toEqual([
      expect.objectContaining({ code: 'EMPTY_SECTION', pointer: '/sections/0' }),
    ]);
  });

  it('passes --strict on the clean sample and reports input errors in the JSON', async () => {
    const dir = tempDir();
    expect((await cli(['render', EXAMPLE_YAML, '--out', dir, '--strict', '-q'])).code).toBe(0);
    const failed = await cli(['render', 'no/such.yaml', '--out', dir, '--report', 'json']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).inputs[0]).toMatchObject({
      ok: false,
      error: { code: 'INPUT_NOT_FOUND', file: 'no/such.yaml' },
    });
  });
});

describe('briefwright init', () => {
  it('scaffolds a project that renders at once with its own templates and theme', async () => {
    const dir = join(tempDir(), 'my-brief');
    const init = await cli(['init', dir]);
    expect(init.code).toBe(0);
    expect(filesIn(dir)).toEqual(['brief.yaml', 'package.json', 'templates', 'theme.json']);
    expect(filesIn(join(dir, 'templates'))).toEqual(['briefing-deck', 'policy-brief']);
    const script = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts
      .brief as string;
    const args = script.replace(/^briefwright /, '').split(' ');
    const run = promisify(execFile);
    await run(process.execPath, [join(process.cwd(), 'dist/cli/main.js'), ...args], { cwd: dir });
    expect(filesIn(join(dir, 'output'))).toEqual(['brief.pdf', 'brief.pptx']);
  });

  it('refuses to overwrite a brief without --force', async () => {
    const dir = tempDir();
    expect((await cli(['init', dir])).code).toBe(0);
    const again = await cli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'already has brief.yaml, theme.json, templates/policy-brief, templates/briefing-deck',
    );
    expect((await cli(['init', dir, '--force'])).code).toBe(0);
  });
});

describe('briefwright render --watch', () => {
  it('renders again when the input changes, and keeps running after an error', async () => {
    const dir = tempDir();
    const input = join(dir, 'brief.yaml');
    const out = join(dir, 'out');
    writeFileSync(input, 'meta:\n  title: First title\n');
    const controller = new AbortController();
    let stderr = '';
    const running = runCli(['render', input, '--out', out, '--format', 'pptx', '--watch'], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      signal: controller.signal,
    });
    const titleOf = async () => {
      const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'brief.pptx'))));
      return slideText(await parts.read('ppt/slides/slide1.xml'));
    };
    const until = async (check: () => Promise<boolean> | boolean) => {
      for (let i = 0; i < 100; i++) {
        if (await check()) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out; stderr: ${stderr}`);
    };
    await until(() => existsSync(join(out, 'brief.pptx')) && stderr.includes('watching'));
    expect(await titleOf()).toContain('First title');
    writeFileSync(input, 'meta:\n  title: [broken\n');
    await until(() => stderr.includes('PARSE_YAML'));
    writeFileSync(input, 'meta:\n  title: Second title\n');
    await until(async () => (await titleOf()).includes('Second title'));
    controller.abort();
    expect(await running).toBe(1);
  });
});

describe('an interrupted batch', () => {
  it.each([
    ['one after the other', []],
    ['on two worker threads', ['--jobs', '2']],
  ])(
    'leaves no partial file when killed (%s), and the files already written stay whole',
    async (_, jobs) => {
      const dir = tempDir();
      // Enough inputs that the run is still going when it is killed after the first is written.
      const inputs = Array.from({ length: 40 }, (_, i) => {
        const input = join(dir, `brief-${i}.yaml`);
        writeFileSync(input, readFileSync(EXAMPLE_YAML));
        return input;
      });
      const out = join(dir, 'out');
      const child = spawn(process.execPath, [
        'dist/cli/main.js',
        'render',
        ...inputs,
        '--out',
        out,
        '-q',
        ...jobs,
      ]);
      for (
        let i = 0;
        i < 200 && !(existsSync(out) && filesIn(out).some((f) => f.endsWith('.pptx')));
        i++
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGTERM');
      const ended = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      // Exit 143 when it was writing (its handler removed the temporary files), or ended by the
      // signal itself when it was rendering (there were none).
      expect(ended.code === 143 || ended.signal === 'SIGTERM').toBe(true);
      const files = filesIn(out);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files.filter((f) => f.endsWith('.pdf'))) {
        expect(readFileSync(join(out, file)).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(
          true,
        );
      }
    },
  );
});

describe('signals during long work', () => {
  it('ends at once on SIGTERM in the middle of a long synchronous render, leaving no temporary file', async () => {
    const dir = tempDir();
    const input = join(dir, 'long.json');
    // About 5 s of work on this machine's kind (4,000 paragraphs once took more than the 1.5 s wait,
    // and stopped doing so as rendering got faster).
    const body = Array.from(
      { length: 20000 },
      (_, i) => `Paragraph ${i} ${'word '.repeat(60)}`,
    ).join('\n\n');
    writeFileSync(
      input,
      JSON.stringify({ meta: { title: 'Long' }, sections: [{ title: 'S', body }] }),
    );
    const out = join(dir, 'out');
    const child = spawn(process.execPath, ['dist/cli/main.js', 'render', input, '--out', out]);
    // Listened for from the start, so that a render over before the signal fails the test, not hangs it.
    const exited = new Promise<{ code: number | null; signal: string | null; at: number }>(
      (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    await new Promise((r) => setTimeout(r, 1500));
    const sent = Date.now();
    child.kill('SIGTERM');
    const ended = await exited;
    expect(ended.at, 'the render ended before the signal: give it more to do').toBeGreaterThan(
      sent,
    );
    expect(ended.at - sent).toBeLessThan(2000);
    expect(ended.code === 143 || ended.signal === 'SIGTERM').toBe(true);
    expect(existsSync(out) ? filesIn(out).filter((f) => f.endsWith('.tmp')) : []).toEqual([]);
  });

  it('removes the temporary files a killed process left, and only those of processes that are gone', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) =>
      gone.on('exit', () => resolve(gone.pid ?? 0)),
    );
    const stale = `.carney-xi.pdf.${deadPid}.deadbeef.tmp`;
    const live = `.other.pdf.${process.pid}.cafef00d.tmp`;
    writeFileSync(join(dir, stale), 'half a PDF');
    writeFileSync(join(dir, live), 'being written');
    const { code } = await runCliCaptured([
      'render',
      EXAMPLE_YAML,
      '--out',
      dir,
      '--format',
      'pdf',
    ]);
    expect(code).toBe(0);
    expect(filesIn(dir)).toEqual([live, 'carney-xi.pdf']);
  });
});
