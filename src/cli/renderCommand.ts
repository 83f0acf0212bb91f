import { existsSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { parseShard, type Shard } from '../api/shard.js';
import type { BatchResult, Engine, RenderManyOptions, Warning } from '../index.js';
import type { InputFormat } from '../load/index.js';
import { watchOutputFolder, writeFilesAtomic } from '../output/writeAtomic.js';
import { plainProgress, progressBar } from './progress.js';
import {
  type CliIo,
  EXIT,
  errorStyleOf,
  exitCodeOf,
  printedError,
  printedWarning,
  readAll,
  report,
  usage,
  wroteLine,
} from './report.js';
import { type OutputTarget, outputTarget } from './target.js';

interface RenderCommandOptions {
  format?: string;
  out?: string;
  name?: string;
  from?: string;
  template?: string;
  theme?: string;
  quiet?: boolean;
  verbose?: boolean;
  report?: string;
  strict?: boolean;
  watch?: boolean;
  maxInputMb?: string;
  json?: boolean;
  jobs?: string;
  font?: string[];
  renderer?: string[];
  linkSchemes?: string;
  pptxTemplate?: string;
  systemFonts: boolean;
  missingGlyphs: string;
  shard?: string;
}

/** What messages call standard input. */
export const STDIN_NAME = '<stdin>';

/** The input syntax `--from` names (`yaml`, `yml`, `json`, `md`, `markdown`, in any case). */
/**
 * The library, loaded when a command runs rather than when the CLI starts: `--version`, `--help` and a
 * usage error do not wait for the renderers, the fonts and the validators.
 */
export const library = () => import('../index.js');

export function inputFormatNamed(name: string): InputFormat | undefined {
  return FROM[name.toLowerCase()];
}

const FROM: Readonly<Record<string, InputFormat>> = {
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  md: 'markdown',
  markdown: 'markdown',
};

/** Adds `briefwright render` to the program; `exit` receives the exit code of each run. */
export function addRenderCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command('render')
    .description('render inputs (.json, .yaml, .md) to a PDF brief and a PPTX deck')
    .argument(
      '<input...>',
      'input files, glob patterns ("briefs/**/*.yaml"), or - for standard input',
    )
    .option(
      '-f, --format <list>',
      "comma-separated formats, or -f repeated (default: pdf,pptx, or the -o file's)",
      (value: string, previous?: string) => (previous ? `${previous},${value}` : value),
    )
    .option(
      '-o, --out <path>',
      'a folder (default output/), a file (brief.pdf), or - for standard output',
    )
    .option('--name <name>', 'the output file name without extension, for one input')
    .option('--from <syntax>', 'the syntax of the input: yaml, json or md (default: its extension)')
    .option('-t, --template <name|dir>', 'template name or folder, or pdf=dir,pptx=dir per format')
    .option('--theme <file>', 'theme file (JSON or YAML)')
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', 'print what caused an error, with its stack (for reporting a bug)')
    .option('--report <kind>', 'print a machine-readable preflight report instead of lines (json)')
    .option('--json', 'print a machine-readable summary (same as --report json)')
    .option(
      '-j, --jobs <n>',
      'inputs rendered at once, each in a worker thread (default: the cores)',
    )
    .option('--strict', 'exit 1 when the preflight finds anything (for CI)')
    .option(
      '--shard <k/n>',
      'render the k-th of n parts of the inputs, balanced by size, the same on every machine (CI matrices)',
    )
    .option('-w, --watch', 'render again whenever an input, the theme or a template folder changes')
    .option('--max-input-mb <n>', 'the largest input file to read, in MB (default 10)')
    .option(
      '--font <file>',
      'a font for characters the theme lacks (CJK, Arabic…); repeat for more',
      (file: string, list: string[] = []) => [...list, file],
    )
    .option(
      '--renderer <module>',
      'a module whose default export is a renderer (a format of your own); repeat for more',
      (module: string, list: string[] = []) => [...list, module],
    )
    .option(
      '--link-schemes <list>',
      'schemes whose links stay live (default http,https,mailto); others become plain text',
    )
    .option(
      '--pptx-template <file>',
      'build the deck on a PowerPoint template (.potx or .pptx): its masters, layouts, colours and fonts',
    )
    .option('--no-system-fonts', 'do not look for fallback fonts among the system fonts')
    .option(
      '--missing-glyphs <policy>',
      'a character no font has: "warn" (drawn as ?) or "error" (the render fails)',
      'warn',
    )
    .action(async (inputs: string[], opts: RenderCommandOptions) => {
      exit(await runRender(inputs, opts, io));
    });
}

