/**
 * The build's promises about its output: it never destroys what it should not, refuses bad
 * settings before any work, and `--out` always holds the previous complete site or the new one,
 * whenever the build is killed, whatever runs beside it.
 */
import { createHash } from 'node:crypto';
import { chmod, cp, lstat, mkdir, readdir, readFile, readlink, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, buildWith, listFiles, ROOT, start, twoEditions, until, type Started } from './build-site.ts';

let work: string;
/** Two sets of guides whose sites differ, and the hashes of each complete site. */
let guidesA: string;
let guidesB: string;
let siteA: Record<string, string>;
let siteB: Record<string, string>;

/** Every file under a folder (following the output link) with a hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(dir))
    result[file] = createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
  return result;
}

/** Which complete site a folder holds: 'A', 'B', or a description of what is wrong. */
async function holds(out: string): Promise<string> {
  const info = await lstat(out).catch(() => undefined);
  if (!info) return 'nothing';
  const files = await snapshot(out);
  if (JSON.stringify(files) === JSON.stringify(siteA)) return 'A';
  if (JSON.stringify(files) === JSON.stringify(siteB)) return 'B';
  return `an incomplete site of ${Object.keys(files).length} files`;
}

/** What the folder of builds beside `out` holds, without the marker. */
async function builds(out: string): Promise<string[]> {
  const dir = join(out, '..', `.${out.split('/').at(-1)}.builds`);
  return (await readdir(dir)).filter((name) => name !== '.signpost-builds').sort();
}

