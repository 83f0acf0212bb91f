#!/usr/bin/env node
import { removePendingTemporaryFiles } from '../index.js';
import { runCli } from './run.js';

// Interrupted (Ctrl-C, a CI timeout): leave no half-written file behind; finished files stay as they are.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    removePendingTemporaryFiles();
    process.exit(code);
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
