import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  type: string;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the package', () => {
  it('is ESM with typed exports (require() too, on Node 20.19+), a bin and no install scripts', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.']).toEqual({
      types: './dist/index.d.ts',
      import: './dist/index.js',
      require: './dist/index.js',
      default: './dist/index.js',
    });
    expect(pkg.bin.briefwright).toBe('dist/bin/main.js');
    for (const script of ['preinstall', 'install', 'postinstall'])
      expect(pkg.scripts[script]).toBeUndefined();
    // Installing from git builds dist/ (npm runs prepare for git dependencies, not for registry ones).
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(readFileSync('dist/bin/main.js', 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('publishes type declarations that need only its runtime dependencies (briefwright/queue: its peers too)', () => {
    const declarations = filesUnder('dist').filter((f) => f.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(10);
    for (const file of declarations) {
      // The queue's entry point needs its optional peers (bullmq, ioredis); nothing else does.
      const allowed = [
        ...Object.keys(pkg.dependencies),
        ...(file.startsWith('dist/queue/') ? Object.keys(pkg.peerDependencies) : []),
      ];
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!specifier || specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : (specifier.split('/')[0] ?? '');
        expect(allowed, `${file} imports ${specifier}`).toContain(name);
      }
    }
  });
});