async function kill(started: Started): Promise<void> {
  try {
    process.kill(-started.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  await started.exited;
}

beforeAll(async () => {
  ({ work, guidesA, guidesB } = await twoEditions('signpost-output-'));
  const [a, b] = await Promise.all([build(guidesA, '--out', join(work, 'a')), build(guidesB, '--out', join(work, 'b'))]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  siteA = await snapshot(join(work, 'a'));
  siteB = await snapshot(join(work, 'b'));
  expect(siteA).not.toEqual(siteB);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an output folder that could destroy something', () => {
  const refusals: [string, (root: string) => string][] = [
    ['guide', () => '--out guide is the guides folder: building there would delete the guides; choose another folder, such as dist'],
    ['.', () => '--out . is the project folder: building there would delete the project; choose a folder inside it, such as dist'],
    ['..', (root) => `--out .. holds the project folder ${root}: building there would delete it; choose another folder, such as dist`],
    ['/', () => '--out / is the root of the file system: building there would delete everything; choose another folder, such as dist'],
    [
      'guide/site',
      (root) =>
        `--out guide/site is inside the guides folder ${root}/guide: the site would be read as guides; choose a folder outside it, such as dist`,
    ],
    [
      'public/site',
      () =>
        "--out public/site is inside the site's public/ folder: Astro would read the built site as part of the next one; choose another folder, such as dist",
    ],
    ['package.json', () => '--out package.json is a file, not a folder; remove it or choose another folder'],
    [
      'node_modules',
      () =>
        '--out node_modules is a folder that is not a Signpost build (it has no .signpost-manifest.json), and the build would delete what it holds, such as .package-lock.json; empty it, remove it, or choose another folder',
    ],
  ];

  it('is refused before any work, with one line and exit 2, the guides untouched', async () => {
    const root = await realpath(ROOT);
    const guides = await snapshot(join(ROOT, 'guide'));
    for (const [out, expected] of refusals) {
      const run = await build('guide', '--out', out);
      expect([run.code, run.stderr, run.stdout], out).toEqual([2, `signpost build: ${expected(root)}\n`, '']);
    }
    expect(await snapshot(join(ROOT, 'guide'))).toEqual(guides);
  });

  it('is refused through a symbolic link too', async () => {
    const root = await realpath(ROOT);
    const guides = await snapshot(join(ROOT, 'guide'));
    const toRoot = join(work, 'to-root');
    const toGuides = join(work, 'to-guides');
    await symlink(root, toRoot);
    await symlink(join(root, 'guide'), toGuides);
    const viaLink = await build('guide', '--out', toRoot);
    expect([viaLink.code, viaLink.stderr]).toEqual([
      2,
      `signpost build: --out ${toRoot} (a link to ${root}) is the project folder: building there would delete the project; choose a folder inside it, such as dist\n`,
    ]);
    const inside = await build('guide', '--out', join(toGuides, 'site'));
    expect([inside.code, inside.stderr]).toEqual([
      2,
      `signpost build: --out ${toGuides}/site is inside the guides folder ${root}/guide: the site would be read as guides; choose a folder outside it, such as dist\n`,
    ]);
    // `..` after a link goes up from where the link leads, as the file system does.
    const upFromLink = await build('guide', '--out', `${toGuides}/..`);
    expect([upFromLink.code, upFromLink.stderr]).toEqual([
      2,
      `signpost build: --out ${toGuides}/.. is the project folder: building there would delete the project; choose a folder inside it, such as dist\n`,
    ]);
    const empty = await build('guide', '--out=');
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([2, 'signpost build: --out needs a folder, such as dist']);
    const elsewhere = join(work, 'elsewhere');
    await symlink(work, elsewhere);
    const link = await build('guide', '--out', elsewhere);
    expect([link.code, link.stderr]).toEqual([
      2,
      `signpost build: --out ${elsewhere} is a link to ${work}, not a Signpost build; remove the link or choose another folder\n`,
    ]);
    expect(await snapshot(join(ROOT, 'guide'))).toEqual(guides);
  });

  it('refuses a folder of builds that is not Signpost’s', async () => {
    await mkdir(join(work, '.stranger.builds'));
    await writeFile(join(work, '.stranger.builds/notes.txt'), 'mine');
    const run = await build(guidesA, '--out', join(work, 'stranger'));
    expect([run.code, run.stderr]).toEqual([
      2,
      `signpost build: --out ${work}/stranger: ${work}/.stranger.builds is not a folder of Signpost builds, and the build would replace what it holds; remove it or choose another folder\n`,
    ]);
    expect(await readFile(join(work, '.stranger.builds/notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('settings', () => {
  it('are checked before any work, each refusal one line naming the value and the rule', async () => {
    const cases: [NodeJS.ProcessEnv, string[], string][] = [
      [
        {},
        ['--base', '" onerror="alert(document.domain)" x="'],
        '--base "\\" onerror=\\"alert(document.domain)\\" x=\\"" is not a path: use letters, digits, -, _, . and / only',
      ],
      [
        { SITE_URL: 'javascript:alert(1)' },
        [],
        'SITE_URL "javascript:alert(1)" is not a site address: use an http:// or https:// address without user name, password, query or fragment, such as https://help.example.com',
      ],
      [
        { SITE_URL: 'help.example.com' },
        [],
        'SITE_URL "help.example.com" is not a site address: use an http:// or https:// address without user name, password, query or fragment, such as https://help.example.com',
      ],
      [
        { SIGNPOST_FEEDBACK_URL: '//evil.example/collect' },
        [],
        'SIGNPOST_FEEDBACK_URL "//evil.example/collect" is not a feedback endpoint: use an https:// URL, or a path on this site starting with a single /',
      ],
      [
        { SIGNPOST_FEEDBACK_URL: "https://a;script-src 'unsafe-inline'.example/" },
        [],
        'SIGNPOST_FEEDBACK_URL "https://a;script-src \'unsafe-inline\'.example/" is not a feedback endpoint: use an https:// URL, or a path on this site starting with a single /',
      ],
    ];
    for (const [env, args, expected] of cases) {
      const run = await buildWith(env, guidesA, '--out', join(work, 'never'), ...args);
      expect([run.code, run.stderr, run.stdout]).toEqual([2, `signpost build: ${expected}\n`, '']);
    }
    await expect(lstat(join(work, 'never'))).rejects.toThrow();
    await expect(lstat(join(work, '.never.builds'))).rejects.toThrow();
  });
});

describe('the output swap', () => {
  it('makes the output a relative link to the complete build beside it', async () => {
    const out = join(work, 'a');
    expect((await lstat(out)).isSymbolicLink()).toBe(true);
    const target = await readlink(out);
    expect(target).toMatch(/^\.a\.builds\/b-\d{13}-\d+$/);
    expect(await builds(out)).toEqual([target.slice('.a.builds/'.length)]);
  });

  it('leaves the previous complete site or the new one whenever the build is killed', async () => {
    const out = join(work, 'killed');
    const first = await build(guidesA, '--out', out);
    expect(first.code, first.stderr).toBe(0);
    // At each step of the swap, deterministically…
    for (const step of ['locked', 'rendered', 'complete', 'linked']) {
      const before = await holds(out);
      const started = start([step === 'linked' && before === 'B' ? guidesA : guidesB, '--out', out], {
        SIGNPOST_TEST_HOOK: `pause@${step}`,
      });
      await until(() => started.stderr().includes(`paused at ${step}`));
      await kill(started);
      const after = await holds(out);
      expect([step, after], started.stderr()).toEqual([step, step === 'linked' ? (before === 'B' ? 'A' : 'B') : before]);
    }
    // …and at moments spread over a whole build, alternating the guides.
    for (let index = 0; index < 8; index++) {
      const started = start([index % 2 ? guidesA : guidesB, '--out', out]);
      await new Promise((resolve) => setTimeout(resolve, 150 + index * 300));
      await kill(started);
      expect(['A', 'B'], `killed after ${150 + index * 300} ms`).toContain(await holds(out));
    }
    // The next build takes over the dead one's lock, and removes what the killed ones left.
    const next = await build(guidesB, '--out', out);
    expect(next.code, next.stderr).toBe(0);
    expect(await holds(out)).toBe('B');
    expect(await builds(out)).toEqual([(await readlink(out)).slice('.killed.builds/'.length)]);
  }, 180_000);

  it('replaces an earlier Signpost’s real folder, and recovers from a kill in its one non-atomic moment', async () => {
    const out = join(work, 'earlier');
    await cp(join(work, 'a'), out, { recursive: true, dereference: true });
    expect((await lstat(out)).isDirectory()).toBe(true);
    const started = start([guidesB, '--out', out], { SIGNPOST_TEST_HOOK: 'pause@migrating' });
    await until(() => started.stderr().includes('paused at migrating'));
    await kill(started);
    // Between its two renames the output is missing; the new complete site waits beside it…
    expect(await holds(out)).toBe('nothing');
    // …and the next build links it again first, even when that build then fails.
    const failed = await buildWith({ SIGNPOST_TEST_HOOK: 'fail@rendered' }, guidesA, '--out', out);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'signpost build: earlier/ was missing after an interrupted build; it now holds the last complete site again\n',
    );
    expect(failed.stderr).toContain('Build failed while rendering: injected failure at rendered\nearlier/ was left as it was.\n');
    expect(await holds(out)).toBe('B');
    expect(await builds(out)).toEqual([(await readlink(out)).slice('.earlier.builds/'.length)]);
  }, 60_000);

  it('serialises overlapping builds: both finish, one after the other', async () => {
    const out = join(work, 'overlap');
    const [one, two] = [start([guidesA, '--out', out]), start([guidesB, '--out', out])];
    const [first, second] = await Promise.all([one.exited, two.exited]);
    expect([first.code, second.code], first.stderr + second.stderr).toEqual([0, 0]);
    expect(first.stderr + second.stderr).toMatch(/^signpost build: waiting for the build in process \d+ to finish$/m);
    expect(['A', 'B']).toContain(await holds(out));
    expect(await builds(out)).toEqual([(await readlink(out)).slice('.overlap.builds/'.length)]);
  }, 60_000);

  it('takes over the lock of a build that is gone', async () => {
    const out = join(work, 'stale');
    await mkdir(join(work, '.stale.builds'), { recursive: true });
    await writeFile(join(work, '.stale.builds/.signpost-builds'), '');
    // A process that has exited: its pid is free.
    const gone = start(['--help']);
    await gone.exited;
    await writeFile(join(work, '.stale.builds/lock'), JSON.stringify({ pid: gone.pid }));
    const run = await build(guidesA, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('waiting');
    expect(await holds(out)).toBe('A');
  }, 60_000);

  it('cleans its staging folder and says so in one line when rendering fails', async () => {
    const out = join(work, 'a');
    const before = await readlink(out);
    const run = await buildWith({ SIGNPOST_TEST_HOOK: 'fail@rendered' }, guidesB, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('\nBuild failed while rendering: injected failure at rendered\na/ was left as it was.\n');
    expect(await readlink(out)).toBe(before);
    expect(await holds(out)).toBe('A');
    expect(await builds(out)).toEqual([before.slice('.a.builds/'.length)]);
  }, 60_000);

  it('gives one line and exit 2 when it cannot write beside the output', async () => {
    // Root may write anywhere but in /sys; others not in a folder without write permission.
    const asRoot = process.getuid?.() === 0;
    const locked = asRoot ? '/sys' : join(work, 'locked');
    if (!asRoot) {
      await mkdir(locked);
      await chmod(locked, 0o555);
    }
    const run = await build(guidesA, '--out', join(locked, 'signpost-site'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^signpost build: cannot write ${locked}/\\.signpost-site\\.builds: (permission denied \\(EACCES\\)|operation not permitted \\(EPERM\\)|read-only file system \\(EROFS\\)); signpost-site/ was left as it was\n$`,
      ),
    );
    expect(await lstat(join(locked, 'signpost-site')).catch(() => undefined)).toBeUndefined();
    if (!asRoot) await chmod(locked, 0o755);
  }, 60_000);
});
