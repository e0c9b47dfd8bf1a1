/**
 * `node tests/hostile/report-snapshot.ts > reports.txt`: what `signpost check --format json`
 * reports for every guide among the tests' fixtures, and for the first 1,000 guides of the fuzz
 * test (its seed), one after another. A change to the checker's structure that must not change
 * its behaviour is compared by running this before and after it: the two outputs are identical.
 *
 * Each guide is checked by the command, as a writer runs it, from the project's folder, without
 * the parse cache; the fuzz guides are written into one folder of guides, checked at once.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { CLI, ROOT, writerEnv } from '../site/build-site.ts';
import { FUZZ_GUIDES } from './hostile-inputs.ts';

const FUZZ_CASES = Number(process.env['FUZZ_RUNS'] ?? 1000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261126);

/** The JSON report of `check` on `target`, whatever its exit code. */
async function report(target: string): Promise<string> {
  const run = promisify(execFile);
  const args = [CLI, 'check', '--no-cache', '--format', 'json', target];
  try {
    return (await run(process.execPath, args, { cwd: ROOT, env: writerEnv(), maxBuffer: 1 << 28 })).stdout;
  } catch (error) {
    const { stdout, stderr, code } = error as { stdout: string; stderr: string; code: number };
    return `${stdout}${stderr ? `stderr: ${stderr}` : ''}exit ${code}\n`;
  }
}

/** Every folder under `dir` that holds an `index.mdx`: a guide folder. */
async function guideFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found = entries.some((entry) => entry.name === 'index.mdx' && entry.isFile()) ? [dir] : [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      found.push(...(await guideFolders(join(dir, entry.name))));
  }
  return found;
}

const out = process.stdout;
for (const tests of ['tests/check', 'tests/hostile', 'tests/site', 'tests/e2e']) {
  for (const guide of await guideFolders(join(ROOT, tests, 'fixtures'))) {
    out.write(`## ${relative(ROOT, guide)}\n${await report(guide)}`);
  }
}

const work = await mkdtemp(join(tmpdir(), 'signpost-report-snapshot-'));
try {
  const guides = join(work, 'guides');
  const samples = fc.sample(FUZZ_GUIDES, { numRuns: FUZZ_CASES, seed: SEED });
  for (const [n, [index, other]] of samples.entries()) {
    const dir = join(guides, `g${String(n).padStart(4, '0')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.mdx'), index);
    if (other !== undefined) await writeFile(join(dir, 'more.mdx'), other);
  }
  // Paths are shown relative to the project: the temporary folder's name is replaced.
  out.write(`## ${FUZZ_CASES} fuzz guides (seed ${SEED})\n${(await report(guides)).replaceAll(relative(ROOT, work), '<work>')}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
