import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import {
  formatError,
  formatWarning,
  INIT_RENDER_ARGS,
  importArticleFile,
  initProject,
  isBriefwrightError,
  renderToFiles,
  validate,
} from '../index.js';
import { watchAndRender } from './watch.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Where the CLI writes; tests pass buffers. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
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
    .argument('<input...>', 'input files')
    .option('-f, --format <list>', 'comma-separated formats', 'pdf,pptx')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-t, --template <name|dir>', 'template name or folder, or pdf=dir,pptx=dir per format')
    .option('--theme <file>', 'theme file (JSON or YAML)')
    .option('-q, --quiet', 'print only errors')
    .option('--report <kind>', 'print a machine-readable preflight report instead of lines (json)')
    .option('--strict', 'exit 1 when the preflight finds anything (for CI)')
    .option('-w, --watch', 'render again whenever an input, the theme or a template folder changes')
    .option('--max-input-mb <n>', 'the largest input file to read, in MB (default 10)')
    .option(
      '--font <file>',
      'a font for characters the theme lacks (CJK, Arabic…); repeat for more',
      (file: string, list: string[] = []) => [...list, file],
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
      const json = opts.report === 'json';
      const renderAll = async () => {
        const summary: unknown[] = [];
        for (const input of inputs) {
          const started = performance.now();
          try {
            const result = await renderToFiles(input, {
              formats,
              outDir: opts.out,
              ...(opts.template ? { template: parseTemplateOption(opts.template) } : {}),
              ...(opts.theme ? { theme: opts.theme } : {}),
              ...(opts.maxInputMb
                ? { limits: { maxInputBytes: Number(opts.maxInputMb) * 1024 * 1024 } }
                : {}),
              fonts: opts.font ?? [],
              systemFonts: opts.systemFonts,
              missingGlyphs,
            });
            if (opts.strict && result.warnings.length > 0) exit = Math.max(exit, EXIT.badInput);
            const ms = Math.round(performance.now() - started);
            summary.push({ input, ok: true, files: result.files, warnings: result.warnings, ms });
            if (json) continue;
            for (const warning of result.warnings) io.stderr.write(`${formatWarning(warning)}\n`);
            if (!opts.quiet)
              for (const file of result.files) io.stdout.write(`${input} → ${file.path}\n`);
          } catch (error) {
            const code = json ? exitCodeOf(error) : report(error, io);
            exit = Math.max(exit, code);
            summary.push({ input, ok: false, error: describeError(error) });
          }
        }
        if (json) io.stdout.write(`${JSON.stringify({ inputs: summary }, null, 2)}\n`);
      };
      await renderAll();
      if (opts.watch) {
        // Built-in template names are not folders here; template folders the user gave are watched.
        const option = opts.template ? parseTemplateOption(opts.template) : undefined;
        const templates =
          option === undefined ? [] : typeof option === 'string' ? [option] : Object.values(option);
        const watched = [
          ...inputs,
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
    .argument('<input...>', 'input files')
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
  font?: string[];
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
