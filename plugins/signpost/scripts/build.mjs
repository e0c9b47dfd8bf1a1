#!/usr/bin/env node
/**
 * Builds the package: TypeScript to JavaScript and declarations (tsc), and the files Astro and
 * Vite read as they are (`.astro` components and routes, stylesheets) copied beside them.
 * `npm install` runs it (the `prepare` script), so a clone is ready to use.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const COPIED = /\.(astro|css|svg|md)$/;

rmSync(dist, { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', root], { stdio: 'inherit' });
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COPIED.test(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  cpSync(from, join(dist, from.slice(src.length + 1)));
}
