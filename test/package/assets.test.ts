import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ASSETS_VARIABLE, render, writeAssets } from '../../src/index.js';
import { caughtError, tempDir } from '../helpers.js';

const BRIEF = `---
title: Assets
lang: en
---

# Reach

A paragraph long enough to need hyphenation somewhere: internationalisation, institutionalisation and
counterproductively long words in a narrow column. Arabic: مرحبا بالعالم. Hebrew: שלום. Thai: สวัสดี.
Devanagari: नमस्ते. Some \`code\` and *italic* and **bold**.
`;

async function renderAll() {
  const { outputs } = await render(BRIEF, { formats: ['pdf', 'pptx'], systemFonts: false });
  return outputs.map((output) => Buffer.from(output.bytes));
}

afterEach(() => {
  delete process.env[ASSETS_VARIABLE];
});

describe('the assets folder for a bundle', () => {
  it('holds everything a render reads: its outputs equal those of the installed package', async () => {
    const dir = join(tempDir(), 'briefwright-assets');
    const { files, bytes } = await writeAssets(dir);
    expect(files).toBeGreaterThan(30);
    expect(bytes).toBeGreaterThan(5e6);
    // Each font package comes with its licence, as the fonts' licence (OFL) asks.
    const inter = join(dir, 'node_modules', '@expo-google-fonts', 'inter');
    expect(existsSync(join(inter, 'LICENSE_FONT'))).toBe(true);
    expect(existsSync(join(inter, '400Regular', 'Inter_400Regular.ttf'))).toBe(true);
    // Only the weights briefwright uses, not every weight the package has.
    expect(existsSync(join(inter, '100Thin'))).toBe(false);

    const installed = await renderAll();
    process.env[ASSETS_VARIABLE] = dir;
    const fromAssets = await renderAll();
    expect(fromAssets.map((b) => b.length)).toEqual(installed.map((b) => b.length));
    expect(fromAssets.every((b, i) => b.equals(installed[i] ?? Buffer.alloc(0)))).toBe(true);
  });

  it('replaces an assets folder but refuses a folder of something else', async () => {
    const dir = join(tempDir(), 'assets');
    await writeAssets(dir);
    writeFileSync(join(dir, 'templates', 'stale.txt'), 'old');
    await writeAssets(dir);
    expect(existsSync(join(dir, 'templates', 'stale.txt'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name).toBe(
      'briefwright-assets',
    );

    const other = join(tempDir(), 'src');
    mkdirSync(other);
    writeFileSync(join(other, 'app.js'), '');
    const error = await caughtError(() => writeAssets(other));
    expect(error.code).toBe('USAGE');
    expect(error.file).toBe(other);
    expect(readFileSync(join(other, 'app.js'), 'utf8')).toBe('');
  });

  it('says where the assets should be when the variable names a folder without them', async () => {
    const empty = tempDir();
    process.env[ASSETS_VARIABLE] = empty;
    const error = await caughtError(() => render(BRIEF, { formats: ['pdf'] }));
    expect(error.code).toBe('ASSETS_MISSING');
    expect(error.file).toBe(empty);
    expect(error.hint).toContain(`briefwright assets ${empty}`);
  });
});
