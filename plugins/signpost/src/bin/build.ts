/**
 * `signpost build [DIR] [--out DIR] [--base PATH] [--strict]` (`npm run build -- …` here)
 *
 * Refuses a bad setting or a dangerous output folder before any work (one line, exit 2). Then
 * Astro builds the site beside the previous one, in a process of its own (renderer.ts): the
 * Signpost loader checks the guides first, and on any error the report is printed and the
 * build stops with the previous site untouched (exit 1). Otherwise the output link is swapped
 * to the new site in one atomic rename (see site-swap.ts).
 *
 * This process owns what is on disk (the locks, the staging folder, the swap) and only waits
 * for Astro's, so a signal is always heard: SIGINT, SIGTERM or SIGHUP kills Astro's process
 * group (Pagefind's process with it), even while it is stuck in a synchronous step, undoes
 * whatever part of the swap was done, and exits 128 + the signal's number with one line.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { BasePathSchema } from '../core/schemas/site-config.ts';
import type { BuildPhase } from '../integration/command-line.ts';
import { BuildLock } from './build-lock.ts';
import {
  checkEnvironment,
  clearViteModeVariables,
  describeFsError,
  parseCommand,
  refuse,
  setting,
  shown as shownPath,
  writerCwd,
} from './common.ts';
import { checkOutput, physicalPath, refuseDangerous } from './output-folder.ts';
import { Renderer, type RenderMessage } from './renderer.ts';
import { SiteSwap } from './site-swap.ts';

/** Where a build is, for the line that says where a signal stopped it. */
type Phase = 'starting' | 'waiting' | BuildPhase | 'swapping' | 'done';
const PHASES: Record<Phase, string> = {
  starting: 'while starting',
  waiting: 'while waiting for another build',
  checking: 'while checking the guides',
  rendering: 'while building the pages',
  indexing: 'while indexing the pages for search',
  swapping: 'while replacing the site',
  done: 'after the new site was in place',
};

/** `--out` refused: its message is the one line to show. */
class OutputRefused extends Error {
  override name = 'OutputRefused';
}

/** Signpost's version, for the manifest. */
async function signpostVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

const USAGE = `Usage: signpost build [DIR] [--out DIR] [--base PATH] [--strict]

Checks the guides (in DIR, default: the \`guides\` option of signpost() in astro.config.mjs),
then builds the site into --out (default: dist), replacing the previous site in one step.

  --base PATH   serve the site under a sub-path, e.g. /help/
  --strict      drafts are errors (use it for production)
  --help        show this help`;

