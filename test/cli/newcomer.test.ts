import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { countPages, render } from '../../src/index.js';
import { docxText, htmlText } from '../corpus/words.js';
import {
  EXAMPLE_YAML,
  filesIn,
  pptxParts,
  runCliCaptured,
  slideText,
  tempDir,
} from '../helpers.js';

const cli = runCliCaptured;
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** Runs the CLI with standard input and captures standard output as bytes. */
async function cliBytes(
  args: string[],
  stdin = '',
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk)) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([Buffer.from(stdin)]),
    env,
  });
  return { code, stdout: Buffer.concat(chunks), stderr };
}

/** A renderer module of one's own, as a user writes it: plain JavaScript, no import of briefwright. */
function rendererModule(
  dir: string,
  body = 'return new TextEncoder().encode(heads + "\\n");',
): string {
  const file = join(dir, 'headings.mjs');
  writeFileSync(
    file,
    `export default {
  format: 'headings',
  extension: '.txt',
  mediaType: 'text/plain',
  defaultTemplate: 'policy-brief',
  async render(doc) {
    const heads = doc.children.filter((block) => block.type === 'heading').length + ' headings';
    ${body}
  },
};\n`,
  );
  return file;
}

describe('the habits a newcomer brings', () => {
  it('--version and -v print the version', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await cli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(VERSION);
    }
  });

  it('-o file.pdf writes that file, its extension choosing the format', async () => {
    const dir = tempDir();
    const out = join(dir, 'brief.pdf');
    const result = await cli(['render', EXAMPLE_YAML, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(filesIn(dir)).toEqual(['brief.pdf']);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.stdout).toContain(`→ ${out}`);
    // A deck the same way, whatever the extension's case.
    const deck = join(dir, 'Deck.PPTX');
    expect((await cli(['render', EXAMPLE_YAML, '-o', deck])).code).toBe(0);
    expect(readFileSync(deck).subarray(0, 2).toString()).toBe('PK');
  });

  it('-o folder/ writes a folder; a file with several formats or inputs is refused, saying which flag to change', async () => {
    const dir = tempDir();
    const folder = join(dir, 'out/');
    expect((await cli(['render', EXAMPLE_YAML, '-o', folder])).code).toBe(0);
    expect(filesIn(folder)).toEqual(['carney-xi.pdf', 'carney-xi.pptx']);
    const both = await cli(['render', EXAMPLE_YAML, '-o', join(dir, 'x.pdf'), '-f', 'pdf,pptx']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('takes one format');
    const clash = await cli(['render', EXAMPLE_YAML, '-o', join(dir, 'x.pdf'), '-f', 'pptx']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('names a .pdf file, but --format asks for pptx');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('- reads standard input and -o - writes standard output: a valid PDF through a pipe', async () => {
    const yaml = readFileSync(EXAMPLE_YAML, 'utf8');
    const piped = await cliBytes(['render', '-', '--format', 'PDF', '-o', '-'], yaml);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    expect(countPages('pdf', piped.stdout)).toBeGreaterThan(1);
    // Markdown is recognised without --from; --from names the syntax when it is ambiguous.
    const md = await cliBytes(['render', '-', '-f', 'pptx', '-o', '-'], '# Piped\n\nText.\n');
    expect(md.code, md.stderr).toBe(0);
    const parts = await pptxParts(new Uint8Array(md.stdout));
    expect(slideText(await parts.read('ppt/slides/slide1.xml'))).toContain('Piped');
    const asYaml = await cliBytes(
      ['render', '-', '--from', 'yaml', '-f', 'pdf', '-o', '-'],
      'meta: { title: Flow }\n',
    );
    expect(asYaml.code, asYaml.stderr).toBe(0);
    // Errors in standard input name it.
    const bad = await cliBytes(['render', '-', '-f', 'pdf', '-o', '-'], 'meta:\n  titel: x\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('<stdin>:2:3: error UNKNOWN_FIELD');
    expect(bad.stdout.length).toBe(0);
    const noFormat = await cliBytes(['render', '-', '-o', '-'], yaml);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('-o - needs --format pdf or --format pptx');
  });

  it('--name names the outputs; -q prints nothing but errors; --strict says why it fails', async () => {
    const dir = tempDir();
    const input = join(dir, 'draft.md');
    writeFileSync(input, '# Draft\n\n## Empty section\n\n## Filled\n\nText.\n');
    const named = await cli(['render', input, '-o', dir, '--name', 'final', '-q']);
    expect(named.code).toBe(0);
    expect(named.stdout + named.stderr).toBe('');
    expect(filesIn(dir)).toEqual(['draft.md', 'final.pdf', 'final.pptx']);
    // Under --strict the warnings fail the run: -q still prints them, then a line says why it fails.
    const strict = await cli(['render', input, '-o', dir, '--strict', '-q']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^\S+draft\.md:\S*: warning EMPTY_SECTION: /m);
    expect(strict.stderr).toMatch(/\nbriefwright: --strict: \d+ warnings? fails? this run\n$/);
  });

  it('prints every fault of an input, sorted by line, a misspelt field first', async () => {
    const dir = tempDir();
    const input = join(dir, 'faults.yaml');
    writeFileSync(
      input,
      'meta:\n  titel: T\n  date: soon\nsections:\n  - title: S\n    bullets: 4\n',
    );
    const result = await cli(['render', input, '-o', join(dir, 'out')]);
    expect(result.code).toBe(1);
    const codes = [...result.stderr.matchAll(/:(\d+):\d+: error (\w+)/g)].map(
      ([, line, code]) => `${line} ${code}`,
    );
    expect(codes[0]).toBe('2 UNKNOWN_FIELD');
    expect(codes).toContain('3 INVALID_VALUE');
    expect(codes).toContain('6 WRONG_TYPE');
    const lines = codes.slice(1).map((c) => Number(c.split(' ')[0]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const json = await cli(['validate', input, '--json']);
    const summary = JSON.parse(json.stdout) as {
      inputs: { ok: boolean; error: { code: string; related?: unknown[] } }[];
    };
    expect(summary.inputs[0]?.ok).toBe(false);
    expect(summary.inputs[0]?.error.related?.length).toBe(codes.length - 1);
  });

  it('GitHub annotations: with --format-errors github, and by default inside GitHub Actions', async () => {
    const dir = tempDir();
    const input = join(dir, 'a,b.yaml');
    writeFileSync(input, 'meta:\n  titel: x\n');
    const escaped = input.replace(/:/g, '%3A').replace(/,/g, '%2C');
    for (const [args, env] of [
      [['validate', input, '--format-errors', 'github'], {}],
      [['validate', input], { GITHUB_ACTIONS: 'true' }],
    ] as const) {
      const result = await cli([...args], { ...env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `::error file=${escaped},line=2,col=3,title=briefwright UNKNOWN_FIELD::${input}:2:3: error UNKNOWN_FIELD: unknown field "titel"`,
      );
      // One line per fault: the hint stays in the message, its line break escaped.
      expect(result.stderr).toContain('%0A  hint: did you mean "title"?');
      expect(
        result.stderr
          .trim()
          .split('\n')
          .every((line) => line.startsWith('::error ')),
      ).toBe(true);
    }
    const plain = await cli(['validate', input, '--format-errors', 'text'], {
      GITHUB_ACTIONS: 'true',
    });
    expect(plain.stderr).not.toContain('::error');
    const wrong = await cli(['validate', input, '--format-errors', 'xml']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Allowed choices are text, github');
  });

  it('a warning is an annotation too', async () => {
    const dir = tempDir();
    const input = join(dir, 'warn.md');
    writeFileSync(input, '# T\n\n<b>raw</b> HTML\n');
    const result = await cli([
      'render',
      input,
      '-o',
      join(dir, 'x.pdf'),
      '--format-errors',
      'github',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^::warning file=.*,line=3,col=1,title=briefwright RAW_HTML_DROPPED::/m,
    );
  });
});

describe('what a newcomer tried next', () => {
  it('validate - checks standard input (a bad one fails), with --from', async () => {
    const bad = await cliBytes(['validate', '-'], 'meta:\n  titel: x\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('<stdin>:2:3: error UNKNOWN_FIELD');
    const good = await cliBytes(['validate', '-', '--from', 'yaml'], 'meta: { title: T }');
    expect(good.code, good.stderr).toBe(0);
    const json = await cliBytes(['validate', '-', '--json'], '{"nope": 1');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout.toString()).inputs[0].ok).toBe(false);
  });

  it('a reader that stops reading ends briefwright quietly; a full disk is OUTPUT_WRITE, never a stack', () => {
    const main = join(process.cwd(), 'dist/cli/main.js');
    const head = spawnSync(
      'bash',
      [
        '-c',
        `node ${main} render ${EXAMPLE_YAML} -f pptx -o - | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(head.stderr).toBe('');
    expect(head.stdout.trim()).toBe('0');
    if (existsSync('/dev/full')) {
      const full = spawnSync(
        'bash',
        ['-c', `node ${main} render ${EXAMPLE_YAML} -f pdf -o - > /dev/full`],
        {
          encoding: 'utf8',
        },
      );
      expect(full.status).toBe(1);
      expect(full.stderr).toMatch(
        /^<stdout>: error OUTPUT_WRITE: cannot write to standard output: ENOSPC/,
      );
      expect(full.stderr).not.toContain('    at ');
    }
  });

  it("init refuses a file and any starter file already there, and keeps a brief script of the user's own", async () => {
    const dir = tempDir();
    const file = join(dir, 'afile');
    writeFileSync(file, '');
    const onFile = await cli(['init', file]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain('a file is there, not a folder');

    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'theme.json'), 'my theme\n');
    const manifest = { name: 'p', scripts: { brief: 'echo my own brief' } };
    writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 4)}\n`);
    const refused = await cli(['init', project]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the folder already has theme.json');
    expect(readFileSync(join(project, 'theme.json'), 'utf8')).toBe('my theme\n');

    rmSync(join(project, 'theme.json'));
    const kept = await cli(['init', project]);
    expect(kept.code, kept.stderr).toBe(0);
    const written = readFileSync(join(project, 'package.json'), 'utf8');
    expect(JSON.parse(written).scripts.brief).toBe('echo my own brief');
    // Its indentation is kept; the note says what stayed and the last step renders the new brief.
    expect(written).toContain('\n    "name": "p"');
    expect(kept.stdout).toContain('Note: package.json keeps its own "brief" script');
    expect(kept.stdout.trim().split('\n').at(-1)).toMatch(
      /^ {2}npx briefwright render brief\.yaml /,
    );
  });

  it('! patterns leave out inputs in other folders too, and leaving out everything is a usage error', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'briefs', 'sub'), { recursive: true });
    for (const name of ['a.yaml', 'sub/b.yaml', 'README.md'])
      writeFileSync(
        join(dir, 'briefs', name),
        name.endsWith('.md') ? '# Not a brief\n' : 'meta: { title: T }\n',
      );
    const pattern = join(dir, 'briefs/**/*.{yaml,md}');
    const kept = await cli(['validate', pattern, '!**/README.md', '!**/sub/*']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout.trim().split('\n')).toEqual([`${join(dir, 'briefs/a.yaml')}: valid`]);
    const none = await cli(['validate', pattern, '!**/*']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('!**/* leaves out every input (3)');
    const only = await cli(['render', '!x.yaml']);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('only exclusions were given');
  });

  it('-o with an extension briefwright does not write, or naming a file, is refused; stdin outputs are named stdin', async () => {
    const dir = tempDir();
    const odt = await cli(['render', EXAMPLE_YAML, '-o', join(dir, 'x.odt')]);
    expect(odt.code).toBe(2);
    expect(odt.stderr).toContain(
      'briefwright writes no .odt files (it writes .pdf, .pptx, .docx, .html)',
    );
    expect(existsSync(join(dir, 'x.odt'))).toBe(false);
    // A Word file or a web page by the name's extension.
    for (const name of ['x.docx', 'x.html']) {
      const written = await cli(['render', EXAMPLE_YAML, '-o', join(dir, name)]);
      expect(written.code, written.stderr).toBe(0);
      expect(existsSync(join(dir, name)), name).toBe(true);
    }
    writeFileSync(join(dir, 'notes'), 'keep');
    const onFile = await cli(['render', EXAMPLE_YAML, '-o', join(dir, 'notes')]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain('is a file, not a folder');
    const piped = await cliBytes(['render', '-', '-o', join(dir, 'out')], '# Piped\n\nText.\n');
    expect(piped.code, piped.stderr).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['stdin.pdf', 'stdin.pptx']);
  });

  it('warnings about a field carry its line (an empty section in Markdown and YAML)', async () => {
    const dir = tempDir();
    const md = join(dir, 'draft.md');
    writeFileSync(md, '# Draft\n\n## Empty\n\n## Full\n\nText.\n');
    const yaml = join(dir, 'other.yaml');
    writeFileSync(yaml, 'meta:\n  title: Draft\nsections:\n  - title: Empty\n');
    const result = await cli(['render', md, yaml, '-o', join(dir, 'out'), '-f', 'pdf']);
    expect(result.stderr).toContain(`${md}:3:1: warning EMPTY_SECTION`);
    expect(result.stderr).toContain(`${yaml}:4:5: warning EMPTY_SECTION`);
  });

  it('import refuses a model and reads an article from standard input', async () => {
    const model = await cli(['import', EXAMPLE_YAML]);
    expect(model.code).toBe(2);
    expect(model.stderr).toContain('this is already a model, not an article to import');
    const piped = await cliBytes(['import', '-'], 'A Title\n\nSome text here.\n');
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.toString()).toContain('# Imported by briefwright from <stdin>.');
    expect(piped.stdout.toString()).toContain('title: A Title');
  });

  it('names and choices in any case; -f repeated adds formats; --name takes a name, not a path', async () => {
    const dir = tempDir();
    const result = await cli([
      'render',
      EXAMPLE_YAML,
      '-o',
      `${dir}/`,
      '-f',
      'PDF',
      '-f',
      'pptx',
      '--missing-glyphs',
      'WARN',
      '--format-errors',
      'GITHUB',
      '--name',
      'final.pdf',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(filesIn(dir)).toEqual(['final.pdf', 'final.pptx']);
    const outside = await cli(['render', EXAMPLE_YAML, '-o', `${dir}/`, '--name', '../escape']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('the name "../escape" is not a file name');
    expect(existsSync(join(dir, '..', 'escape.pdf'))).toBe(false);
    // The API reads format names in any case too.
    const { outputs } = await render('# Case\n', { formats: ['PDF'] });
    expect(outputs.map((o) => o.format)).toEqual(['pdf']);
  });

  it('--renderer takes a JavaScript file here without ./', async () => {
    const dir = tempDir();
    rendererModule(dir);
    const result = spawnSync(
      process.execPath,
      [
        join(process.cwd(), 'dist/cli/main.js'),
        'render',
        join(process.cwd(), EXAMPLE_YAML),
        '--renderer',
        'headings.mjs',
        '-o',
        'h.txt',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'h.txt'), 'utf8')).toMatch(/headings/);
  });

  it('briefwright assets refuses a file of the same name', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.md');
    writeFileSync(file, 'important notes');
    const result = await cli(['assets', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a file is there, not a folder');
    expect(readFileSync(file, 'utf8')).toBe('important notes');
  });
});

describe('a format of your own on the command line', () => {
  it('--renderer adds a format: -f, -o file.ext and batches on worker threads', async () => {
    const dir = tempDir();
    const module = rendererModule(dir);
    const one = await cli([
      'render',
      EXAMPLE_YAML,
      '--renderer',
      module,
      '-f',
      'headings',
      '-o',
      dir,
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(readFileSync(join(dir, 'carney-xi.txt'), 'utf8')).toMatch(/^\d+ headings\n$/);
    const file = join(dir, 'outline.txt');
    expect((await cli(['render', EXAMPLE_YAML, '--renderer', module, '-o', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/headings/);
    const inputs = ['a', 'b', 'c'].map((name) => {
      const path = join(dir, `${name}.md`);
      writeFileSync(path, `# ${name}\n\n## One\n\nText.\n\n## Two\n\nText.\n`);
      return path;
    });
    const out = join(dir, 'batch');
    const batch = await cli([
      'render',
      ...inputs,
      '--renderer',
      module,
      '-f',
      'headings,pdf',
      '-o',
      out,
      '--jobs',
      '2',
    ]);
    expect(batch.code, batch.stderr).toBe(0);
    expect(filesIn(out)).toEqual(['a.pdf', 'a.txt', 'b.pdf', 'b.txt', 'c.pdf', 'c.txt']);
  });

  it('a module that is missing or exports no renderer is a usage error naming it; --verbose shows what a failing renderer threw', async () => {
    const dir = tempDir();
    const missing = await cli(['render', EXAMPLE_YAML, '--renderer', './nowhere.mjs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('./nowhere.mjs: error USAGE: cannot load the renderer module');
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export const x = 1;\n');
    const none = await cli(['render', EXAMPLE_YAML, '--renderer', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`${empty}: error USAGE: the module exports no renderer`);
    const failing = rendererModule(dir, 'throw new Error("boom in " + heads);');
    const args = ['render', EXAMPLE_YAML, '--renderer', failing, '-f', 'headings', '-o', dir];
    const quiet = await cli(args);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain('error RENDER_FAILED: the headings renderer failed: boom in');
    expect(quiet.stderr).not.toContain('caused by');
    const verbose = await cli([...args, '--verbose']);
    expect(verbose.stderr).toMatch(/caused by: Error: boom in \d+ headings\n\s+at /);
  });
});

describe('import and init keep what the user wrote', () => {
  it('import -o refuses to overwrite an edited file without --force', async () => {
    const dir = tempDir();
    const article = join(dir, 'article.txt');
    writeFileSync(article, 'A Title\n\nSome text here.\n');
    const out = join(dir, 'brief.yaml');
    expect((await cli(['import', article, '-o', out])).code).toBe(0);
    writeFileSync(out, 'edited\n');
    const again = await cli(['import', article, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('edited\n');
    expect((await cli(['import', article, '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('title: A Title');
  });

  it('init in a project adds the dependency and the brief script, keeping the rest', async () => {
    const dir = tempDir();
    const manifest = {
      name: 'analysis',
      private: true,
      scripts: { test: 'vitest' },
      dependencies: { zod: '^4.0.0' },
    };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const result = await cli(['init', dir]);
    expect(result.code, result.stderr).toBe(0);
    const written = JSON.parse(
      readFileSync(join(dir, 'package.json'), 'utf8'),
    ) as typeof manifest & {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(written.name).toBe('analysis');
    expect(written.scripts.test).toBe('vitest');
    expect(written.scripts.brief).toMatch(/^briefwright render brief\.yaml /);
    expect(written.dependencies.zod).toBe('^4.0.0');
    expect(written.dependencies.briefwright).toBe(`^${VERSION}`);
    expect(result.stdout).toContain('npm install');
    expect(result.stdout).toContain('npm run brief');
  });
});

describe('--watch', () => {
  it('survives ten atomic saves (write a temporary file, rename it over the input), rendering each', async () => {
    const dir = tempDir();
    const input = join(dir, 'brief.yaml');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(input, 'meta:\n  title: Save 0\n');
    const controller = new AbortController();
    let stderr = '';
    const running = runCli(['render', input, '-o', `${out}/`, '-f', 'pptx', '--watch'], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      signal: controller.signal,
    });
    const title = async () => {
      if (!existsSync(join(out, 'brief.pptx'))) return '';
      const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'brief.pptx'))));
      return slideText(await parts.read('ppt/slides/slide1.xml'));
    };
    const until = async (check: () => Promise<boolean>, what: string) => {
      for (let i = 0; i < 150; i++) {
        if (await check()) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}; stderr: ${stderr}`);
    };
    await until(
      async () => stderr.includes('watching') && (await title()).includes('Save 0'),
      'the first render',
    );
    for (let save = 1; save <= 10; save++) {
      // As editors and sed -i save: a new file renamed over the old one (a new inode each time).
      const temporary = join(dir, `.brief.yaml.${save}.swp`);
      writeFileSync(temporary, `meta:\n  title: Save ${save}\n`);
      renameSync(temporary, input);
      await until(async () => (await title()).includes(`Save ${save}`), `save ${save}`);
    }
    controller.abort();
    expect(await running).toBe(0);
  });

  it('renders the Word file and the web page again on each save', async () => {
    const dir = tempDir();
    const input = join(dir, 'brief.md');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(input, '# First title\n\nText.\n');
    const controller = new AbortController();
    let stderr = '';
    const running = runCli(['render', input, '-o', `${out}/`, '-f', 'docx,html', '--watch'], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      signal: controller.signal,
    });
    const holds = (text: string) =>
      ['brief.html', 'brief.docx'].every((name) => {
        const path = join(out, name);
        if (!existsSync(path)) return false;
        const bytes = new Uint8Array(readFileSync(path));
        return name.endsWith('.html')
          ? htmlText(bytes).includes(text)
          : docxText(bytes).includes(text);
      });
    const until = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 150 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
      if (!check()) throw new Error(`timed out waiting for ${what}; stderr: ${stderr}`);
    };
    await until(() => holds('First title'), 'the first render');
    writeFileSync(input, '# Second title\n\nText.\n');
    await until(() => holds('Second title'), 'the render after the save');
    controller.abort();
    expect(await running).toBe(0);
  });
});
