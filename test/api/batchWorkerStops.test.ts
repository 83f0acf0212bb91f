import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderOne } from '../../src/api/batchTask.js';
import { renderMany } from '../../src/index.js';
import { EXAMPLE_YAML, tempDir } from '../helpers.js';

// A pool whose worker dies on one input: tinypool rejects that task's promise, as it does when a worker
// runs out of memory (ERR_WORKER_OUT_OF_MEMORY) or throws outside the task. The others render as a
// worker would render them.
vi.mock('tinypool', () => ({
  default: class {
    run(task: Parameters<typeof renderOne>[0]) {
      // Warm at once, so that the worker takes the inputs after the first (the calling thread's).
      if (task.warmUp) return Promise.resolve();
      if (task.input.includes('dies'))
        return Promise.reject(
          new Error('Worker terminated due to reaching memory limit: JS heap out of memory'),
        );
      return renderOne(task);
    }
    destroy() {
      return Promise.resolve();
    }
  },
}));

describe('renderMany when a worker dies', () => {
  it('fails that input alone, naming it, and the others complete', async () => {
    const dir = tempDir();
    const inputs = ['a', 'dies', 'b'].map((name) => {
      const path = join(dir, `${name}.yaml`);
      copyFileSync(EXAMPLE_YAML, path);
      return path;
    });
    const results = await renderMany(inputs, { outDir: join(dir, 'out'), jobs: 2 });
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]?.error).toMatchObject({ code: 'RENDER_FAILED', file: inputs[1] });
    expect(results[1]?.error?.message).toContain('JS heap out of memory');
    expect(results[1]?.error?.hint).toContain('--jobs 1');
    expect(results[0]?.files.map((f) => f.format)).toEqual(['pdf', 'pptx']);
  }, 60_000);

  it('rejects with what a caller’s onResult threw, whichever thread finished the input, and leaks nothing', async () => {
    const dir = tempDir();
    const inputs = ['a', 'b', 'c', 'd'].map((name) => {
      const path = join(dir, `${name}.yaml`);
      copyFileSync(EXAMPLE_YAML, path);
      return path;
    });
    let calls = 0;
    await expect(
      renderMany(inputs, {
        outDir: join(dir, 'out'),
        jobs: 2,
        formats: ['pptx'],
        onResult: () => {
          calls++;
          if (calls === 2) throw new Error('the caller’s callback broke');
        },
      }),
    ).rejects.toThrow('the caller’s callback broke');
  }, 60_000);
});
