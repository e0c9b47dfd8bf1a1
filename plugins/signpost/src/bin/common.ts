/**
 * What every Signpost command shares: reading its flags, its usage on a mistake (exit 2),
 * and the folder the writer typed paths relative to.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses the command line; prints the usage and exits 2 on a mistake, 0 on `--help`. */
export function parseCommand<O extends Options>(command: string, usage: string, options: O, argv: string[]) {
  const fail = (message: string): never => {
    process.stderr.write(`signpost ${command}: ${message}\n\n${usage}\n`);
    process.exit(2);
  };
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    fail((error as Error).message);
  }
  if ((args!.values as Record<string, unknown>)['help']) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return { values: args!.values as ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'], positionals: args!.positionals, fail };
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
