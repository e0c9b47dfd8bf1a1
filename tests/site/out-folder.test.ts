/**
 * What `--out` may replace, and how a signal stops a build.
 *
 * A folder is an earlier Signpost build only if it holds Signpost's manifest and nothing but
 * the files it lists, as they were written: anything else would be lost, so the build refuses
 * with one line naming it (exit 2), and the folder is left byte for byte as it was.
 *
 * SIGINT and SIGTERM stop a build at any phase, even one blocked in a synchronous step (the
 * test hooks of Astro's process block it as a read that never returns would): the output
 * still shows the previous complete site, byte for byte, nothing the build started is left
 * running, the locks are released, and one line says where it stopped, with exit 128 + signal.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, listFiles, ROOT, start, twoEditions, until } from './build-site.ts';

const MANIFEST = '.signpost-manifest.json';
let work: string;
let guidesA: string;
let guidesB: string;
/** A complete build of guidesA, and what it holds (with its manifest). */
let siteA: string;
let filesA: Record<string, string>;

/** Every file under a folder (following the output link) with a hash of its bytes; links by target. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const key = path.slice(dir.length + 1);
    if (entry.isSymbolicLink()) result[key] = `-> ${await readlink(path)}`;
    else if (entry.isFile())
      result[key] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
    else if (entry.isDirectory()) result[`${key}/`] = 'folder';
  }
  return result;
}

/** A copy of site A as a deployment makes it: `cp -R dist/. /srv/help/`. */
async function deployed(name: string): Promise<string> {
  const folder = join(work, name);
  await mkdir(folder, { recursive: true });
  await cp(`${siteA}/.`, folder, { recursive: true, dereference: true });
  return folder;
}

/** What the folder of builds beside `out` holds, without the marker. */
async function builds(out: string): Promise<string[]> {
  const dir = join(out, '..', `.${out.split('/').at(-1)}.builds`);
  return (await readdir(dir)).filter((name) => name !== '.signpost-builds').sort();
}

const line = (out: string, rest: string) => `signpost build: --out ${out} ${rest}\n`;

