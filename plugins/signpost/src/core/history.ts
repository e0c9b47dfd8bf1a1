/**
 * Guides as they were at a git revision: what `check --since` and `signpost diff` compare the
 * working tree with. The guide files of that revision are read with git (no checkout, the
 * working tree is left alone) into a temporary folder, and loaded with the same code as now.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Guide } from './graph/model.ts';
import { findGuideDirs, loadGuide } from './graph/load-guide.ts';

/** A revision that cannot be read: an operator's mistake, said in one line. */
export class RevisionError extends Error {
  override name = 'RevisionError';
}

function git(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      if (error) {
        const said = stderr.toString('utf8').trim().split('\n')[0] ?? '';
        reject(new RevisionError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : said || error.message));
      } else resolvePromise(stdout);
    });
  });
}

/** The guides under `dirs` (as `check` finds them) at revision `rev` of the repository around `cwd`. */
export async function guidesAt(rev: string, dirs: string[], cwd: string): Promise<{ guides: Guide[]; commit: string }> {
  if (!rev || rev.startsWith('-') || /[\s\0]/.test(rev)) throw new RevisionError(`\`${rev}\` is not a revision`);
  const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  let commit: string;
  try {
    commit = (await git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).toString('utf8').trim();
  } catch {
    throw new RevisionError(`\`${rev}\` is not a commit of this repository`);
  }
  const temp = await mkdtemp(join(tmpdir(), 'signpost-rev-'));
  try {
    const copies: string[] = [];
    for (const dir of dirs.map((d) => resolve(cwd, d))) {
      const inRepo = relative(root, dir);
      if (inRepo.startsWith('..')) throw new RevisionError(`${dir} is not inside the git repository ${root}`);
      const listed = (await git(root, ['ls-tree', '-r', '-z', '--full-name', commit, '--', inRepo || '.'])).toString('utf8');
      for (const entry of listed.split('\0')) {
        const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
        if (!match || !match[2]!.endsWith('.mdx')) continue;
        const target = join(temp, ...match[2]!.split('/'));
        if (!target.startsWith(temp + sep)) continue;
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, await git(root, ['cat-file', 'blob', match[1]!]));
      }
      copies.push(join(temp, inRepo));
    }
    const guides: Guide[] = [];
    for (const copy of copies) {
      for (const guideDir of (await findGuideDirs(copy, [])) ?? []) guides.push((await loadGuide(guideDir)).guide);
    }
    return { guides, commit };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