async function runRender(
  inputs: readonly string[],
  given: RenderCommandOptions,
  io: CliIo,
): Promise<number> {
  const checked = checkOptions(given, io);
  if (typeof checked === 'number') return checked;
  const { formats, options } = checked;
  let engine: Engine;
  try {
    const { defaultEngine, engineWithRenderers } = await library();
    engine = given.renderer ? await engineWithRenderers(given.renderer) : defaultEngine();
  } catch (error) {
    return report(error, io, given.verbose);
  }
  // --name final.pdf means final: the extension is the format's to add.
  const extension = extname(given.name ?? '').toLowerCase();
  const opts =
    given.name && extensionsOf(engine)[extension]
      ? { ...given, name: given.name.slice(0, -extension.length) }
      : given;
  const target = outputTarget(opts.out, inputs, formats, extensionsOf(engine));
  if ('problem' in target) return usage(io, target.problem);
  const stdin = inputs.length === 1 && inputs[0] === '-';
  if (stdin || target.kind !== 'folder') {
    if (opts.watch) return usage(io, '--watch renders files into a folder: use -o folder/');
    if (opts.shard !== undefined)
      return usage(io, '--shard splits a batch rendered into a folder: use -o folder/');
    return renderOne(inputs[0] ?? '-', target, options, engine, opts, io);
  }
  if (inputs.includes('-')) return usage(io, '- (standard input) takes no other inputs');
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard)
    return usage(io, `--shard takes k/n with 1 <= k <= n (3/8), not "${opts.shard}"`);
  if (shard && opts.watch)
    return usage(io, '--shard renders a part of a batch once: leave out --watch');
  const files = await expandInputs(inputs);
  if ('missing' in files) return usage(io, files.missing);
  if (opts.name && files.length > 1) return usage(io, '--name takes one input');
  // Worker threads write here: an interrupted run removes their temporary files too.
  watchOutputFolder(target.dir);
  let code = await renderBatch(files, target.dir, options, opts, io, shard);
  if (opts.watch) {
    // Built-in template names are not folders here; template folders the user gave are watched.
    const template = options.template;
    const templates =
      template === undefined
        ? []
        : typeof template === 'string'
          ? [template]
          : Object.values(template);
    const watched = [
      ...files,
      ...(opts.theme ? [opts.theme] : []),
      ...templates.filter((t) => existsSync(t)),
    ];
    const { watchAndRender } = await import('./watch.js');
    await watchAndRender(
      inputs.filter((input) => isDynamicPattern(input) && !input.startsWith('!')),
      watched,
      async () => {
        // Files a pattern matches now, new ones included.
        const now = await expandInputs(inputs);
        const again = await renderBatch(
          'missing' in now ? files : now,
          target.dir,
          options,
          opts,
          io,
        );
        code = Math.max(code, again);
      },
      (message: string) => io.stderr.write(`briefwright: ${message}\n`),
      io.signal,
    );
  }
  return code;
}

type Shared = Omit<RenderManyOptions, 'outDir' | 'jobs' | 'onResult' | 'onStart' | 'shard'>;

