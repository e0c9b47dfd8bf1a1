/**
 * Guides as they were at a git revision: what `check --since` and `signpost diff` compare the
 * working tree with. The guide files of that revision are read with git (no checkout, the
 * working tree is left alone) into a temporary folder, and loaded with the same code as now.
 */
import { execFile, spawn } from 'node:child_process';
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

/** The contents of git blobs, in one `git cat-file --batch` (not a process per file). */
function catBlobs(root: string, ids: string[]): Promise<Buffer[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => reject(new RevisionError(error.message)));
    child.on('close', () => {
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let at = 0;
      for (const id of ids) {
        const end = output.indexOf(10, at);
        const header = output.subarray(at, end).toString('utf8').split(' ');
        if (header[0] !== id || header[1] !== 'blob') return reject(new RevisionError(`cannot read ${id} from git`));
        const size = Number(header[2]);
        blobs.push(output.subarray(end + 1, end + 1 + size));
        at = end + 1 + size + 1;
      }
      resolvePromise(blobs);
    });
    child.stdin.end(`${ids.join('\n')}\n`);
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
      const blobs = listed
        .split('\0')
        .map((entry) => /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry))
        .filter((match): match is RegExpExecArray => match !== null && match[2]!.endsWith('.mdx'));
      const contents = await catBlobs(
        root,
        blobs.map((match) => match[1]!),
      );
      for (const [index, match] of blobs.entries()) {
        const target = join(temp, ...match[2]!.split('/'));
        if (!target.startsWith(temp + sep)) continue;
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, contents[index]!);
      }
      copies.push(join(temp, inRepo));
    }
    const guides: Guide[] = [];
    for (const copy of copies) {
      for (const guideDir of findGuideDirs(copy, []) ?? []) guides.push((await loadGuide(guideDir)).guide);
    }
    return { guides, commit };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
