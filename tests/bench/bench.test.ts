import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, writerEnv } from '../site/build-site.ts';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'signpost-bench-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

// The benchmark itself, small (100 nodes, a dense guide of 10 answers, two saves in the dev
// server, one run, no browser), so that it cannot rot.
// Its figures are not asserted: speed is measured by `npm run bench`, not by tests.
describe('npm run bench', () => {
  it('measures a 100-node guide and a dense one, and writes the table, the chart and the figures', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          'bench/run.ts',
          '--sizes',
          '100',
          '--chains',
          '100',
          '--dense',
          '10',
          '--edits',
          '2',
          '--runs',
          '1',
          '--no-browser',
          '--hostile-kb',
          '8,32',
          '--out',
          relative(ROOT, out),
        ],
        { cwd: ROOT, env: writerEnv() },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    for (const row of [
      'check, first run (no parse cache)',
      'check, again (parse cache)',
      'dev: re-check after a save (one file)',
      'build: Astro render',
      'build: map layout',
      'build again, guides unchanged',
      'baseline: plain Astro MDX',
      'Signpost / baseline',
      'JS needed to navigate',
      'paste box: match.json, gzip',
    ]) {
      expect(run.stdout).toContain(`| ${row}`);
    }
    expect(run.stdout).toMatch(/\| JS needed to navigate\s+\| 0 B/);
    expect(run.stdout).toMatch(
      /\| 40 questions × 10 answers, 100 outcomes \| 140 +\| 400 +\| [\d.]+ s \| [\d.]+ s \| \d+ ms +\| \d+ +\| \d+ MB +\| yes +\|/,
    );
    // The paste box's data for 1,000 cards, built as the site builds it (timed only with a browser).
    expect(run.stdout).toMatch(
      /^Paste box: match\.json of 1,000 error cards, [\d.]+ KB gzip \(and [\d.]+ KB of their messages, [^)]*\)\.$/m,
    );
    expect(run.stdout).toMatch(/^Output of a chain of steps, 100 steps: [\d,]+ B per node page \(site: [\d,]+ B per node\)\.$/m);
    // A figure for every case of the hostile corpus, and for each valid shape at each size.
    expect(run.stdout).toMatch(/\| hostile case \| size \| check \| bound \| met \|/);
    expect(run.stdout).toMatch(
      /\| `<details>` and `:::note` interleaved 2,000 times \(74 KB\) \| 72\.3 KB \| \d+ ms, 1 problem\(s\) \| 1000 ms \|/,
    );
    expect(run.stdout).toMatch(/\| lists and paragraphs, alternating \| \d+ ms \| \d+ ms \| [\d.]+ × \|/);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      results: { size: number; files: number; dev: { edits: number } }[];
      dense: { answers: number }[];
      hostile: { cases: { name: string; ms: number }[] };
    };
    expect(results.hostile.cases.length).toBeGreaterThan(10);
    expect(results.results.map((result) => result.size)).toEqual([100]);
    expect(results.results[0]!.files).toBeGreaterThan(200);
    expect(results.results[0]!.dev.edits).toBe(2);
    expect(results.dense.map((dense) => dense.answers)).toEqual([10]);
    expect(await readFile(join(out, 'results.md'), 'utf8')).toMatch(/^# Benchmark results\n[\s\S]*\| target \| measured \| met \|/);
    expect(await readFile(join(out, 'results.svg'), 'utf8')).toMatch(/^<svg [\s\S]*<polyline/);
  }, 300_000);
});