describe('an output folder that is not wholly an earlier Signpost build', () => {
  /** Runs a build into `out`, expects the one line and exit 2, and the folder unchanged. */
  async function refused(out: string, expected: string): Promise<void> {
    const before = await snapshot(out);
    const run = await build(guidesB, '--out', out);
    expect([run.code, run.stderr, run.stdout]).toEqual([2, expected, '']);
    expect(await snapshot(out)).toEqual(before);
    expect(await lstat(join(out, '..', `.${out.split('/').at(-1)}.builds`)).catch(() => undefined)).toBeUndefined();
  }
  const foreign = (path: string) =>
    `holds ${path}, which Signpost did not build: the build would delete it; move it out of the folder, or into public/ to publish it with the site`;

  it('is refused when a file was added to a deployed copy (the review’s case)', async () => {
    const help = await deployed('srv/help');
    await mkdir(join(help, 'uploads'));
    await writeFile(join(help, 'uploads/invoice.pdf'), '%PDF-1.7 an invoice');
    await refused(help, line(help, foreign('uploads/invoice.pdf')));
  });

  it('is refused for a foreign file at the top, and deep inside', async () => {
    const top = await deployed('top');
    await writeFile(join(top, 'notes.txt'), 'mine');
    await refused(top, line(top, foreign('notes.txt')));
    const deep = await deployed('deep');
    await mkdir(join(deep, 'router/no-signal/attachments/2026'), { recursive: true });
    await writeFile(join(deep, 'router/no-signal/attachments/2026/scan.png'), 'mine');
    await refused(deep, line(deep, foreign('router/no-signal/attachments/2026/scan.png')));
  });

  it('is refused for a link inside it, which is never followed', async () => {
    const outside = join(work, 'outside');
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'secret.txt'), 'keep me');
    const linked = await deployed('linked');
    await symlink(outside, join(linked, 'router/elsewhere'));
    await refused(
      linked,
      line(
        linked,
        `holds router/elsewhere (a link to ${outside}), which Signpost did not build: the build would delete it; move it out of the folder, or into public/ to publish it with the site`,
      ),
    );
    // A link in place of a listed file is no listed file, even with the same bytes.
    const masked = await deployed('masked');
    await cp(join(masked, 'favicon.svg'), join(outside, 'favicon.svg'));
    await rm(join(masked, 'favicon.svg'));
    await symlink(join(outside, 'favicon.svg'), join(masked, 'favicon.svg'));
    await refused(
      masked,
      line(
        masked,
        `holds favicon.svg (a link to ${outside}/favicon.svg), which Signpost did not build: the build would delete it; move it out of the folder, or into public/ to publish it with the site`,
      ),
    );
    expect(await snapshot(outside)).toEqual({
      'secret.txt': createHash('sha256').update('keep me').digest('hex'),
      'favicon.svg': filesA['favicon.svg'],
    });
  });

  it('is refused when a built file was edited by hand, even to the same size', async () => {
    const edited = await deployed('edited');
    const page = join(edited, 'router/index.html');
    const html = await readFile(page, 'utf8');
    await writeFile(page, html.replace('Router help', 'Router HELP'));
    expect((await readFile(page)).length).toBe(Buffer.byteLength(html));
    await refused(
      edited,
      line(
        edited,
        'holds router/index.html, changed since Signpost built it: the build would overwrite the change; move it out of the folder, or make the change in the guides or public/',
      ),
    );
  });

  it('is refused without a manifest: an older Signpost’s build, or any folder', async () => {
    const older = await deployed('older');
    await rm(join(older, MANIFEST));
    const expected = `is a folder that is not a Signpost build (it has no ${MANIFEST}), and the build would delete what it holds, such as 404.html; empty it, remove it, or choose another folder`;
    await refused(older, line(older, expected));
  });

  it('treats a manifest Signpost did not write as none, and never acts on what it lists', async () => {
    const manifest = JSON.parse(readFileSync(join(siteA, MANIFEST), 'utf8')) as { signpost: string; files: object[] };
    const entry = { size: 1, sha256: '0'.repeat(64) };
    const cases: [string, (file: string) => Promise<void>, string][] = [
      [
        'lists ../',
        (file) => writeFile(file, JSON.stringify({ ...manifest, files: [...manifest.files, { path: '../../etc/passwd', ...entry }] })),
        'it lists a path outside the folder',
      ],
      [
        'lists /',
        (file) => writeFile(file, JSON.stringify({ ...manifest, files: [{ path: '/etc/passwd', ...entry }] })),
        'it lists a path outside the folder',
      ],
      [
        'lists a/./b',
        (file) => writeFile(file, JSON.stringify({ ...manifest, files: [{ path: 'router/./index.html', ...entry }] })),
        'it lists a path outside the folder',
      ],
      [
        'lists a file twice',
        (file) => writeFile(file, JSON.stringify({ ...manifest, files: [...manifest.files, manifest.files[0]] })),
        'it lists 404.html twice',
      ],
      [
        'has another form',
        (file) => writeFile(file, JSON.stringify({ ...manifest, files: { '404.html': entry } })),
        'it is not in the form Signpost writes',
      ],
      ['is not JSON', (file) => writeFile(file, '{"signpost": "0.2.0", "files": ['), 'it is not JSON'],
      ['is huge', (file) => truncate(file, 64 * 1024 * 1024 + 1), 'it is larger than 64 MB'],
      ['is a link', async (file) => (await rm(file), await symlink('/etc/passwd', file)), 'it is not a regular file'],
    ];
    for (const [name, spoil, why] of cases) {
      const folder = await deployed(`spoilt-${cases.findIndex((item) => item[0] === name)}`);
      await spoil(join(folder, MANIFEST));
      const before = await snapshot(folder);
      const run = await build(guidesB, '--out', folder);
      expect([name, run.code, run.stderr], name).toEqual([
        name,
        2,
        line(
          folder,
          `is a folder that is not a Signpost build (its ${MANIFEST} is not one Signpost wrote: ${why}), and the build would delete what it holds, such as 404.html; empty it, remove it, or choose another folder`,
        ),
      ]);
      expect(await snapshot(folder), name).toEqual(before);
    }
  });

  it('is refused when a file was added through the output link, to the current build', async () => {
    const out = join(work, 'linked-out');
    const first = await build(guidesA, '--out', out);
    expect(first.code, first.stderr).toBe(0);
    await writeFile(join(out, 'report.csv'), 'mine');
    const before = await snapshot(out);
    const run = await build(guidesB, '--out', out);
    expect([run.code, run.stderr]).toEqual([2, line(out, foreign('report.csv'))]);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe('an output folder inside an earlier Signpost build, or inside .git or node_modules', () => {
  /** Runs a build into `out`, expects the one line and exit 2, and the enclosing folder unchanged. */
  async function refusedIn(enclosing: string, out: string, expected: string): Promise<void> {
    const before = await snapshot(enclosing);
    const run = await build(guidesB, '--out', out);
    expect([run.code, run.stderr, run.stdout]).toEqual([2, expected, '']);
    expect(await snapshot(enclosing)).toEqual(before);
  }

  it('is refused inside the current build, through the output link (the review’s case)', async () => {
    const out = join(work, 'outer-link');
    const first = await build(guidesA, '--out', out);
    expect(first.code, first.stderr).toBe(0);
    const current = join(work, '.outer-link.builds', (await builds(out))[0]!);
    const sub = join(out, 'sub');
    await refusedIn(
      join(work, '.outer-link.builds'),
      sub,
      line(sub, `is inside the Signpost build ${current}: the site would ship inside that one; choose a folder outside it, such as dist`),
    );
  });

  it('is refused inside a deployed copy (a folder holding a manifest), however deep', async () => {
    const copy = await deployed('outer-copy');
    const deep = join(copy, 'a', 'b');
    await refusedIn(
      copy,
      deep,
      line(deep, `is inside the Signpost build ${copy}: the site would ship inside that one; choose a folder outside it, such as dist`),
    );
  });

  it('is refused inside a .git or a node_modules folder', async () => {
    for (const [name, rest] of [
      ['.git', 'x'],
      ['node_modules', '.cache/x'],
    ] as const) {
      const folder = join(work, 'tools', name);
      await mkdir(folder, { recursive: true });
      const out = join(folder, rest);
      await refusedIn(folder, out, line(out, `is inside ${folder}, a ${name} folder that tools own; choose another folder, such as dist`));
    }
  });
});

describe('an output folder that is an earlier Signpost build, or empty', () => {
  it('replaces a deployed copy holding exactly its manifest’s files (some gone), with the link', async () => {
    const help = await deployed('srv/replaced');
    // A listed file removed by hand loses nothing.
    await rm(join(help, 'sitemap.xml'));
    const run = await build(guidesA, '--out', help);
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(help)).isSymbolicLink()).toBe(true);
    expect(await snapshot(help)).toEqual(filesA);
    // The copy was moved aside and removed: only the new build is left.
    expect(await builds(help)).toEqual([(await readlink(help)).slice('.replaced.builds/'.length)]);
  }, 60_000);

  it('builds into an empty folder', async () => {
    const empty = join(work, 'empty');
    await mkdir(empty);
    const run = await build(guidesA, '--out', empty);
    expect(run.code, run.stderr).toBe(0);
    expect(await snapshot(empty)).toEqual(filesA);
  }, 60_000);

  it('builds into a folder beside the project whose path begins with the project’s, and leaves nothing in the project', async () => {
    // `/srv/help-live` beside the project `/srv/help`: Astro took such a path for one inside the
    // project and put its server chunks there, where they found no packages.
    const project = ROOT.replace(/\/$/, '');
    const beside = await mkdtemp(`${project}-out-`);
    try {
      const before = await readdir(join(project, '.astro'));
      const run = await build(guidesA, '--out', join(beside, 'site'));
      expect(run.code, run.stderr).toBe(0);
      expect(await snapshot(join(beside, 'site'))).toEqual(filesA);
      expect(await readdir(join(project, '.astro'))).toEqual(before);
    } finally {
      await rm(beside, { recursive: true, force: true });
    }
  }, 60_000);

  it('writes a manifest that lists every file it built, with its size and hash, and nothing else', async () => {
    const manifest = JSON.parse(readFileSync(join(siteA, MANIFEST), 'utf8')) as {
      signpost: string;
      files: { path: string; size: number; sha256: string }[];
    };
    const version = (JSON.parse(readFileSync(join(ROOT, 'plugins/signpost/package.json'), 'utf8')) as { version: string }).version;
    expect(manifest.signpost).toBe(version);
    const files = (await listFiles(siteA)).filter((file) => file !== MANIFEST);
    expect(manifest.files.map((file) => file.path)).toEqual(files);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(siteA, file.path));
      expect([file.path, file.size, file.sha256]).toEqual([file.path, bytes.length, createHash('sha256').update(bytes).digest('hex')]);
    }
  });
});

