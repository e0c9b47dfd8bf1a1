/**
 * The process in which `signpost build` runs Astro's build (see build.ts), into the folder the
 * command gives it. It owns nothing on disk but that folder, so the command can kill it, and
 * Pagefind's process with it, at any moment: even in a synchronous step that would never let
 * a signal handler run. It installs no signal handler of its own, for the same reason.
 *
 * It talks to the command over two pipes: it writes one JSON message a line to fd 3, with a
 * synchronous write, so that the command knows the phase even if the process then blocks;
 * and it reads the command's go-ahead from its standard input, whose end also tells it that
 * the command is gone.
 */
import { writeSync } from 'node:fs';
import module from 'node:module';
import { commandLineIntegration, type BuildPhase } from '../integration/command-line.ts';
import { describeFsError, refuse } from './common.ts';
import { MESSAGES_FD, type RenderJob, type RenderMessage } from './renderer.ts';

function send(message: RenderMessage): void {
  writeSync(MESSAGES_FD, `${JSON.stringify(message)}\n`);
}

/**
 * `SIGNPOST_TEST_HOOK=pause@checking` (or `@rendering`, `@indexing`): says so and blocks the
 * process synchronously, as a read that never returns would, until it is killed. Not for use
 * outside tests.
 */
function testPause(phase: BuildPhase): void {
  if (process.env['SIGNPOST_TEST_HOOK'] !== `pause@${phase}`) return;
  writeSync(2, `paused at ${phase}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/** Exits with the report (1), one line for an operator's or file-system problem (2), or the error (1). */
function failed(error: unknown, job: RenderJob): never {
  const { name: kind, message } = error as Error;
  if (kind === 'GuideError') {
    process.stdout.write(
      `${message.replace(/^The guides have [^\n]*\n\n/, '')}\nBuild stopped: fix the problems above. ${job.name} was left as it was.\n`,
    );
    process.exit(1);
  }
  const problem = describeFsError(error, job.doing);
  if (problem) refuse('build', `${problem}; ${job.name} was left as it was`);
  if ((error as { type?: unknown }).type === 'AstroUserError') {
    const { hint } = error as { hint?: string };
    refuse('build', `${message}${hint ? `\n${hint}` : ''}`);
  }
  process.stderr.write(`\nBuild failed while rendering: ${message}\n${job.name} was left as it was.\n`);
  process.exit(1);
}

async function render(job: RenderJob): Promise<void> {
  // As bin/signpost.js does for the command: Astro's modules load faster from the second build on.
  module.enableCompileCache?.();
  // The command's go-ahead, once it has checked the output folder; its end means it is gone.
  let proceed: () => void = () => {};
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (data: string) => data.includes('go') && proceed());
  process.stdin.on('end', () => process.exit(1));

  const phases: Record<string, number> = {};
  let checked = { guides: 0, nodes: 0 };
  // Signpost sends nothing anywhere by default, and that includes Astro's usage telemetry.
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  try {
    const { build } = await import('astro');
    const astroStarted = performance.now();
    await build({
      root: job.root,
      // Astro empties its outDir first: it renders into the staging folder beside the current site.
      outDir: job.staging,
      ...(job.base ? { base: job.base } : {}),
      logLevel: 'warn',
      integrations: [
        commandLineIntegration({
          ...(job.guides ? { guides: job.guides } : {}),
          strict: job.strict,
          // Runs inside Astro's setup, before it does any work: the command checks the output
          // against the guides folder, takes the output's lock and clears the staging folder.
          onResolved: ({ guidesDir }) =>
            new Promise<void>((resolve) => {
              proceed = resolve;
              send({ type: 'resolved', guidesDir });
            }),
          onStart: (phase) => {
            send({ type: 'phase', phase });
            testPause(phase);
          },
          onPhase: (phase, milliseconds) => (phases[phase] = (phases[phase] ?? 0) + milliseconds),
          onChecked: (totals) => (checked = totals),
        }),
      ],
    });
    phases['astro'] = performance.now() - astroStarted;
  } catch (error) {
    failed(error, job);
  }
  send({ type: 'done', checked, phases, maxRssKb: process.resourceUsage().maxRSS });
  process.exit(0);
}

await render(JSON.parse(process.argv[2] ?? '{}') as RenderJob);
