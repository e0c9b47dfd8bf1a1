/**
 * Builds a site with `npm run build`'s command, as a separate process like a writer runs it.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The package's command line, as `npm install` built it. */
export const CLI = join(ROOT, 'plugins/signpost/dist/bin/signpost.js');

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function build(...args: string[]): Promise<BuildRun> {
  return buildWith({}, ...args);
}

/** `build` with extra environment variables, such as `SIGNPOST_FEEDBACK_URL`. */
/**
 * The environment a writer's shell would give a command: without npm's INIT_CWD and without
 * the test runner's own variables (NODE_ENV=test, VITEST, BASE_URL, …), which change how
 * Astro and Vite behave.
 */
export function writerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) {
    if (/^(INIT_CWD|npm_lifecycle_event|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(name)) delete env[name];
  }
  return { ...env, ...extra };
}

export function buildWith(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<BuildRun> {
  const env = writerEnv(extra);
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'build', ...args], { cwd: ROOT, env, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Every file under a folder, as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}