/** The options every render of this command shares, or the exit code of a usage mistake. */
function checkOptions(
  opts: RenderCommandOptions,
  io: CliIo,
): { formats: string[] | undefined; options: Shared } | number {
  if (opts.report !== undefined && opts.report !== 'json')
    return usage(io, `--report takes "json", not "${opts.report}"`);
  const missingGlyphs = opts.missingGlyphs.toLowerCase();
  if (missingGlyphs !== 'warn' && missingGlyphs !== 'error')
    return usage(io, `--missing-glyphs takes "warn" or "error", not "${opts.missingGlyphs}"`);
  // Megabytes written as a decimal number (not 0x10, 1e3 or Infinity).
  const maxInputMb =
    opts.maxInputMb === undefined
      ? undefined
      : /^\d+(\.\d+)?$/.test(opts.maxInputMb.trim())
        ? Number(opts.maxInputMb)
        : Number.NaN;
  if (maxInputMb !== undefined && !(Number.isFinite(maxInputMb) && maxInputMb > 0))
    return usage(
      io,
      `--max-input-mb takes a number of megabytes above 0, not "${opts.maxInputMb}"`,
    );
  const from = opts.from === undefined ? undefined : inputFormatNamed(opts.from);
  if (opts.from !== undefined && !from)
    return usage(io, `--from takes yaml, json or md, not "${opts.from}"`);
  // Formats are names, whatever their case: --format PDF is pdf.
  const formats = opts.format
    ?.split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  return {
    formats,
    options: {
      ...(formats ? { formats } : {}),
      ...(opts.template ? { template: parseTemplateOption(opts.template) } : {}),
      ...(opts.theme ? { theme: opts.theme } : {}),
      ...(maxInputMb !== undefined
        ? { limits: { maxInputBytes: Math.round(maxInputMb * 1024 * 1024) } }
        : {}),
      fonts: opts.font ?? [],
      ...(opts.linkSchemes
        ? { linkSchemes: opts.linkSchemes.split(',').map((s) => s.trim()) }
        : {}),
      ...(from ? { inputFormat: from } : {}),
      ...(opts.pptxTemplate ? { pptxTemplate: opts.pptxTemplate } : {}),
      ...(opts.renderer ? { renderers: opts.renderer } : {}),
      systemFonts: opts.systemFonts,
      missingGlyphs,
    },
  };
}

/** One input (a file or standard input) to one file, standard output, or a folder. */
async function renderOne(
  input: string,
  target: OutputTarget,
  shared: Shared,
  engine: Engine,
  opts: RenderCommandOptions,
  io: CliIo,
): Promise<number> {
  const { renderers: _modules, ...rest } = shared;
  const options = { ...rest, engine };
  try {
    const source = input === '-' ? await readAll(io.stdin ?? process.stdin) : input;
    const named = input === '-' ? { file: STDIN_NAME } : {};
    // Files made from standard input are named stdin.pdf, stdin.pptx unless --name says otherwise.
    const name = opts.name ?? (input === '-' ? 'stdin' : undefined);
    let warnings: readonly Warning[];
    if (target.kind === 'folder') {
      const { renderToFiles } = await library();
      const result = await renderToFiles(source, {
        ...options,
        ...named,
        outDir: target.dir,
        ...(name ? { name } : {}),
      });
      warnings = result.warnings;
      if (!opts.quiet)
        for (const written of result.files) io.stdout.write(`${wroteLine(input, written.path)}\n`);
    } else {
      // One file, named exactly as given (Deck.PPTX stays Deck.PPTX), or standard output.
      const { render } = await library();
      const result = await render(source, { ...options, ...named, formats: [target.format] });
      const bytes = result.outputs[0]?.bytes ?? new Uint8Array();
      warnings = result.warnings;
      if (target.kind === 'stdout') io.stdout.write(bytes);
      else {
        await writeFilesAtomic([{ path: target.path, bytes }]);
        if (!opts.quiet) io.stdout.write(`${wroteLine(input, target.path)}\n`);
      }
    }
    // Under --strict a warning fails the run: it is printed even with -q.
    if (!opts.quiet || opts.strict)
      for (const warning of warnings)
        io.stderr.write(`${printedWarning(warning, io, opts.strict)}\n`);
    return strictOutcome(warnings.length, opts, io);
  } catch (error) {
    return report(error, io, opts.verbose);
  }
}

