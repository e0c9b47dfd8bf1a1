import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGuide, type Synthetic } from '../../bench/generate.ts';
import { CLI, ROOT, writerEnv } from '../site/build-site.ts';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'signpost-bench-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

// The benchmark itself, small (100 nodes of each shape, a dense guide of 10 answers, two saves
// in the dev server, one run, no browser), so that it cannot rot.
// Its figures are not asserted: speed is measured by `npm run bench`, not by tests.
describe('npm run bench', () => {
  it('measures a 100-node guide of each shape and a dense one, and writes the table, the chart and the figures', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          'bench/run.ts',
          '--sizes',
          '100',
          '--realistic',
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
    // The realistic shape beside the plain one, at the same size.
    expect(run.stdout).toMatch(/^\| shape, nodes +\| plain, 100 +\| realistic, 100 +\|$/m);
    expect(run.stdout).toMatch(/^\| check, again \(parse cache\) +\| [\d.]+ s +\| [\d.]+ s +\|$/m);
    expect(run.stdout).toMatch(/^\| build: total +\| [\d.]+ s +\| [\d.]+ s +\|$/m);
    expect(run.stdout).toMatch(/^Realistic guides \(bench\/generate\.ts, `synthesizeRealistic`\): 100 nodes in \d+ files, [\d.]+ KB\.$/m);
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
      realistic: { size: number; checkMs: number; build: { total: number } }[];
      dense: { answers: number }[];
      hostile: { cases: { name: string; ms: number }[] };
    };
    expect(results.hostile.cases.length).toBeGreaterThan(10);
    expect(results.results.map((result) => result.size)).toEqual([100]);
    expect(results.results[0]!.files).toBeGreaterThan(200);
    expect(results.results[0]!.dev.edits).toBe(2);
    expect(results.dense.map((dense) => dense.answers)).toEqual([10]);
    expect(results.realistic.map((realistic) => realistic.size)).toEqual([100]);
    expect(await readFile(join(out, 'results.md'), 'utf8')).toMatch(/^# Benchmark results\n[\s\S]*\| target \| measured \| met \|/);
    expect(await readFile(join(out, 'results.svg'), 'utf8')).toMatch(/^<svg [\s\S]*<polyline/);
  }, 300_000);
});

/** Each `.mdx` file of a folder, by name. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

/** The `regex="…"` of every `::match` of the guide's error cards. */
const expressionsOf = (synthetic: Synthetic): string[] =>
  synthetic.nodes.flatMap((node) => [...node.mdx.matchAll(/^::match\{regex="([^"]+)"\}$/gm)].map((match) => match[1]!));

// The realistic shape is what makes a guide slow to check and build: it must stay valid (a
// guide with problems measures the report, not the check) and hold what real guides hold.
describe('the realistic shape', () => {
  let synthetic: Synthetic;
  let dir: string;

  beforeAll(async () => {
    dir = join(out, 'realistic', 'first');
    synthetic = await writeGuide(dir, 150, 3, 'realistic');
  });

  it('passes check --strict with no problem', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'check', dir, '--strict', '--no-cache', '--format', 'json'],
        { cwd: ROOT, env: writerEnv(), maxBuffer: 1 << 24 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
    expect(synthetic.nodes).toHaveLength(150);
  }, 60_000);

  it('writes code fences of several languages, tables, lists, inline code and links', async () => {
    const text = Object.values(await filesOf(dir)).join('\n');
    for (const lang of ['sh', 'powershell', 'c', 'text']) expect(text).toContain(`\n\`\`\`${lang}\n`);
    expect(text).toMatch(/^\| file \| value \| what it means \|\n\| --- \| --- \| --- \|\n\| `/m);
    expect(text).toMatch(/^1\. .+\n2\. /m);
    expect(text).toMatch(/^- .+\n- /m);
    // A command inside a numbered step of a fix, indented under it.
    expect(text).toMatch(/^2\. .+:\n\n {3}```\w+\n/m);
    expect(text).toMatch(/ `[^`\n]+` /);
    expect(text).toMatch(/\]\(https:\/\/docs\.example\.com\/[\w/]+\)/);
    expect(text).toMatch(/:link\[[^\]]+\]\{to="[\w-]+"\}/);
  });

  it('writes questions of 600 characters and more, with a code fence before the answers and some with content after them', () => {
    const questions = synthetic.nodes.filter((node) => node.kind === 'question');
    expect(questions.length).toBeGreaterThan(20);
    for (const question of questions) {
      const before = question.mdx.slice(question.mdx.indexOf('\n') + 1, question.mdx.indexOf(':::option'));
      expect(before.length).toBeGreaterThanOrEqual(600);
      expect(before).toMatch(/^```sh\n/m);
    }
    const after = questions.filter((question) => /:::\n(?!:::option)[^:]/.test(question.mdx.slice(question.mdx.lastIndexOf(':::option'))));
    expect(after.length).toBeGreaterThan(5);
  });

  it('leads several answers of one question to one page, and error cards go on with answers or next', () => {
    const several = synthetic.nodes.filter((node) => {
      const targets = [...node.mdx.matchAll(/^:::option\{to="([\w-]+)"\}$/gm)].map((match) => match[1]!);
      return new Set(targets).size < targets.length;
    });
    expect(several.length).toBeGreaterThan(5);
    const errors = synthetic.nodes.filter((node) => node.kind === 'error');
    expect(errors.filter((node) => node.mdx.includes(':::option{to=')).length).toBeGreaterThan(3);
    expect(errors.filter((node) => / next="[\w-]+"/.test(node.mdx)).length).toBeGreaterThan(0);
    expect(errors.filter((node) => /^:::reason$/m.test(node.mdx) && /^:::fix$/m.test(node.mdx)).length).toBeGreaterThan(0);
  });

  it('gives most error cards match patterns: placeholders, and expressions with each construct real authors write', () => {
    const errors = synthetic.nodes.filter((node) => node.kind === 'error');
    const patterned = errors.filter((node) => node.mdx.includes('\n::match'));
    expect(patterned.length / errors.length).toBeGreaterThan(0.7);
    expect(patterned.every((node) => node.mdx.includes('\n::example['))).toBe(true);
    const expressions = expressionsOf(synthetic);
    expect(expressions.some((expression) => /\(\?:[^()]*\|/.test(expression))).toBe(true); // alternation in a group
    expect(expressions.some((expression) => /^[^()]*(?:\([^()]*\)[^()]*)*\|/.test(expression))).toBe(true); // at the top
    expect(expressions.some((expression) => /\[\^?[^\]]+\]/.test(expression))).toBe(true); // a class
    expect(expressions.some((expression) => expression.includes('(?<!'))).toBe(true);
    expect(expressions.some((expression) => expression.includes('(?<='))).toBe(true);
    expect(expressions.some((expression) => expression.includes('.*'))).toBe(true);
    expect(synthetic.nodes.some((node) => /^::match\[.*\{(?:id|number|text)\}.*\]$/m.test(node.mdx))).toBe(true);
  });

  it('writes the same files for the same seed, others for another, in files of varied sizes', async () => {
    const again = join(out, 'realistic', 'again');
    await writeGuide(again, 150, 3, 'realistic');
    const first = await filesOf(dir);
    expect(await filesOf(again)).toEqual(first);
    const other = join(out, 'realistic', 'other');
    await writeGuide(other, 150, 4, 'realistic');
    expect(await filesOf(other)).not.toEqual(first);
    const sizes = Object.values(first).map((text) => text.length);
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes) * 4).toBeLessThan(Math.max(...sizes));
  });
});
