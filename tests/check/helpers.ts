import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGuides, type CheckOptions } from '../../plugins/signpost/src/core/index.ts';

/** The fixture guides beside these tests. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/**
 * Checks a fixture folder and returns its problems as one line each:
 * `file:line:column severity [rule] message`, with `file` relative to the fixture.
 */
export async function problemsIn(fixture: string, options: CheckOptions = {}): Promise<string[]> {
  const root = `${FIXTURES}${fixture}`;
  const { problems } = await checkGuides([root], options);
  return problems.map((p) => `${relative(root, p.file) || '.'}:${p.line}:${p.column} ${p.severity} [${p.rule}] ${p.message}`);
}

/**
 * A git repository in a temporary folder, its commits made from fixture folders: `commit(dir)`
 * makes `guide/<slug>/` hold exactly the files of `dir`, and commits.
 */
export async function gitRepo(slug: string): Promise<{ root: string; commit: (from: string, message: string) => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'signpost-git-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Writer', '-c', 'user.email=writer@example.com', ...args], { cwd: root });
  git('init', '-q', '-b', 'main');
  return {
    root,
    commit: async (from, message) => {
      const guide = join(root, 'guide', slug);
      await rm(guide, { recursive: true, force: true });
      await cp(from, guide, { recursive: true });
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
  };
}
