/**
 * `signpost build [DIR] [--out DIR] [--base PATH] [--strict]` (`npm run build -- …` here)
 *
 * Refuses a bad setting or a dangerous output folder before any work (one line, exit 2). Then
 * Astro builds the site beside the previous one: the Signpost loader checks the guides first,
 * and on any error the report is printed and the build stops with the previous site untouched
 * (exit 1). Otherwise the output link is swapped to the new site in one atomic rename (see
 * site-swap.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { BasePathSchema } from '../core/schemas/site-config.ts';
import { commandLineIntegration } from '../integration/command-line.ts';
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
import { checkOutput, refuseDangerous } from './output-folder.ts';
import { SiteSwap } from './site-swap.ts';

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
  const outDir = resolve(cwd, values.out);
  const name = `${basename(outDir)}/`;

  // Configuration first: each value reaches pages, `_headers` or the policy.
  const base = values.base === undefined ? undefined : setting('build', BasePathSchema, values.base, '--base');
  checkEnvironment('build');

  // Then the output folder: nothing that could destroy the project or a stranger's files. The
  // guides folder is checked too once known: here when named, else when the config names it.
  const checkOut = (check: () => void): void => {
    try {
      check();
    } catch (error) {
      throw new Error(describeFsError(error, `cannot read --out ${shownPath(values.out)}`) ?? (error as Error).message, { cause: error });
    }
  };
  try {
    // What it holds is looked at once the guides folder is known (below): a guides folder
    // given as --out is named as such rather than as "a folder that is not a build".
    checkOut(() => refuseDangerous(values.out, outDir, { root, ...(guides ? { guides } : {}) }));
  } catch (error) {
    stop((error as Error).message);
  }

  const swap = new SiteSwap(outDir);
  const projectLock = new BuildLock(join(root, '.astro', 'signpost-build.lock'));
  /** Exits with the report (1), one line for an operator's or file-system problem (2), or the error (1). */
  const failed = (error: unknown, doing: string): never => {
    swap.abandon();
    projectLock.release();
    const { name: kind, message } = error as Error;
    if (kind === 'GuideError') {
      process.stdout.write(
        `${message.replace(/^The guides have [^\n]*\n\n/, '')}\nBuild stopped: fix the problems above. ${name} was left as it was.\n`,
      );
      process.exit(1);
    }
    const problem = describeFsError(error, doing);
    if (problem) stop(`${problem}; ${name} was left as it was`);
    if ((error as { type?: unknown }).type === 'AstroUserError') {
      const { hint } = error as { hint?: string };
      stop(`${message}${hint ? `\n${hint}` : ''}`);
    }
    process.stderr.write(`\nBuild failed while rendering: ${message}\n${name} was left as it was.\n`);
    process.exit(1);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      swap.abandon();
      projectLock.release();
      process.stderr.write(
        `\nsignpost build: stopped by ${signal}; ${name} ${swap.swapped ? 'holds the new site' : 'was left as it was'}\n`,
      );
      process.exit(128 + constants.signals[signal]);
    });
  }

  const started = performance.now();
  const phases: Record<string, number> = {};
  let checked = { guides: 0, nodes: 0 };
  const waiting = (pid: number) => process.stderr.write(`signpost build: waiting for the build in process ${pid} to finish\n`);
  try {
    // One build at a time per project: Astro keeps its work files in the project's .astro/.
    await mkdir(join(root, '.astro'), { recursive: true });
    await projectLock.acquire(waiting);
  } catch (error) {
    failed(error, `cannot write ${shownPath(join(relative(cwd, root) || '.', '.astro'))}`);
  }

  // Signpost sends nothing anywhere by default, and that includes Astro's usage telemetry.
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  clearViteModeVariables();
  try {
    const { build } = await import('astro');
    const astroStarted = performance.now();
    await build({
      root,
      // Astro empties its outDir first: it renders into the staging folder beside the current site.
      outDir: swap.staging,
      ...(base ? { base } : {}),
      logLevel: 'warn',
      integrations: [
        commandLineIntegration({
          ...(guides ? { guides } : {}),
          strict: values.strict,
          // Runs inside Astro's setup, before it does any work. A refusal ends the command here
          // with its one line: thrown, it would reach Astro's log as an integration's crash.
          onResolved: async ({ guidesDir }) => {
            try {
              checkOut(() => checkOutput(values.out, outDir, { root, guides: guidesDir }));
            } catch (error) {
              projectLock.release();
              stop((error as Error).message);
            }
            try {
              // One build at a time per output, whichever project it comes from; then what an
              // interrupted build left is repaired before this one writes.
              await swap.lock(waiting);
              const restored = await swap.recover();
              if (restored)
                process.stderr.write(
                  `signpost build: ${name} was missing after an interrupted build; it now holds the last complete site again\n`,
                );
              await swap.stage();
            } catch (error) {
              failed(error, `cannot write beside ${shownPath(relative(cwd, outDir) || '.')}`);
            }
          },
          onPhase: (phase, milliseconds) => (phases[phase] = (phases[phase] ?? 0) + milliseconds),
          onChecked: (totals) => (checked = totals),
        }),
      ],
    });
    phases['astro'] = performance.now() - astroStarted;
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
  process.stdout.write(`Built ${checked.nodes} node pages of ${checked.guides} guide(s) into ${name}${base ? ` (base ${base})` : ''}.\n`);
  // For `npm run bench`: where the time went, and the peak memory.
  const timingsFile = process.env['SIGNPOST_TIMINGS'];
  if (timingsFile) {
    await writeFile(
      timingsFile,
      JSON.stringify({ ...phases, total: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }),
    );
  }
}
