#!/usr/bin/env node
import { onTemporaryFiles, removePendingTemporaryFiles } from '../output/writeAtomic.js';
import { runCli } from './run.js';

// Interrupted (Ctrl-C, a CI timeout): leave no half-written file behind; finished files stay as they are.
// A handler is installed only while there are temporary files to remove. Writing them is asynchronous,
// so the handler runs at once; the rest of the time (rendering is long synchronous work, during which a
// handler could not run until it ended) the signal ends the process at once, with nothing to clean up.
const handlers = (
  [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const
).map(([signal, code]) => ({
  signal,
  handle: () => {
    removePendingTemporaryFiles();
    process.exit(code);
  },
}));
onTemporaryFiles((active) => {
  for (const { signal, handle } of handlers) {
    if (active) process.on(signal, handle);
    else process.off(signal, handle);
  }
});

// Standard output that cannot be written: a reader that stopped reading (`| head`) ends briefwright
// quietly, as it ends other Unix tools; anything else (a full disk) is an OUTPUT_WRITE error, never a
// stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  removePendingTemporaryFiles();
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(
    `<stdout>: error OUTPUT_WRITE: cannot write to standard output: ${error.message}\n  hint: check the disk or the file standard output goes to\n`,
  );
  process.exit(1);
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