/** Runs the command with its arguments (what follows the command's name). */
export async function run(argv: string[]): Promise<void> {
  const command = parseCommand(
    'build',
    USAGE,
    {
      out: { type: 'string', default: 'dist' },
      base: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
    argv,
  );
  const { values, positionals } = command;
  if (positionals.length > 1) command.fail('give one folder of guides');
  const stop = (message: string): never => refuse('build', message);

  const root = process.cwd();
  const cwd = writerCwd('build');
  const guides = positionals[0] === undefined ? undefined : resolve(cwd, positionals[0]);
  if (values.out.trim() === '') command.fail('--out needs a folder, such as dist');
  const outDir = physicalPath(cwd, values.out);
  const name = `${basename(outDir)}/`;

  // Configuration first: each value reaches pages, `_headers` or the policy.
  const base = values.base === undefined ? undefined : setting('build', BasePathSchema, values.base, '--base');
  checkEnvironment('build');

  // Then the output folder: nothing that could destroy the project or a stranger's files. The
  // guides folder is checked too once known: here when named, else when the config names it.
  const checkOut = async (check: () => unknown): Promise<void> => {
    try {
      await check();
    } catch (error) {
      throw new OutputRefused(describeFsError(error, `cannot read --out ${shownPath(values.out)}`) ?? (error as Error).message, {
        cause: error,
      });
    }
  };
  try {
    // What it holds is looked at once the guides folder is known (below): a guides folder
    // given as --out is named as such rather than as "a folder that is not a build".
    await checkOut(() => refuseDangerous(values.out, outDir, { root, ...(guides ? { guides } : {}) }));
  } catch (error) {
    stop((error as Error).message);
  }

  const swap = new SiteSwap(outDir);
  const projectLock = new BuildLock(join(root, '.astro', 'signpost-build.lock'));
  const stopping = new AbortController();
  let phase: Phase = 'starting';
  let renderer: Renderer | undefined;
  // However the command ends, Astro's process goes with it, then its unfinished folder and the locks.
  process.on('exit', () => {
    renderer?.kill();
    swap.abandon();
    projectLock.release();
  });
  /** Exits with one line when the output or the folder beside it cannot be read or written. */
  const fsFailed = (error: unknown, doing: string): never => {
    const problem = describeFsError(error, doing);
    if (problem) stop(`${problem}; ${name} was left as it was`);
    process.stderr.write(`\nBuild failed while rendering: ${(error as Error).message}\n${name} was left as it was.\n`);
    process.exit(1);
  };

  /** Stops for a signal: Astro's process (and Pagefind's) killed first, then the rest on exit. */
  const stopNow = async (signal: NodeJS.Signals): Promise<never> => {
    await renderer?.stop();
    const state = swap.committed ? `${name} holds the new site; the next build removes the previous one` : `${name} was left as it was`;
    process.stderr.write(`\nsignpost build: stopped by ${signal} ${PHASES[phase]}; ${state}\n`);
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping.signal.aborted) return;
      stopping.abort(signal);
      // Until the new site is in place for good, the swap undoes what it did at its next
      // step, then stops (below); after that, only removing the previous site is cut short.
      if (phase !== 'swapping' || swap.committed) void stopNow(signal);
    });
  }

  const started = performance.now();
  const waiting = (pid: number) => process.stderr.write(`signpost build: waiting for the build in process ${pid} to finish\n`);
  phase = 'waiting';
  try {
    // One build at a time per project: Astro keeps its work files in the project's .astro/.
    await mkdir(join(root, '.astro'), { recursive: true });
    await projectLock.acquire(waiting);
  } catch (error) {
    fsFailed(error, `cannot write ${shownPath(join(relative(cwd, root) || '.', '.astro'))}`);
  }
  phase = 'starting';

  clearViteModeVariables();
  renderer = new Renderer({
    root,
    ...(guides ? { guides } : {}),
    staging: swap.staging,
    ...(base ? { base } : {}),
    strict: values.strict,
    name,
    doing: `cannot write ${shownPath(relative(cwd, swap.staging))}`,
  });
  let done: Extract<RenderMessage, { type: 'done' }> | undefined;
  const ended = await renderer.run(async (message) => {
    if (message.type === 'phase') phase = message.phase;
    if (message.type === 'done') done = message;
    if (message.type !== 'resolved') return;
    try {
      await checkOut(() => checkOutput(values.out, outDir, { root, guides: message.guidesDir }));
    } catch (error) {
      stop((error as Error).message);
    }
    try {
      // One build at a time per output, whichever project it comes from; then what an
      // interrupted build left is repaired before this one writes.
      phase = 'waiting';
      await swap.lock(waiting, stopping.signal);
      phase = 'starting';
      const restored = await swap.recover();
      if (restored)
        process.stderr.write(`signpost build: ${name} was missing after an interrupted build; it now holds the last complete site again\n`);
      await swap.stage();
    } catch (error) {
      fsFailed(error, `cannot write beside ${shownPath(relative(cwd, outDir) || '.')}`);
    }
    renderer!.proceed();
  });
  // A signal's stop is under way: it exits once Astro's process is gone.
  if (stopping.signal.aborted) return new Promise(() => {});
  // The process said why it failed, and left the output as it was.
  if (ended.code !== 0 || !done) {
    if (ended.signal)
      process.stderr.write(`\nsignpost build: the build's process was killed by ${ended.signal}; ${name} was left as it was\n`);
    process.exit(ended.code || 1);
  }

  phase = 'swapping';
  let swapped = false;
  try {
    swapped = await swap.swap({
      version: await signpostVersion(),
      // The site shown now, checked again under the lock just before it is replaced.
      verify: () => checkOut(() => checkOutput(values.out, outDir, { root })),
      stop: stopping.signal,
    });
  } catch (error) {
    if (!swap.committed) {
      if (error instanceof OutputRefused) stop(error.message);
      fsFailed(error, `cannot replace ${shownPath(relative(cwd, outDir) || '.')}`);
    }
    // The new site is in place; only removing the previous one failed. The next build retries.
    process.stderr.write(`signpost build: ${describeFsError(error, 'could not remove the previous site') ?? (error as Error).message}\n`);
    swapped = true;
  }
  if (!swapped) return stopNow(stopping.signal.reason as NodeJS.Signals);
  phase = 'done';
  swap.release();
  projectLock.release();
  const { checked, phases } = done;
  process.stdout.write(`Built ${checked.nodes} node pages of ${checked.guides} guide(s) into ${name}${base ? ` (base ${base})` : ''}.\n`);
  // For `npm run bench`: where the time went, and the peak memory (Astro's process's).
  const timingsFile = process.env['SIGNPOST_TIMINGS'];
  if (timingsFile) {
    await writeFile(timingsFile, JSON.stringify({ ...phases, total: performance.now() - started, maxRssKb: done.maxRssKb }));
  }
}
