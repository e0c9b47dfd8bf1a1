/**
 * `signpost build [DIR] [--out DIR] [--base PATH] [--strict]` (`npm run build -- …` here)
 *
 * Builds the site with Astro into a staging folder beside the output; the Signpost loader
 * checks the guides first, and on any error the report is printed and the build stops with
 * the previous site untouched. Otherwise the finished site replaces the previous one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { commandLineIntegration } from '../integration/command-line.ts';
import { clearViteModeVariables, parseCommand, writerCwd } from './common.ts';

const USAGE = `Usage: signpost build [DIR] [--out DIR] [--base PATH] [--strict]

Checks the guides (in DIR, default: the \`guides\` option of signpost() in astro.config.mjs),
then builds the site into --out (default: dist).

  --base PATH   serve the site under a sub-path, e.g. /help/
  --strict      drafts are errors (use it for production)
  --help        show this help`;

/** Runs the command with its arguments (what follows the command's name). */
export async function run(argv: string[]): Promise<void> {
  const command = parseCommand('build', USAGE, {
    out: { type: 'string', default: 'dist' },
    base: { type: 'string' },
    strict: { type: 'boolean', default: false },
  }, argv);
  const { values, positionals } = command;
  // Declared with its type, so that TypeScript knows the code after a failure does not run.
  const fail: (message: string) => never = command.fail;
  if (positionals.length > 1) fail('give one folder of guides');

  const root = process.cwd();
  const cwd = writerCwd('build');
  const guides = positionals[0] === undefined ? undefined : resolve(cwd, positionals[0]);
  const outDir = resolve(cwd, values.out);
  const base = values.base === undefined ? undefined : `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

  const started = performance.now();
  const phases: Record<string, number> = {};
  let checked = { guides: 0, nodes: 0 };

  // Astro empties its outDir first: render into a staging folder, then swap.
  const staging = join(root, 'node_modules', '.cache', 'signpost', `build-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(dirname(staging), { recursive: true });
  // Signpost sends nothing anywhere by default, and that includes Astro's usage telemetry.
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  clearViteModeVariables();
  try {
    const { build } = await import('astro');
    const astroStarted = performance.now();
    await build({
      root,
      outDir: staging,
      ...(base ? { base } : {}),
      logLevel: 'warn',
      integrations: [
        commandLineIntegration({
          ...(guides ? { guides } : {}),
          strict: values.strict,
          onPhase: (phase, milliseconds) => (phases[phase] = (phases[phase] ?? 0) + milliseconds),
          onChecked: (totals) => (checked = totals),
        }),
      ],
    });
    phases['astro'] = performance.now() - astroStarted;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const { name, message } = error as Error;
    if (name === 'GuideError') {
      process.stdout.write(`${message.replace(/^The guides have [^\n]*\n\n/, '')}\nBuild stopped: fix the problems above. ${basename(outDir)}/ was left as it was.\n`);
    } else {
      process.stderr.write(`\nBuild failed while rendering: ${message}\n${basename(outDir)}/ was left as it was.\n`);
    }
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
  process.stdout.write(`Built ${checked.nodes} node pages of ${checked.guides} guide(s) into ${basename(outDir)}/${base ? ` (base ${base})` : ''}.\n`);
  // For `npm run bench`: where the time went, and the peak memory.
  const timingsFile = process.env['SIGNPOST_TIMINGS'];
  if (timingsFile) {
    await writeFile(timingsFile, JSON.stringify({ ...phases, total: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
  }
}
