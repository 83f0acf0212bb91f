import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countPages } from '../../src/index.js';
import { tempDir } from '../helpers.js';

/**
 * briefwright as a user gets it: packed with `npm pack`, installed from the tarball into fresh projects
 * (its dependencies from the npm registry), and used as the README says, from the README's own text.
 */
const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const README = readFileSync('README.md', 'utf8');

let work = '';
let tarball = '';
let project = '';

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', ...env },
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return result;
}

/** Runs a command and fails the test with its output when it fails. */
function ok(command: string, args: readonly string[], cwd: string, env?: Record<string, string>) {
  const result = run(command, args, cwd, env);
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

const bash = (script: string, cwd: string, env?: Record<string, string>) =>
  ok('bash', ['-eo', 'pipefail', '-c', script], cwd, env);

/** The fenced blocks of a language in the README, in order. */
function fenced(language: string): string[] {
  return [...README.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    ([, body]) => body ?? '',
  );
}

function isPdf(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, 5).toString() === '%PDF-' && bytes.subarray(-7).toString().includes('%%EOF')
  );
}

beforeAll(() => {
  work = tempDir();
  // npm test has just built dist/; the tarball holds what `files` lists, as npm publish would.
  const packed = ok(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
    ROOT,
  );
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info?.filename ?? '');
  project = join(work, 'app');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2)}\n`,
  );
  ok(
    'npm',
    ['install', '--prefer-offline', tarball, `esbuild@${pkg.devDependencies.esbuild}`],
    project,
  );
}, 300_000);

describe('the packed package, installed in a fresh project', () => {
  it('npx briefwright --version prints the version', () => {
    expect(ok('npx', ['briefwright', '--version'], project).stdout.trim()).toBe(pkg.version);
  });

  it('needs no queue library until a queue command runs, and then says what to install', () => {
    // bullmq and ioredis are optional peer dependencies: not installed here.
    expect(existsSync(join(project, 'node_modules', 'bullmq'))).toBe(false);
    const status = spawnSync('npx', ['briefwright', 'queue-status'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(status.status).toBe(2);
    expect(status.stderr).toContain('error USAGE: the queue commands need bullmq and ioredis');
    expect(status.stderr).toContain('npm install bullmq ioredis');
  });

  it('init, npm install, npm run brief: a PDF and a deck; -o out.pdf; a pipe from stdin to stdout', () => {
    ok('npx', ['briefwright', 'init', 'x'], project);
    const x = join(project, 'x');
    ok('npm', ['install', '--prefer-offline', tarball], x);
    ok('npm', ['run', 'brief'], x);
    const pdf = readFileSync(join(x, 'output', 'brief.pdf'));
    expect(isPdf(pdf)).toBe(true);
    expect(countPages('pdf', pdf)).toBeGreaterThan(1);
    expect(countPages('pptx', readFileSync(join(x, 'output', 'brief.pptx')))).toBeGreaterThan(3);

    ok('npx', ['briefwright', 'render', 'brief.yaml', '-o', 'out.pdf'], x);
    expect(isPdf(readFileSync(join(x, 'out.pdf')))).toBe(true);
    expect(existsSync(join(x, 'out.pdf', 'brief.pdf'))).toBe(false);

    bash('cat brief.yaml | npx briefwright render - --format pdf -o - > piped.pdf', x);
    const piped = readFileSync(join(x, 'piped.pdf'));
    expect(isPdf(piped)).toBe(true);
    if (spawnSync('qpdf', ['--version']).status === 0)
      expect(ok('qpdf', ['--check', 'piped.pdf'], x).stdout).toContain(
        'No syntax or stream encoding errors',
      );
    // The scaffolded files name the installed schemas, which exist.
    expect(readFileSync(join(x, 'brief.yaml'), 'utf8')).toContain(
      '$schema=./node_modules/briefwright/schema/report.schema.json',
    );
    expect(existsSync(join(x, 'node_modules/briefwright/schema/report.schema.json'))).toBe(true);
    expect(existsSync(join(x, 'node_modules/briefwright/schema/theme.schema.json'))).toBe(true);
  }, 300_000);

  it('installs from git: prepare builds dist/, and the CLI and the library work', () => {
    // npm clones the repository (its last commit), installs its dev dependencies and runs prepare.
    const fromGit = join(work, 'from-git');
    mkdirSync(fromGit);
    writeFileSync(
      join(fromGit, 'package.json'),
      '{ "name": "from-git", "private": true, "type": "module" }\n',
    );
    ok('npm', ['install', '--prefer-offline', `git+file://${ROOT}`], fromGit);
    expect(existsSync(join(fromGit, 'node_modules/briefwright/dist/index.js'))).toBe(true);
    expect(ok('npx', ['briefwright', '--version'], fromGit).stdout.trim()).toBe(pkg.version);
    writeFileSync(
      join(fromGit, 'use.js'),
      "import { render } from 'briefwright';\nconst { outputs } = await render('# From git\\n\\nText.\\n');\nconsole.log(outputs.length);\n",
    );
    expect(ok('node', ['use.js'], fromGit).stdout.trim()).toBe('2');
  }, 300_000);

  it("require('briefwright') works from CommonJS", () => {
    writeFileSync(
      join(project, 'require.cjs'),
      "const { render } = require('briefwright');\nconsole.log(typeof render);\n",
    );
    expect(ok('node', ['require.cjs'], project).stdout).toMatch(/^function/);
  });
});

