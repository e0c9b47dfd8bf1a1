/**
 * What every Signpost command shares: reading its flags, its usage on a mistake (exit 2),
 * and the folder the writer typed paths relative to.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { FeedbackEndpointSchema, parseSetting, quoted, SiteUrlSchema } from '../core/schemas/site-config.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses the command line; prints the usage and exits 2 on a mistake, 0 on `--help`. */
export function parseCommand<O extends Options>(command: string, usage: string, options: O, argv: string[]) {
  const fail = (message: string): never => {
    process.stderr.write(`signpost ${command}: ${message}\n\n${usage}\n`);
    process.exit(2);
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  if ((args!.values as Record<string, unknown>)['help']) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return {
    values: args!.values as ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'],
    positionals: args!.positionals,
    fail,
  };
}

/**
 * Where the writer ran the command: `npm run <script>` runs it from the package root and
 * keeps the writer's folder in INIT_CWD, which their paths are relative to.
 */
export function writerCwd(script: string): string {
  const fromNpm = process.env['npm_lifecycle_event'] === script && process.env['INIT_CWD'];
  return fromNpm || process.cwd();
}

/**
 * Vite lets BASE_URL, MODE, DEV, PROD and SSR in the environment override `import.meta.env`,
 * which would send every link to the wrong base (test runners set them, for one).
 */
export function clearViteModeVariables(): void {
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
}

/**
 * An operator's mistake or a file-system problem: shown as one line, `signpost <command>: …`,
 * with exit code 2, never as a stack trace.
 */
export class OperatorError extends Error {
  override name = 'OperatorError';
}

/** Prints an operator's mistake as one line and exits 2. */
export function refuse(command: string, message: string): never {
  process.stderr.write(`signpost ${command}: ${message}\n`);
  process.exit(2);
}

/** A setting checked with its schema, or one line naming it (`--base "x y" is not a path: …`) and exit 2. */
export function setting<T>(command: string, schema: z.ZodType<T, string>, value: string, label: string): T {
  const parsed = parseSetting(schema, value);
  return 'value' in parsed ? parsed.value : refuse(command, `${label} ${parsed.message}`);
}

/** Checks the settings that come from the environment: `SITE_URL` and `SIGNPOST_FEEDBACK_URL`. */
export function checkEnvironment(command: string): void {
  const site = process.env['SITE_URL'];
  if (site) setting(command, SiteUrlSchema, site, 'SITE_URL');
  const feedback = process.env['SIGNPOST_FEEDBACK_URL'];
  if (feedback) setting(command, FeedbackEndpointSchema, feedback, 'SIGNPOST_FEEDBACK_URL');
}

/** File-system error codes an operator can act on, in words. */
const FS_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'a name is too long',
  ENOTDIR: 'a part of the path is not a folder',
  EXDEV: 'the folders are on different file systems',
  ELOOP: 'too many symbolic links',
  EBUSY: 'the folder is in use',
};

/** The file-system error in an error or its causes (Astro and Vite wrap them). */
function fsError(error: unknown): NodeJS.ErrnoException | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code in FS_PROBLEMS) return current as NodeJS.ErrnoException;
  }
  return undefined;
}

const READS = new Set(['scandir', 'opendir', 'read', 'stat', 'lstat', 'readlink', 'realpath', 'access']);

/**
 * One line for a file-system error: `cannot write /srv/site: permission denied (EACCES)`,
 * naming the path the system refused when it says, else what was being done (`doing`);
 * undefined when the error is not a file-system problem.
 */
export function describeFsError(error: unknown, doing: string): string | undefined {
  const found = fsError(error);
  if (!found) return undefined;
  const what = found.path ? `cannot ${READS.has(found.syscall ?? '') ? 'read' : 'write'} ${shown(found.path)}` : doing;
  return `${what}: ${FS_PROBLEMS[found.code!]} (${found.code})`;
}

/** A path as a message shows it: as it is when plain, JSON-quoted otherwise. */
export function shown(path: string): string {
  return /^[\w./@+,:~-]*$/.test(path) ? path : quoted(path);
}