/** The processes alive under `pid` (its children, theirs…), by /proc; a zombie is not alive. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(name), Number(ppid));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  for (const [child] of parents) {
    for (let up = parents.get(child); up !== undefined; up = parents.get(up)) {
      if (up === pid) {
        found.push(child);
        break;
      }
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

/** A process's start time, which tells it from a later process given the same pid. */
const startTime = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
};

/** Every process a stopped build started, killed after the suite should a test fail and leave one. */
const leftBehind: (readonly [number, string | undefined])[] = [];

describe('a signal', () => {
  const stops: [string, NodeJS.Signals, string, number][] = [
    ['checking', 'SIGTERM', 'while checking the guides', 1],
    ['rendering', 'SIGINT', 'while building the pages', 1],
    // Pagefind's own process runs beside Astro's by then.
    ['indexing', 'SIGTERM', 'while indexing the pages for search', 2],
    ['rendered', 'SIGTERM', 'while replacing the site', 0],
    ['complete', 'SIGTERM', 'while replacing the site', 0],
    // The link was already swapped: it is put back.
    ['linked', 'SIGTERM', 'while replacing the site', 0],
  ];

  it.each(stops)(
    'at %s (%s) stops the build at once, the output as it was, nothing left running',
    async (step, signal, where, processes) => {
      const out = join(work, 'stopped');
      const link = await readlink(out);
      const before = await snapshot(out);
      const started = start([guidesB, '--out', out], { SIGNPOST_TEST_HOOK: `pause@${step}` });
      await until(() => started.stderr().includes(`paused at ${step}\n`));
      const running = descendants(started.pid);
      leftBehind.push(...running.map((pid) => [pid, startTime(pid)] as const));
      // Astro's process and, while indexing, Pagefind's; none once Astro's has finished.
      expect(running.length, started.stderr()).toBeGreaterThanOrEqual(processes);
      if (processes === 0) expect(running).toEqual([]);
      process.kill(started.pid, signal);
      const run = await started.exited;
      expect([run.code, run.stderr.split('\n').slice(-2)]).toEqual([
        signal === 'SIGINT' ? 130 : 143,
        [`signpost build: stopped by ${signal} ${where}; stopped/ was left as it was`, ''],
      ]);
      expect(run.stdout).not.toContain('Built');
      expect(running.filter(alive)).toEqual([]);
      expect(await readlink(out)).toBe(link);
      expect(await snapshot(out)).toEqual(before);
      // The unfinished build is gone, and so are both locks.
      expect(await builds(out)).toEqual([link.slice('.stopped.builds/'.length)]);
      // (Another test file's build may hold the project's lock by now, never this one.)
      const lock = await readFile(join(ROOT, '.astro/signpost-build.lock'), 'utf8').catch(() => '{}');
      expect((JSON.parse(lock) as { pid?: number }).pid).not.toBe(started.pid);
      expect(await lstat(join(work, '.stopped.builds/lock')).catch(() => undefined)).toBeUndefined();
    },
    60_000,
  );

  it('while an earlier build’s real folder is moved aside puts the folder back', async () => {
    const help = await deployed('srv/moving');
    const before = await snapshot(help);
    const started = start([guidesB, '--out', help], { SIGNPOST_TEST_HOOK: 'pause@migrating' });
    await until(() => started.stderr().includes('paused at migrating\n'));
    expect(await lstat(help).catch(() => undefined)).toBeUndefined();
    process.kill(started.pid, 'SIGTERM');
    const run = await started.exited;
    expect([run.code, run.stderr.split('\n').slice(-2)]).toEqual([
      143,
      ['signpost build: stopped by SIGTERM while replacing the site; moving/ was left as it was', ''],
    ]);
    expect((await lstat(help)).isDirectory()).toBe(true);
    expect(await snapshot(help)).toEqual(before);
    expect(await builds(help)).toEqual([]);
  }, 60_000);
});

beforeAll(async () => {
  ({ work, guidesA, guidesB } = await twoEditions('signpost-out-folder-'));
  siteA = join(work, 'a');
  const [a, stopped] = await Promise.all([build(guidesA, '--out', siteA), build(guidesA, '--out', join(work, 'stopped'))]);
  expect(a.code, a.stderr).toBe(0);
  expect(stopped.code, stopped.stderr).toBe(0);
  filesA = await snapshot(siteA);
}, 120_000);

afterAll(async () => {
  for (const [pid, started] of leftBehind) if (alive(pid) && startTime(pid) === started) process.kill(pid, 'SIGKILL');
  await rm(work, { recursive: true, force: true });
});
