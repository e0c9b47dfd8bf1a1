/**
 * Parsing in worker threads (parse-ahead.ts) and the parse cache on disk give what parsing each
 * file in turn gives: the same guides and the same problems at the same places, on a guide
 * large enough for the workers and every hostile file beside it.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeGuide } from '../../bench/generate.ts';
import { parseAhead } from '../../plugins/signpost/src/core/graph/parse-ahead.ts';
import { checkGuides, createChecker } from '../../plugins/signpost/src/core/check.ts';
import { checkerMemory } from '../../plugins/signpost/src/core/memory.ts';
import { plain } from './plain-result.ts';

let work: string;
let guides: string;

/**
 * A benchmark guide with an element with an attribute in every file: the native fast path
 * declines them all (it reads elements without attributes).
 */
async function writeElementGuide(dir: string, size: number): Promise<void> {
  await writeGuide(dir, size);
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    await writeFile(path, (await readFile(path, 'utf8')).replaceAll(' the ', ' <kbd title="t">the</kbd> '));
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-ahead-'));
  guides = join(work, 'guides');
  await writeGuide(join(guides, 'large'), 500);
  await writeElementGuide(join(guides, 'large-mdx'), 500);
  await cp(new URL('../hostile/fixtures/', import.meta.url), guides, { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('parsing ahead in worker threads', () => {
  it('gives the guides and problems that parsing in turn gives', async () => {
    const alone = await checkGuides([guides], { parallel: false });
    const ahead = await checkGuides([guides]);
    expect(alone.problems.length).toBeGreaterThan(10);
    expect(plain(ahead)).toEqual(plain(alone));
    expect(ahead.parsedFiles).toBe(alone.parsedFiles);
  });

  it('parses in worker threads past a size worth a worker, and not below it', async () => {
    const ahead = await parseAhead([join(guides, 'large-mdx')], checkerMemory(), undefined);
    expect(ahead.files).toBeGreaterThan(5);
    // On a machine of one core there is no thread to spare.
    if (availableParallelism() > 1) expect(ahead.inWorkers).toBeGreaterThan(0);
    // What the fast path reads is read at once, in the main thread.
    expect(await parseAhead([join(guides, 'large')], checkerMemory(), undefined)).toEqual({ files: ahead.files, inWorkers: 0 });
    const small = join(work, 'small');
    await writeElementGuide(small, 20);
    expect(await parseAhead([small], checkerMemory(), undefined)).toEqual({ files: 0, inWorkers: 0 });
  });
});

describe('the parse cache on disk', () => {
  it('gives the same from its entries, one per file, and drops those of deleted files', async () => {
    const cacheDir = join(work, 'cache');
    const first = await checkGuides([guides], { cacheDir });
    // The parses' entries (beside them, one entry a guide keeps its patterns' proofs).
    const entries = async () =>
      (await readdir(cacheDir, { recursive: true })).filter((name) => /(?:^|\/)parse-[^/]+\/[^/]+\.json$/.test(name));
    const count = (await entries()).length;
    expect(count).toBe(first.parsedFiles);
    const second = await checkGuides([guides], { cacheDir });
    expect(second.parsedFiles).toBe(0);
    expect(plain(second)).toEqual(plain(first));
    await unlink(join(guides, 'large', 'part-001.mdx'));
    const third = await checkGuides([guides], { cacheDir });
    expect(third.parsedFiles).toBe(0);
    expect(await entries()).toHaveLength(count - 1);
  });
});

describe('the parses a long-lived process keeps (the dev server)', () => {
  it('are its checker’s own: another checker, or the same one closed, parses every file again', async () => {
    const checker = createChecker();
    const first = await checker.check([guides], { parallel: false });
    expect(first.parsedFiles).toBeGreaterThan(20);
    expect((await checker.check([guides], { parallel: false })).parsedFiles).toBe(0);
    const other = await createChecker().check([guides], { parallel: false });
    expect(other.parsedFiles).toBe(first.parsedFiles);
    expect(plain(other)).toEqual(plain(first));
    checker.close();
    expect((await checker.check([guides], { parallel: false })).parsedFiles).toBe(first.parsedFiles);
  });

  it('reads again only the files whose size or times changed, and sees an edit that kept the size and the modification time', async () => {
    const checker = createChecker();
    const file = join(guides, 'large', 'index.mdx');
    const first = await checker.check([guides], { parallel: false });
    expect((await checker.check([guides], { parallel: false })).parsedFiles).toBe(0);
    // The same number of bytes, and the modification time put back: the change time still moves.
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('to="n1"', 'to="n9"'));
    await utimes(file, before.atime, before.mtime);
    const after = await checker.check([guides], { parallel: false });
    expect(after.parsedFiles).toBe(1);
    expect(after.problems.length).toBeGreaterThan(first.problems.length);
    await writeFile(file, text);
  });

  it('trusts the times of a file only once they are a few seconds old (a coarse clock may not see a second write)', async () => {
    const file = join(guides, 'large', 'index.mdx');
    await writeFile(file, await readFile(file, 'utf8'));
    const { readSource } = await import('../../plugins/signpost/src/core/parse/source.ts');
    expect(await readSource(file)).not.toHaveProperty('signature', expect.any(String));
    vi.useFakeTimers({ now: Date.now() + 10_000, toFake: ['Date'] });
    try {
      const read = await readSource(file);
      expect(read).toHaveProperty('signature', expect.any(String));
      expect(await readSource(file, (read as { signature: string }).signature)).toHaveProperty('unchanged');
    } finally {
      vi.useRealTimers();
    }
  });
});
