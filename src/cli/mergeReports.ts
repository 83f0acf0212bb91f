import type { Command } from 'commander';
import { expandInputs } from './renderCommand.js';
import { type CliIo, EXIT, report, usage } from './report.js';

/** Adds `merge-reports`: the JSON summaries of every shard of a batch, merged into one run's. */
export function addMergeReportsCommand(
  program: Command,
  io: CliIo,
  record: (code: number) => void,
): void {
  program
    .command('merge-reports')
    .description(
      'merge the JSON summaries of every shard of a batch (render --shard k/n --json) into one',
    )
    .argument('<report...>', "the shards' reports (shard-*.json)")
    .option('-o, --out <file>', 'write the merged summary here instead of printing it')
    .action(async (reports: string[], opts: { out?: string }) => {
      try {
        const files = await expandInputs(reports);
        if ('missing' in files) {
          record(usage(io, files.missing));
          return;
        }
        const { mergeSummaries } = await import('./summary.js');
        const merged = mergeSummaries(files);
        const text = `${JSON.stringify(merged, null, 2)}\n`;
        if (opts.out) {
          const { writeFilesAtomic } = await import('../output/writeAtomic.js');
          await writeFilesAtomic([{ path: opts.out, bytes: new TextEncoder().encode(text) }]);
        } else io.stdout.write(text);
        const { inputs, ok, failed, warnings } = merged.totals;
        const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
        io.stderr.write(
          `briefwright: ${count(files.length, 'shard report')}, ${count(inputs, 'input')}: ${ok} ok, ${failed} failed, ${count(warnings, 'warning')}\n`,
        );
        // Like the render of the whole batch: 1 when an input failed.
        if (failed > 0) record(EXIT.badInput);
      } catch (error) {
        record(report(error, io));
      }
    });
}
