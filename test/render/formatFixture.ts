import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { tempDir } from '../helpers.js';

/**
 * The document every new format is checked on (test/fixtures/formats/everything.md: styled text, links
 * of every kind, footnotes, nested and numbered lists, a task list, a table, a quote, code, an image),
 * copied into a folder of its own with the 300 × 300 PNG it shows. Returns the Markdown file's path.
 */
export function everythingFixture(): string {
  const dir = tempDir();
  const file = join(dir, 'everything.md');
  copyFileSync('test/fixtures/formats/everything.md', file);
  const data = new Uint8Array(300 * 300 * 3).fill(90);
  writeFileSync(
    join(dir, 'square.png'),
    encode({ width: 300, height: 300, data, channels: 3, depth: 8 }),
  );
  return file;
}
