/**
 * `signpost/core` as docs/authoring.md ("From code") shows it: `checkGuides` once, and a
 * checker kept for many checks, whose `checkFile` reads a file as an editor holds it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The built package, as a user's script imports it.
import { checkGuides, createChecker } from 'signpost/core';
import { FIXTURES } from './helpers.ts';

const GUIDE = join(FIXTURES, 'combined');
const INDEX = join(GUIDE, 'index.mdx');

describe('signpost/core from code', () => {
  it('checks once, or again with a kept checker, with the same problems', async () => {
    const once = await checkGuides([GUIDE]);
    expect(once.problems.map((p) => p.rule)).toContain('dangling-target');
    const checker = createChecker();
    const kept = await checker.check([GUIDE]);
    expect(kept.problems).toEqual(once.problems);
    expect((await checker.check([GUIDE])).parsedFiles).toBe(0);
    checker.close();
  });

  it('checks a file with the text an editor holds for it, and the rest of its guide from disk', async () => {
    const checker = createChecker({ strict: true });
    const saved = await readFile(INDEX, 'utf8');
    const fixed = await checker.checkFile(GUIDE, INDEX, saved.replace('to="restart-routr"', 'to="restart-router"'));
    const asSaved = await checker.checkFile(GUIDE, INDEX, saved);
    expect(asSaved.filter((p) => p.rule === 'dangling-target')).toHaveLength(1);
    expect(fixed.filter((p) => p.rule === 'dangling-target')).toEqual([]);
    checker.close();
  });

  it('refuses, in one line, a file that is not a .mdx file of the guide folder it names', async () => {
    const checker = createChecker();
    for (const path of [join(FIXTURES, 'elsewhere.mdx'), join(GUIDE, 'notes.md'), GUIDE, join(GUIDE, '..', 'other', 'index.mdx')]) {
      await expect(checker.checkFile(GUIDE, path, ''), path).rejects.toThrow(
        new TypeError(`checkFile: ${path} is not a .mdx file in the guide folder ${GUIDE}`),
      );
    }
    checker.close();
  });
});