describe("the README's code, run as written", () => {
  it('every TypeScript snippet type-checks against the installed package', () => {
    typeCheck(project, writeSnippets(), {
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      types: ['node'],
    });
  }, 120_000);

  it('its types need no Node types of the consumer\'s ("types": [], every declaration checked)', () => {
    const dir = join(project, 'typesless');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import { isBriefwrightError, render, renderToStream, type ReportInput } from 'briefwright';",
        "const brief: ReportInput = { meta: { title: 'T' }, summary: 'S' };",
        "export const done = render(brief, { formats: ['pdf'] }).catch((e: unknown) => isBriefwrightError(e));",
        'export const streamed = (out: Parameters<typeof renderToStream>[1]) => renderToStream(brief, out);',
        '',
      ].join('\n'),
    );
    typeCheck(dir, ['use.ts'], { types: [] });
  }, 120_000);

  it('every TypeScript snippet runs (a server answers with a whole PDF)', async () => {
    const names = writeSnippets();
    for (const name of names) {
      const js = name.replace(/\.ts$/, '.js');
      ok('npx', ['esbuild', name, '--format=esm', '--platform=node', `--outfile=${js}`], project);
    }
    for (const name of names) {
      const js = name.replace(/\.ts$/, '.js');
      const source = readFileSync(join(project, name), 'utf8');
      if (source.includes('.listen(')) {
        await checkServer(js);
        continue;
      }
      ok('node', [js], project);
    }
    // The quick start wrote its files.
    expect(isPdf(readFileSync(join(project, 'output', 'carney.pdf')))).toBe(true);
    expect(existsSync(join(project, 'output', 'batch', 'carney.pptx'))).toBe(true);
  }, 180_000);

  it('the quick start bundled with esbuild as the README says, run from another folder', () => {
    writeFileSync(join(project, 'app.ts'), fenced('ts')[0] ?? '');
    const block = fenced('sh').find((b) => b.includes('npx esbuild app.ts')) ?? '';
    // Build and write the assets as written; run the bundle elsewhere, with nothing installed around it.
    bash(block.replace(/^node .*$/m, ''), project);
    const elsewhere = join(tempDir(), 'deploy');
    cpSync(join(project, 'dist'), elsewhere, { recursive: true });
    const here = tempDir();
    const result = ok('node', [join(elsewhere, 'app.mjs')], here);
    expect(result.stdout).toContain('pdf');
    expect(isPdf(readFileSync(join(here, 'output', 'carney.pdf')))).toBe(true);

    // The same bundle without its assets says where they should be.
    const bare = join(tempDir(), 'bare');
    mkdirSync(bare);
    cpSync(join(project, 'dist', 'app.mjs'), join(bare, 'app.mjs'));
    const missing = run('node', [join(bare, 'app.mjs')], here);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('ASSETS_MISSING');
    expect(missing.stderr).toContain(`briefwright assets ${join(bare, 'briefwright-assets')}`);
  }, 180_000);

  it('a CommonJS bundle with the flags the README gives', () => {
    const [, flags = ''] = /As CommonJS[\s\S]*?\n`(--define:[^`]+)`/.exec(README) ?? [];
    expect(flags).toContain('--define:import.meta.url=');
    writeFileSync(
      join(project, 'note.cjs'),
      "const { render } = require('briefwright');\nrender('# Note\\n\\nText.\\n').then((r) => console.log(r.outputs.map((o) => o.format).join(',')));\n",
    );
    bash(
      `npx esbuild note.cjs --bundle --platform=node --format=cjs --outfile=cjs/note.cjs --log-level=warning ${flags} && npx briefwright assets cjs/briefwright-assets`,
      project,
    );
    const elsewhere = join(tempDir(), 'cjs');
    cpSync(join(project, 'cjs'), elsewhere, { recursive: true });
    expect(ok('node', [join(elsewhere, 'note.cjs')], tempDir()).stdout.trim()).toBe('pdf,pptx');
  }, 120_000);

  it('the renderer module on the command line, and the theme example with its npm font paths', () => {
    writeSnippets();
    const x = join(project, 'cli');
    mkdirSync(x, { recursive: true });
    cpSync(join(ROOT, 'init', 'brief.yaml'), join(x, 'brief.yaml'));
    ok('npx', ['esbuild', '../headings.ts', '--format=esm', '--outfile=headings.js'], x);
    const line = fenced('sh').find((b) => b.includes('--renderer ./headings.js')) ?? '';
    bash(line, x);
    expect(readFileSync(join(x, 'headings.txt'), 'utf8').split('\n').length).toBeGreaterThan(3);

    const theme = fenced('json').find((b) => b.includes('"fonts"')) ?? '';
    writeFileSync(join(project, 'theme.json'), theme);
    ok(
      'npx',
      ['briefwright', 'render', 'cli/brief.yaml', '--theme', 'theme.json', '-o', 'themed.pdf'],
      project,
    );
    const pdf = readFileSync(join(project, 'themed.pdf')).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo-Bold/);
  }, 120_000);
});

/** Type-checks files of a folder with strict settings, every declaration they reach included. */
function typeCheck(dir: string, files: readonly string[], types: Record<string, unknown>): void {
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    ...types,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
  ok(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir);
}

/**
 * Writes the README's TypeScript blocks into the project: one whose first line is `// name.ts: …` under
 * that name (others import it), the rest as snippet-N.ts. Returns the file names.
 */
function writeSnippets(): string[] {
  let n = 0;
  return fenced('ts').map((body) => {
    const name = /^\/\/ ([\w-]+\.ts):/.exec(body)?.[1] ?? `snippet-${++n}.ts`;
    writeFileSync(join(project, name), body);
    return name;
  });
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts a snippet that serves, fetches from it until it answers, and checks the PDF it sends. */
async function checkServer(js: string): Promise<void> {
  const port = await freePort();
  const child = spawn('node', [resolve(project, js)], {
    cwd: project,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    let response: Response | undefined;
    for (let i = 0; i < 100 && !response; i++) {
      response = await fetch(`http://127.0.0.1:${port}/brief.pdf`).catch(async () => {
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }
    expect(response?.status, stderr).toBe(200);
    expect(response?.headers.get('content-type')).toBe('application/pdf');
    // The body ends: renderToStream ended the response when the PDF was complete.
    const body = Buffer.from(
      await (response?.arrayBuffer() ?? Promise.resolve(new ArrayBuffer(0))),
    );
    expect(isPdf(body)).toBe(true);
  } finally {
    child.kill();
  }
}
