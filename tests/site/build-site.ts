/**
 * Builds a site with `npm run build`'s command, as a separate process like a writer runs it.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { parse } from 'node-html-parser';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The package's command line, as `npm install` built it. */
export const CLI = join(ROOT, 'plugins/signpost/bin/signpost.js');

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
  return buildSite(ROOT, extra, ...args);
}

/** `signpost build` run in a site's folder, as its owner runs it. */
export function buildSite(site: string, extra: NodeJS.ProcessEnv, ...args: string[]): Promise<BuildRun> {
  const env = writerEnv(extra);
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'build', ...args], { cwd: site, env, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A build running in the background: its process group, what it printed so far, how it ends. */
export interface Started {
  pid: number;
  stderr: () => string;
  exited: Promise<BuildRun>;
}

/** Starts `signpost build` as a process group of its own, as a shell starts a command, so that a signal reaches Astro and Pagefind too. */
export function start(args: string[], env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, [CLI, 'build', ...args], { cwd: ROOT, env: writerEnv(env), detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<BuildRun>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr })),
  );
  return { pid: child.pid!, stderr: () => stderr, exited };
}

/** Waits for what a build prints (`started.stderr()`); the test's own timeout bounds it. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * A work folder (its real path) holding two copies of the fixture guides: `guides-a`, and
 * `guides-b`, where the router guide is retitled, so that two builds of them differ.
 */
export async function twoEditions(prefix: string): Promise<{ work: string; guidesA: string; guidesB: string }> {
  const work = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  const guidesA = join(work, 'guides-a');
  const guidesB = join(work, 'guides-b');
  const fixtures = join(ROOT, 'tests/site/fixtures/guides');
  await cp(fixtures, guidesA, { recursive: true });
  await cp(fixtures, guidesB, { recursive: true });
  const router = join(guidesB, 'router/index.mdx');
  await writeFile(router, (await readFile(router, 'utf8')).replace('title: Router help', 'title: Router help, second edition'));
  return { work, guidesA, guidesB };
}

/** Every file under a folder, as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A fixture site beside these tests: `tests/site/fixtures/sites/<name>/`. */
export function fixtureSite(name: string): string {
  return join(ROOT, 'tests/site/fixtures/sites', name);
}

/** Astro's own command line, as a site owner runs it (`npx astro dev`). */
export const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * Every link, stylesheet, script and image of a built site that does not resolve: a path under
 * `base` with no file, a fragment with no element of that id, or a path outside `base`.
 */
export async function brokenLinks(dist: string, base: string): Promise<string[]> {
  const files = new Set(await listFiles(dist));
  const broken: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const html = parse(await readFile(join(dist, file), 'utf8'));
    const ids = new Set(html.querySelectorAll('[id]').map((element) => element.id));
    const urls = html
      .querySelectorAll('a[href], link[href], script[src], img[src], video[src], track[src]')
      .map((element) => element.getAttribute('href') ?? element.getAttribute('src')!);
    // Every candidate of a srcset, and a video's poster, must be there too.
    for (const element of html.querySelectorAll('img[srcset]')) {
      for (const candidate of element.getAttribute('srcset')!.split(',')) urls.push(candidate.trim().split(/\s+/)[0]!);
    }
    for (const element of html.querySelectorAll('video[poster]')) urls.push(element.getAttribute('poster')!);
    for (const url of urls) {
      if (/^(mailto:|https?:)/.test(url)) continue;
      if (url.startsWith('#')) {
        if (!ids.has(url.slice(1))) broken.push(`${file}: ${url}`);
        continue;
      }
      if (!url.startsWith(base)) {
        broken.push(`${file}: ${url} is outside ${base}`);
        continue;
      }
      const path = url.slice(base.length).split('#')[0]!;
      const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!files.has(target)) broken.push(`${file}: ${url}`);
    }
  }
  return broken;
}
