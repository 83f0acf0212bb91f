import { statSync } from 'node:fs';
import { BriefwrightError } from '../diagnostics/errors.js';

/** One of several parts of a batch, for a CI matrix: the `index`th (from 1) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** An input of a shard with its place in the whole batch (from 0). */
export interface ShardInput {
  readonly input: string;
  readonly position: number;
}

/** Reads `3/8` as the third of eight shards; undefined when the text is not that. */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return validShard(shard) ? shard : undefined;
}

/** Whether a shard is a whole number from 1 to its count. */
function validShard(shard: Shard): boolean {
  return (
    Number.isSafeInteger(shard.index) &&
    Number.isSafeInteger(shard.count) &&
    shard.index >= 1 &&
    shard.index <= shard.count
  );
}

/** A shard given to the API, checked: a USAGE error names what is wrong with it. */
export function checkShard(shard: Shard, where: string): Shard {
  if (validShard(shard)) return shard;
  throw new BriefwrightError(
    'USAGE',
    `${where}: shard ${String(shard.index)}/${String(shard.count)} is not a part of the batch`,
    { hint: 'give { index, count } with 1 <= index <= count (the CLI: --shard 3/8)' },
  );
}

/** An input's size in bytes, 0 when it cannot be read (its render reports why). */
function fileSize(input: string): number {
  try {
    return statSync(input).size;
  } catch {
    return 0;
  }
}

/**
 * The inputs of one shard, in their order in the batch. Every machine splits the same inputs the same
 * way, and every input is in exactly one shard: the inputs are taken largest first (by size in bytes,
 * then by path, then by place), each given to the shard with the fewest bytes so far (the first such),
 * so that shards are balanced by the work they hold, not by their number of inputs.
 */
export function shardInputs(
  inputs: readonly string[],
  shard: Shard,
  sizeOf: (input: string) => number = fileSize,
): ShardInput[] {
  const sized = inputs.map((input, position) => ({ input, position, size: sizeOf(input) }));
  sized.sort(
    (a, b) =>
      b.size - a.size ||
      (a.input < b.input ? -1 : a.input > b.input ? 1 : 0) ||
      a.position - b.position,
  );
  const loads = new Array<number>(shard.count).fill(0);
  const mine: ShardInput[] = [];
  for (const { input, position, size } of sized) {
    let least = 0;
    for (let i = 1; i < loads.length; i++) if ((loads[i] ?? 0) < (loads[least] ?? 0)) least = i;
    loads[least] = (loads[least] ?? 0) + size;
    if (least === shard.index - 1) mine.push({ input, position });
  }
  return mine.sort((a, b) => a.position - b.position);
}
