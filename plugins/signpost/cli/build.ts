#!/usr/bin/env node
/**
 * `npm run build -- [DIR] [--out DIR] [--base PATH] [--strict]`
 *
 * Refuses a bad setting or a dangerous output folder before any work (one line, exit 2).
 * Checks the guides; on any error it prints the same report as `check` and stops, with the
 * previous site untouched (exit 1). Otherwise Astro renders the site beside the previous one,
 * and the output link is swapped to it in one atomic rename (see site-swap.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { checkGuides } from '../lib/check.ts';
import { checkEnvironment, clearViteModeVariables, describeFsError, parseCommand, refuse, setting, shown as shownPath, writerCwd } from './common.ts';
import { storeCheckedGuides } from '../lib/guide-store.ts';
import { phaseTimes, timed } from '../lib/timings.ts';
import { countNodes, formatResult, sourceLines, terminalColor } from '../lib/report.ts';
import { BasePathSchema } from '../lib/schemas/site-config.ts';
import { checkOutput } from './output-folder.ts';
import { BuildLock } from './build-lock.ts';
import { SiteSwap } from './site-swap.ts';

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
if (positionals.length > 1) command.fail('give one folder of guides');
const stop = (message: string): never => refuse('build', message);

const root = process.cwd();
const cwd = writerCwd('build');
const guidesDir = resolve(cwd, positionals[0] ?? 'guide');
const outDir = resolve(cwd, values.out);
const name = `${basename(outDir)}/`;

// Configuration first: each value reaches pages, `_headers` or the policy.
const base = setting('build', BasePathSchema, values.base, '--base');
checkEnvironment('build');

// Then the output folder: nothing that could destroy the guides, the project or a stranger's files.
try {
  checkOutput(values.out, outDir, { guides: guidesDir, root });
} catch (error) {
  stop(describeFsError(error, `cannot read --out ${shownPath(values.out)}`) ?? (error as Error).message);
}

const swap = new SiteSwap(outDir);
const projectLock = new BuildLock(join(root, '.astro', 'signpost-build.lock'));
/** Exits with one line for a file-system problem (2), or the error's message (1). */
const failed = (error: unknown, doing: string): never => {
  swap.abandon();
  projectLock.release();
  const problem = describeFsError(error, doing);
  if (problem) stop(`${problem}; ${name} was left as it was`);
  if ((error as { type?: unknown }).type === 'AstroUserError') {
    const { message, hint } = error as { message: string; hint?: string };
    stop(`${message}${hint ? `\n${hint}` : ''}`);
  }
  process.stderr.write(`\nBuild failed while rendering: ${(error as Error).message}\n${name} was left as it was.\n`);
  process.exit(1);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    swap.abandon();
    projectLock.release();
    process.stderr.write(`\nsignpost build: stopped by ${signal}; ${name} ${swap.swapped ? 'holds the new site' : 'was left as it was'}\n`);
    process.exit(128 + constants.signals[signal]);
  });
}

const started = performance.now();
// One build at a time per project (Astro keeps its work files in the project's .astro/), and
// one at a time per output, whichever project it comes from.
const waiting = (pid: number) => process.stderr.write(`signpost build: waiting for the build in process ${pid} to finish\n`);
try {
  await mkdir(join(root, '.astro'), { recursive: true });
  await projectLock.acquire(waiting);
  await swap.lock(waiting);
  const restored = await swap.recover();
  if (restored) process.stderr.write(`signpost build: ${name} was missing after an interrupted build; it now holds the last complete site again\n`);
} catch (error) {
  failed(error, `cannot write beside ${shownPath(relative(cwd, outDir) || '.')}`);
}

const result = await checkGuides([guidesDir], { strict: values.strict });
const validation = performance.now() - started;
const errors = result.problems.filter((p) => p.severity === 'error');
if (result.problems.length > 0 || result.ioError) {
  process.stdout.write(formatResult(result, { cwd, color: terminalColor(), sourceLine: sourceLines() }));
}
if (errors.length > 0 || result.ioError) {
  swap.abandon();
  projectLock.release();
  process.stdout.write(`\nBuild stopped: fix the problems above. ${name} was left as it was.\n`);
  process.exit(result.ioError ? 2 : 1);
}

process.env['SIGNPOST_GUIDES'] = guidesDir;
// The pages use these checked guides rather than parsing every file again.
storeCheckedGuides(guidesDir, result);
// Signpost sends nothing anywhere by default, and that includes Astro's usage telemetry.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
clearViteModeVariables();
try {
  await swap.stage();
  const { build } = await import('astro');
  // Astro empties its outDir first: it renders into the staging folder beside the current site.
  await timed('astro', () => build({ root, outDir: swap.staging, base, logLevel: 'warn' }));
} catch (error) {
  failed(error, `cannot write ${shownPath(relative(cwd, swap.staging))}`);
}
try {
  await swap.swap();
} catch (error) {
  if (!swap.swapped) failed(error, `cannot replace ${shownPath(relative(cwd, outDir) || '.')}`);
  // The new site is in place; only removing the previous one failed. The next build retries.
  process.stderr.write(`signpost build: ${describeFsError(error, 'could not remove the previous site') ?? (error as Error).message}\n`);
}
swap.release();
projectLock.release();
process.stdout.write(`Built ${countNodes(result)} node pages of ${result.guides.length} guide(s) into ${name} (base ${base}).\n`);
// For `npm run bench`: where the time went, and the peak memory.
const timingsFile = process.env['SIGNPOST_TIMINGS'];
if (timingsFile) {
  const phases = phaseTimes();
  await writeFile(timingsFile, JSON.stringify({ validation, ...phases, total: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
}
