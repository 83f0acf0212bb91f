import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BatchResult } from '../api/batch.js';
import type { Shard } from '../api/shard.js';
import { BriefwrightError } from '../diagnostics/errors.js';
import { describeError } from './report.js';

/** One input in the JSON summary of `render --json`. */
export interface SummaryInput {
  readonly input: string;
  readonly ok: boolean;
  /** The input's place in the whole batch, in a shard's summary (merge-reports puts them back in order). */
  readonly position?: number;
  readonly [field: string]: unknown;
}

/** The counts of a summary, for a final CI step. */
export interface SummaryTotals {
  readonly inputs: number;
  readonly ok: number;
  readonly failed: number;
  readonly warnings: number;
  readonly files: number;
}

/** Which shard a summary is: of how many, of how many inputs, and of which batch (a hash of its inputs and options). */
export type ShardOfBatch = Shard & { readonly inputs: number; readonly batch: string };

/** The JSON summary of a batch: each input, the totals, and which shard it was when it was one. */
export interface Summary {
  readonly shard?: ShardOfBatch;
  readonly inputs: readonly SummaryInput[];
  readonly totals: SummaryTotals;
}

/**
 * What identifies a batch across the machines of a CI matrix: its inputs in order and the flags that
 * change what is written or reported; merge-reports merges only shards of one batch.
 */
export function batchId(files: readonly string[], flags: unknown): string {
  return createHash('sha256').update(JSON.stringify({ files, flags })).digest('hex').slice(0, 16);
}

/** The totals of a summary's inputs. */
function totalsOf(inputs: readonly SummaryInput[]): SummaryTotals {
  const count = (field: string) =>
    inputs.reduce((sum, input) => {
      const value = input[field];
      return sum + (Array.isArray(value) ? value.length : 0);
    }, 0);
  const ok = inputs.filter((input) => input.ok).length;
  return {
    inputs: inputs.length,
    ok,
    failed: inputs.length - ok,
    warnings: count('warnings'),
    files: count('files'),
  };
}

/**
 * The summary of a batch's results. Under --strict an input with warnings is not ok. A shard's summary
 * says which shard it is and how many inputs the whole batch has, and gives each input its place in it.
 */
export function summaryOf(
  results: readonly BatchResult[],
  strict: boolean,
  shard?: ShardOfBatch,
): Summary {
  const inputs = results.map((r): SummaryInput => {
    const position = shard ? { position: r.position ?? -1 } : {};
    return r.error
      ? { input: r.input, ok: false, ...position, error: describeError(r.error), ms: r.ms }
      : {
          input: r.input,
          ok: !(strict && r.warnings.length > 0),
          ...position,
          files: r.files,
          warnings: r.warnings,
          ms: r.ms,
        };
  });
  return {
    ...(shard ? { shard } : {}),
    inputs,
    totals: totalsOf(inputs),
  };
}

/** A usage error about a report file given to merge-reports. */
function badReport(file: string, message: string, hint: string): BriefwrightError {
  return new BriefwrightError('USAGE', message, { file, hint });
}

/** Whether a value is an input entry of a shard's summary: an input, whether it is ok, its place. */
function isShardInput(value: unknown): value is SummaryInput {
  if (typeof value !== 'object' || value === null) return false;
  const { input, ok, position } = value as Record<string, unknown>;
  return (
    typeof input === 'string' &&
    typeof ok === 'boolean' &&
    typeof position === 'number' &&
    Number.isInteger(position)
  );
}

/** Reads a shard's summary written by `render --shard k/n --json`. */
export function readShardSummary(file: string): Summary & { readonly shard: ShardOfBatch } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new BriefwrightError('USAGE', 'cannot read this report as JSON', {
      file,
      cause,
      hint: 'give the files `briefwright render --shard k/n --json` printed',
    });
  }
  const summary = parsed as Partial<Summary> | null;
  const shard = summary?.shard;
  if (
    !shard ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    shard.index < 1 ||
    shard.index > shard.count ||
    !Number.isInteger(shard.inputs) ||
    typeof shard.batch !== 'string' ||
    !Array.isArray(summary.inputs)
  )
    throw badReport(
      file,
      'this is not the JSON summary of a shard (no "shard" with index, count, inputs and batch)',
      'render each shard with --shard k/n --json and give those files',
    );
  const inputs: unknown[] = summary.inputs;
  const bad = inputs.findIndex((entry) => !isShardInput(entry));
  if (bad >= 0)
    throw badReport(
      file,
      `input ${bad + 1} of this report has no input, ok and position`,
      'merge the reports as briefwright wrote them',
    );
  return { shard, inputs: summary.inputs, totals: totalsOf(summary.inputs) };
}

/**
 * Merges the summaries of every shard of a batch into the summary one run of the whole batch gives:
 * the inputs in their order, and the totals. Refuses shards of different splits, a shard given twice,
 * a missing shard, or inputs that do not add up.
 */
export function mergeSummaries(files: readonly string[]): Summary {
  const shards = files.map((file) => ({ file, summary: readShardSummary(file) }));
  const first = shards[0];
  if (!first) throw new BriefwrightError('USAGE', 'merge-reports needs the shards’ reports');
  const { count, inputs: total, batch } = first.summary.shard;
  const seen = new Map<number, string>();
  for (const { file, summary } of shards) {
    const { shard } = summary;
    if (shard.count !== count || shard.inputs !== total)
      throw badReport(
        file,
        `this shard is ${shard.index}/${shard.count} of ${shard.inputs} inputs; ${first.file} is of ${count} shards and ${total} inputs`,
        'merge the reports of one batch, split one way',
      );
    if (shard.batch !== batch)
      throw badReport(
        file,
        `this shard is of another batch than ${first.file} (other inputs, or other options)`,
        'merge the reports of one run of every shard, with the same inputs and flags',
      );
    const other = seen.get(shard.index);
    if (other)
      throw badReport(
        file,
        `shard ${shard.index}/${count} is given twice (also ${other})`,
        'give each shard once',
      );
    seen.set(shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new BriefwrightError(
      'USAGE',
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
      { hint: 'give the report of every shard (a shard with no inputs writes one too)' },
    );
  const inputs = shards
    .flatMap(({ summary }) => summary.inputs)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const places = inputs.map((input) => input.position);
  if (inputs.length !== total || places.some((place, i) => place !== i))
    throw new BriefwrightError(
      'USAGE',
      `the shards hold ${inputs.length} inputs at places that do not make up the batch of ${total}`,
      { hint: 'merge the reports of one run of every shard, unedited' },
    );
  const merged = inputs.map(({ position: _position, ...rest }) => rest as SummaryInput);
  return { inputs: merged, totals: totalsOf(merged) };
}
