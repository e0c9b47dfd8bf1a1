/**
 * Checks guide folders: the work behind `npm run check` and the build's validation.
 */
import { resolve } from 'node:path';
import type { Guide } from './graph/model.ts';
import { findGuideDirs, loadGuide } from './graph/load-guide.ts';
import { append, problem, sortProblems, type Problem } from './problems.ts';

export interface CheckOptions {
  /** Drafts become errors, as in production builds. */
  strict?: boolean;
}

export interface CheckResult {
  guides: Guide[];
  problems: Problem[];
  /** Some folder could not be read at all (exit code 2). */
  ioError: boolean;
}

/** Loads and validates every guide under `dirs`. Never throws for a writer's mistake. */
export async function checkGuides(dirs: string[], options: CheckOptions = {}): Promise<CheckResult> {
  const guides: Guide[] = [];
  const problems: Problem[] = [];
  for (const dir of dirs.map((d) => resolve(d))) {
    const guideDirs = await findGuideDirs(dir, problems);
    if (!guideDirs) continue;
    if (guideDirs.length === 0) {
      problems.push(problem(dir, 'empty-guide', 'No guide here; create `<guide-slug>/index.mdx` in this folder'));
    }
    for (const guideDir of guideDirs) {
      const loaded = await loadGuide(guideDir);
      guides.push(loaded.guide);
      append(problems, loaded.problems);
    }
  }
  const final = options.strict
    ? problems.map((p): Problem => (p.rule === 'draft' ? { ...p, severity: 'error' } : p))
    : problems;
  return { guides, problems: sortProblems(final), ioError: problems.some((p) => p.io) };
}
