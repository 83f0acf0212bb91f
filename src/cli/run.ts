import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { Command, CommanderError } from 'commander';
import { glob, isDynamicPattern } from 'tinyglobby';
import {
  type BatchResult,
  formatError,
  formatWarning,
  INIT_RENDER_ARGS,
  importArticleFile,
  initProject,
  isBriefwrightError,
  renderMany,
  validate,
} from '../index.js';
import { watchOutputFolder } from '../output/writeAtomic.js';
import { plainProgress, progressBar } from './progress.js';
import { watchAndRender } from './watch.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Where the CLI writes; tests pass buffers. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Stops `render --watch`. */
  readonly signal?: AbortSignal;
}

/** Runs the CLI with arguments (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exit: number = EXIT.ok;
  const program = new Command()
    .name('briefwright')
    .description('Render a report model to a PDF brief and a PPTX deck.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run "briefwright --help" for usage)');

  program
    .command('render')
    .description('render inputs (.json, .yaml, .md) to files')
    .argument('<input...>', 'input files or glob patterns ("briefs/**/*.yaml")')
    .option('-f, --format <list>', 'comma-separated formats', 'pdf,pptx')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-t, --template <name|dir>', 'template name or folder, or pdf=dir,pptx=dir per format')
    .option('--theme <file>', 'theme file (JSON or YAML)')
    .option('-q, --quiet', 'print only errors')
    .option('--report <kind>', 'print a machine-readable preflight report instead of lines (json)')
    .option('--json', 'print a machine-readable summary (same as --report json)')
    .option(
      '-j, --jobs <n>',
      'inputs rendered at once, each in a worker thread (default: the cores)',
    )
    .option('--strict', 'exit 1 when the preflight finds anything (for CI)')
    .option('-w, --watch', 'render again whenever an input, the theme or a template folder changes')
    .option('--max-input-mb <n>', 'the largest input file to read, in MB (default 10)')
    .option(
      '--font <file>',
      'a font for characters the theme lacks (CJK, Arabic…); repeat for more',
      (file: string, list: string[] = []) => [...list, file],
    )
    .option(
      '--link-schemes <list>',
      'schemes whose links stay live (default http,https,mailto); others become plain text',
    )
    .option('--no-system-fonts', 'do not look for fallback fonts among the system fonts')
    .option(
      '--missing-glyphs <policy>',
      'a character no font has: "warn" (drawn as ?) or "error" (the render fails)',
      'warn',
    )
    .action(async (inputs: string[], opts: RenderCommandOptions) => {
      if (opts.report !== undefined && opts.report !== 'json') {
        io.stderr.write(`briefwright: --report takes "json", not "${opts.report}"\n`);
        exit = EXIT.usage;
        return;
      }
      const formats = opts.format
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      if (opts.missingGlyphs !== 'warn' && opts.missingGlyphs !== 'error') {
        io.stderr.write(
          `briefwright: --missing-glyphs takes "warn" or "error", not "${opts.missingGlyphs}"\n`,
        );
        exit = EXIT.usage;
        return;
      }
      const missingGlyphs = opts.missingGlyphs;
      const json = opts.report === 'json' || opts.json === true;
      const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
        io.stderr.write(
          `briefwright: --jobs takes a whole number of 1 or more, not "${opts.jobs}"\n`,
        );
        exit = EXIT.usage;
        return;
      }
      const maxInputMb = opts.maxInputMb === undefined ? undefined : Number(opts.maxInputMb);
      if (maxInputMb !== undefined && !(Number.isFinite(maxInputMb) && maxInputMb > 0)) {
        io.stderr.write(
          `briefwright: --max-input-mb takes a number of megabytes above 0, not "${opts.maxInputMb}"\n`,
        );
        exit = EXIT.usage;
        return;
      }
      const files = await expandInputs(inputs);
      if ('missing' in files) {
        io.stderr.write(`briefwright: no input matches ${files.missing}\n`);
        exit = EXIT.usage;
        return;
      }
      // Worker threads write here: an interrupted run removes their temporary files too.
      watchOutputFolder(opts.out);
      const renderAll = async () => {
        // A bar on a terminal for a batch; plain lines in CI, in pipes and for one input.
        const bar = !json && files.length > 1 && io.stderr.isTTY === true && !io.env.CI;
        const progress = bar ? progressBar(io.stderr, files.length) : plainProgress();
        let results: BatchResult[];
        try {
          results = await renderMany(files, {
            formats,
            outDir: opts.out,
            ...(jobs !== undefined ? { jobs } : {}),
            ...(opts.template ? { template: parseTemplateOption(opts.template) } : {}),
            ...(opts.theme ? { theme: opts.theme } : {}),
            ...(maxInputMb !== undefined
              ? { limits: { maxInputBytes: Math.round(maxInputMb * 1024 * 1024) } }
              : {}),
            fonts: opts.font ?? [],
            ...(opts.linkSchemes
              ? { linkSchemes: opts.linkSchemes.split(',').map((s) => s.trim()) }
              : {}),
            systemFonts: opts.systemFonts,
            missingGlyphs,
            onStart: (input) => progress.started(input),
            onResult: (result, finished) => {
              progress.finished(result, finished);
              if (json) return;
              if (result.error) {
                progress.line(io.stderr, formatError(result.error));
                return;
              }
              for (const warning of result.warnings)
                progress.line(io.stderr, formatWarning(warning));
              if (!opts.quiet && !bar)
                for (const file of result.files)
                  progress.line(io.stdout, `${result.input} → ${file.path}`);
            },
          });
        } catch (error) {
          progress.end();
          exit = Math.max(exit, report(error, io));
          return;
        }
        progress.end();
        for (const result of results) {
          if (result.error) exit = Math.max(exit, exitCodeOf(result.error));
          else if (opts.strict && result.warnings.length > 0) exit = Math.max(exit, EXIT.badInput);
        }
        if (bar) {
          const failed = results.filter((r) => !r.ok).length;
          io.stderr.write(`${results.length - failed} rendered, ${failed} failed\n`);
        }
        if (json) {
          const summary = results.map((r) =>
            r.error
              ? { input: r.input, ok: false, error: describeError(r.error), ms: r.ms }
              : { input: r.input, ok: true, files: r.files, warnings: r.warnings, ms: r.ms },
          );
          io.stdout.write(`${JSON.stringify({ inputs: summary }, null, 2)}\n`);
        }
      };
      await renderAll();
      if (opts.watch) {
        // Built-in template names are not folders here; template folders the user gave are watched.
        const option = opts.template ? parseTemplateOption(opts.template) : undefined;
        const templates =
          option === undefined ? [] : typeof option === 'string' ? [option] : Object.values(option);
        const watched = [
          ...files,
          ...(opts.theme ? [opts.theme] : []),
          ...templates.filter((t) => existsSync(t)),
        ];
        await watchAndRender(
          watched,
          renderAll,
          (message) => io.stderr.write(`briefwright: ${message}\n`),
          io.signal,
        );
      }
    });

  program
    .command('validate')
    .description('check inputs against the model without rendering')
    .argument('<input...>', 'input files or glob patterns ("briefs/**/*.yaml")')
    .action(async (inputs: string[]) => {
      for (const input of inputs) {
        try {
          await validate(input);
          io.stdout.write(`${input}: valid\n`);
        } catch (error) {
          exit = Math.max(exit, report(error, io));
        }
      }
    });

  program
    .command('init')
    .description(
      'scaffold a project: brief.yaml, theme.json, templates to edit, a package.json script',
    )
    .argument('[dir]', 'the folder', '.')
    .option('--force', 'overwrite the starter files')
    .action(async (dir: string, opts: { force?: boolean }) => {
      try {
        const written = await initProject(dir, { force: Boolean(opts.force) });
        io.stdout.write(
          `${written.map((file) => `  ${file}`).join('\n')}\nnow: cd ${dir} && npx briefwright ${INIT_RENDER_ARGS.join(' ')}\n`,
        );
      } catch (error) {
        exit = Math.max(exit, report(error, io));
      }
    });

  program
    .command('import')
    .description('turn a plain article (.txt or .md) into a report model you can edit')
    .argument('<article>', 'the article')
    .option('-o, --out <file>', 'write the YAML here instead of printing it')
    .action(async (article: string, opts: { out?: string }) => {
      try {
        const yaml = await importArticleFile(article, opts.out ? { out: opts.out } : {});
        io.stdout.write(opts.out ? `${article} → ${opts.out}\n` : yaml);
      } catch (error) {
        exit = Math.max(exit, report(error, io));
      }
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return report(error, io);
  }
  return exit;
}

