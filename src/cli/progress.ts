import type { BatchResult } from '../api/batch.js';
import { printable } from '../diagnostics/errors.js';

/** Where progress goes: a redrawn bar on a terminal, nothing extra otherwise. */
export interface Progress {
  /** Prints a line above the bar (a warning, an error, a written file). */
  line(stream: { write(text: string): unknown }, text: string): void;
  /** An input started. */
  started(input: string): void;
  /** An input finished: how many have, of how many (a shard's inputs, not the whole batch's). */
  finished(result: BatchResult, finished: number, total: number): void;
  /** Clears the bar. */
  end(): void;
}

const WIDTH = 24;

/**
 * A progress bar with counts, the current file and an estimate of the time left, redrawn on one
 * terminal line; lines printed meanwhile go above it.
 */
export function progressBar(stderr: { write(text: string): unknown }, inputs: number): Progress {
  const began = performance.now();
  let total = inputs;
  let done = 0;
  let current = '';
  const draw = () => {
    const filled = Math.round((done / total) * WIDTH);
    const elapsed = (performance.now() - began) / 1000;
    const left = done > 0 ? Math.round((elapsed / done) * (total - done)) : undefined;
    const eta =
      left === undefined
        ? ''
        : ` · ~${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
    stderr.write(
      `\r\x1b[K[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total} · ${current}${eta}`,
    );
  };
  return {
    line: (stream, text) => {
      stderr.write('\r\x1b[K');
      stream.write(`${text}\n`);
      draw();
    },
    started: (input) => {
      current = printable(input);
      draw();
    },
    finished: (_result, finished, of) => {
      done = finished;
      total = of;
      draw();
    },
    end: () => {
      stderr.write('\r\x1b[K');
    },
  };
}

/** No bar: lines are printed as they come (CI logs, pipes, single inputs). */
export function plainProgress(): Progress {
  return {
    line: (stream, text) => {
      stream.write(`${text}\n`);
    },
    started: () => {},
    finished: () => {},
    end: () => {},
  };
}
