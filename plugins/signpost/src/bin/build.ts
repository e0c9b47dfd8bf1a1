#!/usr/bin/env node
/**
 * `npm run build -- [DIR] [--out DIR] [--base PATH] [--strict]`
 *
 * Checks the guides first; on any error it prints the same report as `check` and stops, with
 * the previous site untouched. Otherwise Astro renders the site aside, and the finished site
 * replaces the previous one in one rename.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { checkGuides } from '../lib/check.ts';
import { clearViteModeVariables, parseCommand, writerCwd } from './common.ts';
import { storeCheckedGuides } from '../lib/guide-store.ts';
import { phaseTimes, timed } from '../lib/timings.ts';
import { countNodes, formatResult, sourceLines, terminalColor } from '../lib/report.ts';

const USAGE = `Usage: npm run build -- [DIR] [--out DIR] [--base PATH] [--strict]

Checks the guides in DIR (default: guide), then builds the site into --out (default: dist).

  --base PATH   serve the site under a sub-path, e.g. /help/
  --strict      drafts are errors (use it for production)
  --help        show this help`;

const command = parseCommand('build', USAGE, {
  out: { type: 'string', default: 'dist' },
  base: { type: 'string', default: '/' },
  strict: { type: 'boolean', default: false },
});
const { values, positionals } = command;
// Declared with its type, so that TypeScript knows the code after a failure does not run.
const fail: (message: string) => never = command.fail;
if (positionals.length > 1) fail('give one folder of guides');

const root = process.cwd();
const cwd = writerCwd('build');
const guidesDir = resolve(cwd, positionals[0] ?? 'guide');
const outDir = resolve(cwd, values.out);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const started = performance.now();
const result = await checkGuides([guidesDir], { strict: values.strict });
const validation = performance.now() - started;
const errors = result.problems.filter((p) => p.severity === 'error');
if (result.problems.length > 0 || result.ioError) {
  process.stdout.write(formatResult(result, { cwd, color: terminalColor(), sourceLine: sourceLines() }));
}
if (errors.length > 0 || result.ioError) {
  process.stdout.write(`\nBuild stopped: fix the problems above. ${basename(outDir)}/ was left as it was.\n`);
  process.exit(result.ioError ? 2 : 1);
}

// Astro empties its outDir first: render into a staging folder, then swap.
const staging = join(root, 'node_modules', '.cache', 'signpost', `build-${process.pid}`);
await rm(staging, { recursive: true, force: true });
await mkdir(dirname(staging), { recursive: true });
process.env['SIGNPOST_GUIDES'] = guidesDir;
// The pages use these checked guides rather than parsing every file again.
storeCheckedGuides(guidesDir, result);
// Signpost sends nothing anywhere by default, and that includes Astro's usage telemetry.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
clearViteModeVariables();
try {
  const { build } = await import('astro');
  await timed('astro', () => build({ root, outDir: staging, base, logLevel: 'warn' }));
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  process.stderr.write(`\nBuild failed while rendering: ${(error as Error).message}\n${basename(outDir)}/ was left as it was.\n`);
  process.exit(1);
}

const previous = `${staging}-previous`;
await rm(previous, { recursive: true, force: true });
await rename(outDir, previous).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'ENOENT') throw error;
});
await mkdir(dirname(outDir), { recursive: true });
await rename(staging, outDir);
await rm(previous, { recursive: true, force: true });
process.stdout.write(`Built ${countNodes(result)} node pages of ${result.guides.length} guide(s) into ${basename(outDir)}/ (base ${base}).\n`);
// For `npm run bench`: where the time went, and the peak memory.
const timingsFile = process.env['SIGNPOST_TIMINGS'];
if (timingsFile) {
  const phases = phaseTimes();
  await writeFile(timingsFile, JSON.stringify({ validation, ...phases, total: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
}
