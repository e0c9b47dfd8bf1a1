import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides } from '../../plugins/signpost/src/core/index.ts';
import { build, CLI, listFiles, writerEnv } from './build-site.ts';

let work: string;

function scaffold(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'new', ...args], { cwd: work, env: writerEnv() }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-new-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run new', () => {
  it('creates a guide that passes check and builds', async () => {
    const run = await scaffold('router-help', '--title', 'Router "help"');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Created guide\/router-help\/index\.mdx\./);
    const { guides, problems } = await checkGuides([join(work, 'guide')]);
    expect(problems).toEqual([]);
    expect(guides[0]!.meta?.title).toBe('Router "help"');
    expect(guides[0]!.nodes.map((node) => node.kind)).toEqual(['question', 'error', 'instructions']);
    const built = await build(join(work, 'guide'), '--out', join(work, 'dist'));
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(await listFiles(join(work, 'dist'))).toContain('router-help/error-message/index.html');
  }, 60_000);

  it('never overwrites, and refuses names that cannot be guide URLs', async () => {
    const file = join(work, 'guide/router-help/index.mdx');
    await writeFile(file, 'my own words');
    const again = await scaffold('router-help');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^signpost new: `guide\/router-help` already exists; choose another slug/);
    expect(await readFile(file, 'utf8')).toBe('my own words');
    expect((await scaffold('Router Help')).stderr).toMatch(/^signpost new: `Router Help` is not a lowercase slug; try `router-help`/);
    expect((await scaffold('pagefind')).stderr).toMatch(/^signpost new: `pagefind` clashes with the site's search index/);
  });
});
