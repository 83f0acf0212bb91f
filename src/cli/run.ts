import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { printable } from '../diagnostics/errors.js';
import { VERSION } from '../version.js';
import { ERROR_STYLES, type ErrorStyle } from './annotations.js';
import { addMergeReportsCommand } from './mergeReports.js';
import { addQueueCommands } from './queueCommands.js';
import {
  addRenderCommand,
  expandInputs,
  inputFormatNamed,
  library,
  STDIN_NAME,
} from './renderCommand.js';
import { type CliIo, describeError, EXIT, readAll, report, usage, wroteLine } from './report.js';

export { type CliIo, EXIT } from './report.js';

/** Runs the CLI with arguments (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  let exit: number = EXIT.ok;
  let style: ErrorStyle | undefined;
  const io: CliIo = {
    ...given,
    get errorStyle() {
      return style ?? given.errorStyle;
    },
  };
  const record = (code: number) => {
    exit = Math.max(exit, code);
  };
  const program = new Command()
    .name('briefwright')
    .description('Render a report model to a PDF brief and a PPTX deck.')
    .version(VERSION, '-v, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run "briefwright --help" for usage)')
    .addOption(
      new Option(
        '--format-errors <style>',
        'print errors and warnings as text lines, or as GitHub Actions annotations (default: github inside GitHub Actions)',
      ).argParser((value) => {
        const style = ERROR_STYLES.find((s) => s === value.toLowerCase());
        if (!style)
          throw new InvalidArgumentError(`Allowed choices are ${ERROR_STYLES.join(', ')}.`);
        return style;
      }),
    )
    .hook('preAction', () => {
      const chosen: unknown = program.opts().formatErrors;
      style = ERROR_STYLES.find((s) => s === chosen);
    });

  addRenderCommand(program, io, record);
  addQueueCommands(program, io, record);

  program
    .command('validate')
    .description('check inputs against the model without rendering')
    .argument(
      '<input...>',
      'input files, glob patterns ("briefs/**/*.yaml"), or - for standard input',
    )
    .option('--json', 'print a machine-readable result per input')
    .option('--from <syntax>', 'the syntax of standard input: yaml, json or md (default: guessed)')
    .action(async (inputs: string[], opts: { json?: boolean; from?: string }) => {
      const stdin = inputs.includes('-');
      if (stdin && inputs.length > 1) {
        record(usage(io, '- (standard input) takes no other inputs'));
        return;
      }
      const from = opts.from === undefined ? undefined : inputFormatNamed(opts.from);
      if (opts.from !== undefined && !from) {
        record(usage(io, `--from takes yaml, json or md, not "${opts.from}"`));
        return;
      }
      const files = stdin ? ['-'] : await expandInputs(inputs);
      if ('missing' in files) {
        record(usage(io, files.missing));
        return;
      }
      const results: Record<string, unknown>[] = [];
      const { validate } = await library();
      for (const input of files) {
        try {
          if (input === '-')
            await validate(await readAll(io.stdin ?? process.stdin), {
              file: STDIN_NAME,
              ...(from ? { inputFormat: from } : {}),
            });
          else await validate(input, from ? { inputFormat: from } : {});
          if (opts.json) results.push({ input, ok: true });
          else io.stdout.write(`${printable(input)}: valid\n`);
        } catch (error) {
          if (opts.json) {
            results.push({ input, ok: false, error: describeError(error) });
            record(EXIT.badInput);
          } else record(report(error, io));
        }
      }
      if (opts.json) io.stdout.write(`${JSON.stringify({ inputs: results }, null, 2)}\n`);
    });

  program
    .command('init')
    .description('scaffold a project: brief.yaml, theme.json, templates to edit, an npm script')
    .argument('[dir]', 'the folder', '.')
    .option('--force', 'overwrite the starter files')
    .action(async (dir: string, opts: { force?: boolean }) => {
      try {
        const { initProject } = await library();
        const { written, steps, notes } = await initProject(dir, { force: Boolean(opts.force) });
        const lines = [
          ...written.map((file) => `  ${file}`),
          ...notes.map((note) => `\nNote: ${note}`),
          '\nNext:',
          ...steps.map((step) => `  ${step}`),
        ];
        io.stdout.write(`${lines.join('\n')}\n`);
      } catch (error) {
        record(report(error, io));
      }
    });

  program
    .command('assets')
    .description(
      "write briefwright's templates, fonts and hyphenation patterns into a folder, for a bundled program",
    )
    .argument(
      '<dir>',
      'the folder: briefwright-assets/ beside the bundle, or what BRIEFWRIGHT_ASSETS names',
    )
    .action(async (dir: string) => {
      try {
        const { writeAssets } = await library();
        const { dir: written, files, bytes } = await writeAssets(dir);
        io.stdout.write(`${written}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB\n`);
      } catch (error) {
        record(report(error, io));
      }
    });

  program
    .command('import')
    .description('turn a plain article (.txt or .md) into a report model you can edit')
    .argument('<article>', 'the article, or - for standard input')
    .option('-o, --out <file>', 'write the YAML here instead of printing it')
    .option('--force', 'overwrite the file -o names when it exists')
    .action(async (article: string, opts: { out?: string; force?: boolean }) => {
      try {
        const out = opts.out ? { out: opts.out, force: Boolean(opts.force) } : {};
        const { importArticleFile, importArticleText } = await library();
        const yaml =
          article === '-'
            ? await importArticleText(await readAll(io.stdin ?? process.stdin), {
                ...out,
                source: STDIN_NAME,
              })
            : await importArticleFile(article, out);
        io.stdout.write(opts.out ? `${wroteLine(article, opts.out)}\n` : yaml);
      } catch (error) {
        record(report(error, io));
      }
    });

  addMergeReportsCommand(program, io, record);

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