interface RenderCommandOptions {
  format: string;
  out: string;
  template?: string;
  theme?: string;
  quiet?: boolean;
  report?: string;
  strict?: boolean;
  watch?: boolean;
  maxInputMb?: string;
  json?: boolean;
  jobs?: string;
  font?: string[];
  linkSchemes?: string;
  systemFonts: boolean;
  missingGlyphs: string;
}

/** `--template name|dir`, or `pdf=dir,pptx=dir` for one template per format. */
function parseTemplateOption(value: string): string | Record<string, string> {
  if (!/^[\w-]+=/.test(value)) return value;
  return Object.fromEntries(
    value.split(',').map((pair) => pair.split('=').map((part) => part.trim()) as [string, string]),
  );
}

/** The exit code an error maps to: usage mistakes 2, everything else 1. */
function exitCodeOf(error: unknown): number {
  if (!isBriefwrightError(error)) return EXIT.badInput;
  return error.code === 'USAGE' ||
    error.code === 'FORMAT_UNKNOWN' ||
    error.code === 'TEMPLATE_NOT_FOUND'
    ? EXIT.usage
    : EXIT.badInput;
}

/** An error as the JSON report gives it. */
/**
 * The input files: each argument as given, or the files a glob pattern matches (sorted); a pattern that
 * matches nothing is reported.
 */
async function expandInputs(inputs: readonly string[]): Promise<string[] | { missing: string }> {
  const files: string[] = [];
  for (const input of inputs) {
    if (!isDynamicPattern(input)) {
      files.push(input);
      continue;
    }
    const matched = (
      await glob(input, { onlyFiles: true, absolute: isAbsolute(input), expandDirectories: false })
    ).sort();
    if (matched.length === 0) return { missing: input };
    for (const file of matched) files.push(file);
  }
  return files;
}

function describeError(error: unknown) {
  if (!isBriefwrightError(error))
    return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
  const { code, message, file, pointer, line, column, hint } = error;
  return { code, message, file, pointer, line, column, hint };
}

function report(error: unknown, io: CliIo): number {
  if (isBriefwrightError(error)) {
    io.stderr.write(`${formatError(error)}\n`);
    return exitCodeOf(error);
  }
  // Not a user mistake: a bug. Show the stack so it can be reported.
  io.stderr.write(
    `briefwright: internal error (please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.badInput;
}