/** Many inputs into a folder, on worker threads, with a progress bar on a terminal. */
async function renderBatch(
  files: readonly string[],
  dir: string,
  options: Shared,
  opts: RenderCommandOptions,
  io: CliIo,
  shard?: Shard,
): Promise<number> {
  const json = opts.report === 'json' || opts.json === true;
  const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    return usage(io, `--jobs takes a whole number of 1 or more, not "${opts.jobs}"`);
  // A bar on a terminal for a batch; plain lines in CI, in pipes and for one input.
  const bar = !json && files.length > 1 && io.stderr.isTTY === true && !io.env.CI;
  const progress = bar ? progressBar(io.stderr, files.length) : plainProgress();
  let results: BatchResult[];
  try {
    const { renderMany } = await library();
    results = await renderMany(files, {
      ...options,
      ...(shard ? { shard } : {}),
      outDir: dir,
      ...(opts.name ? { name: opts.name } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      onStart: (input) => progress.started(input),
      onResult: (result, finished, total) => {
        progress.finished(result, finished, total);
        // The JSON summary owns standard output; GitHub annotations still go to standard error, where
        // the runner picks them up.
        if (json && errorStyleOf(io) !== 'github') return;
        if (result.error) {
          progress.line(io.stderr, printedError(result.error, io));
          if (opts.verbose && result.error.cause instanceof Error && result.error.cause.stack)
            progress.line(io.stderr, `  caused by: ${result.error.cause.stack}`);
          return;
        }
        // Under --strict a warning fails the run: it is printed even with -q.
        if (opts.quiet && !opts.strict) return;
        for (const warning of result.warnings)
          progress.line(io.stderr, printedWarning(warning, io, opts.strict));
        if (json || opts.quiet) return;
        for (const file of result.files)
          progress.line(io.stdout, wroteLine(result.input, file.path));
      },
    });
  } catch (error) {
    progress.end();
    return report(error, io, opts.verbose);
  }
  progress.end();
  let code: number = EXIT.ok;
  for (const result of results) if (result.error) code = Math.max(code, exitCodeOf(result.error));
  if (bar) {
    const failed = results.filter((r) => !r.ok).length;
    io.stderr.write(`${results.length - failed} rendered, ${failed} failed\n`);
  }
  if (json) {
    const { batchId, summaryOf } = await import('./summary.js');
    const summary = summaryOf(
      results,
      opts.strict === true,
      shard
        ? {
            ...shard,
            inputs: files.length,
            batch: batchId(files, { options, strict: opts.strict === true, name: opts.name }),
          }
        : undefined,
    );
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  }
  const warned = results.reduce((sum, r) => sum + r.warnings.length, 0);
  return Math.max(code, strictOutcome(warned, opts, io));
}

/** With --strict, warnings fail the run, and a line says so (the warnings themselves may be quiet). */
function strictOutcome(warnings: number, opts: RenderCommandOptions, io: CliIo): number {
  if (!opts.strict || warnings === 0) return EXIT.ok;
  io.stderr.write(
    `briefwright: --strict: ${warnings} warning${warnings === 1 ? '' : 's'} fail${warnings === 1 ? 's' : ''} this run\n`,
  );
  return EXIT.badInput;
}

/** The formats of an engine by their file extensions (`.pdf` → `pdf`), for `-o file`. */
function extensionsOf(engine: Engine): Record<string, string> {
  return Object.fromEntries(
    engine.formats.map((format) => [engine.renderer(format).extension.toLowerCase(), format]),
  );
}

/** `--template name|dir`, or `pdf=dir,pptx=dir` for one template per format. */
function parseTemplateOption(value: string): string | Record<string, string> {
  if (!/^[\w-]+=/.test(value)) return value;
  return Object.fromEntries(
    value.split(',').map((pair) => pair.split('=').map((part) => part.trim()) as [string, string]),
  );
}

/**
 * The input files: each argument as given, or the files a glob pattern matches (sorted). An argument
 * starting with `!` leaves out what it matches (`"!README.md"`, `"!drafts/*"`), as in prettier's and
 * eslint's command lines; a pattern is matched against the path as written, from here, and whole (so
 * `!**` patterns work for inputs in other folders too). A pattern that matches nothing, or exclusions
 * that leave nothing, are reported with a message for the user.
 */
export async function expandInputs(
  inputs: readonly string[],
): Promise<string[] | { missing: string }> {
  const ignore = inputs.filter((input) => input.startsWith('!')).map((input) => input.slice(1));
  const match = ignore.length > 0 ? picomatch(ignore, { dot: true }) : () => false;
  const ignored = (file: string) =>
    match(file) || match(relative('.', resolve(file))) || match(resolve(file));
  const files: string[] = [];
  let found = 0;
  for (const input of inputs) {
    if (input.startsWith('!')) continue;
    const matched = isDynamicPattern(input)
      ? (
          await glob(input, {
            onlyFiles: true,
            absolute: isAbsolute(input),
            expandDirectories: false,
          })
        ).sort()
      : [input];
    if (matched.length === 0) return { missing: `no input matches ${input}` };
    found += matched.length;
    for (const file of matched) if (!ignored(file)) files.push(file);
  }
  if (files.length === 0) {
    const patterns = ignore.map((pattern) => `!${pattern}`).join(' ');
    return {
      missing:
        found === 0
          ? `only exclusions were given (${patterns}): name the inputs too`
          : `${patterns} leave${ignore.length === 1 ? 's' : ''} out every input (${found})`,
    };
  }
  return files;
}
