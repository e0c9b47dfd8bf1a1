/**
 * The parse cache: a later run (a fresh process: here, fresh module instances) does not parse
 * an unchanged file again, gives the same guides and problems as a fresh parse, and parses a
 * changed file again.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installedPackage, PARSER_PACKAGES } from '../../plugins/signpost/src/core/graph/parse-cache.ts';
import { componentsKey } from '../../plugins/signpost/src/core/parse/site-components.ts';
import { fresh, plain } from './fresh-core.ts';
import { FIXTURES } from './helpers.ts';

let work: string;
let guides: string;
let cacheDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-cache-'));
  guides = join(work, 'guides');
  cacheDir = join(work, 'cache');
  await cp(join(FIXTURES, 'clean'), guides, { recursive: true });
  // A mistake too, so that cached problems are compared as well.
  const file = join(guides, 'one-file/index.mdx');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/to="([a-z-]+)"/, 'to="$1x"'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the parse cache', () => {
  it('parses an unchanged file once, across runs, with the same guides and problems', async () => {
    const first = await (await fresh()).checkGuides([guides], { cacheDir });
    expect(first.parsedFiles).toBeGreaterThan(2);
    expect(first.problems.map((p) => p.rule)).toContain('dangling-target');
    const second = await (await fresh()).checkGuides([guides], { cacheDir });
    expect(second.parsedFiles).toBe(0);
    expect(plain(second)).toEqual(plain(first));
    const uncached = await (await fresh()).checkGuides([guides]);
    expect(plain(uncached)).toEqual(plain(first));
  });

  it('parses a changed file again, and only that one', async () => {
    const file = join(guides, 'one-file/index.mdx');
    await writeFile(file, `${await readFile(file, 'utf8')}\n`);
    const run = await (await fresh()).checkGuides([guides], { cacheDir });
    expect(run.parsedFiles).toBe(1);
  });

  it('keys a parse by the values each site component accepts, not only its attribute names', () => {
    const key = (plans: [string, ...string[]]) => componentsKey(new Map([['plan-badge', z.object({ plan: z.enum(plans) })]]));
    expect(key(['free', 'pro'])).toBe(key(['free', 'pro']));
    expect(key(['free', 'pro', 'team'])).not.toBe(key(['free', 'pro']));
    expect(componentsKey(new Map())).toBe('');
  });

  it("is dropped when a parser package changes: each one's version is found", async () => {
    // Most of them do not export their package.json: it is found above the module they resolve to.
    for (const name of PARSER_PACKAGES) {
      expect((await installedPackage(name))?.version, name).toMatch(/^\d+\.\d+\.\d+/);
    }
  });
});
