import { png } from '../hostile/png.ts';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { chmod, link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, type CheckOptions } from '../../plugins/signpost/src/core/index.ts';

// Every message of every rule is built by some test: here, the ones no fixture reaches. Each
// guide is what a writer could really save, and each problem is asserted at its place, with
// its whole message.

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-messages-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const FRONTMATTER = '---\ntitle: Router help\nstart: start\n---\n\n';

/** Writes the files of a guide folder `work/<name>/` (`FM` in a text stands for the frontmatter); returns the folder. */
async function guide(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const dir = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content.replaceAll('FM', FRONTMATTER) : content);
  }
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The problems of checking `dir`, one line each: `file:line:column rule message`, `file` relative to `dir`. */
async function problemsOf(dir: string, options: CheckOptions = {}): Promise<string[]> {
  const { problems } = await checkGuides([dir], options);
  return problems.map((p) => `${relative(dir, p.file) || '.'}:${p.line}:${p.column} ${p.rule} ${p.message}`);
}

/** A guide of one instructions card that says `body`. */
const card = (body: string): string => `FM:::instructions{#start title="Restart the router"}\n${body}\n:::\n`;

/** A guide of one error card holding `part` (a `::match`, an `::example`) before its reason and fix. */
const errorCard = (part: string): string =>
  `FM::::error{#start title="No signal"}\n${part}\n:::reason\nThe router is off.\n:::\n:::fix\nTurn it on.\n:::\n::::\n`;

/**
 * Runs `check` as a user who may not read `unreadable` (mode 000). As root (CI), whom modes do
 * not stop, the check runs with the effective user `nobody` (`seteuid`, given back after), so
 * that the case is made there too; the folders above are opened to it for the walk.
 */
async function withoutReadAccess<T>(unreadable: string, check: () => Promise<T>, mode = 0o644): Promise<T> {
  await chmod(unreadable, 0o000);
  const root = process.getuid?.() === 0;
  if (root) {
    expect(process.seteuid, 'seteuid: the test must run in a process, not a worker thread').toBeTypeOf('function');
    await chmod(work, 0o755);
    process.seteuid!(65534);
  }
  try {
    return await check();
  } finally {
    if (root) process.seteuid!(0);
    await chmod(unreadable, mode);
  }
}

describe('moved-from', () => {
  it('lists an id that is still the id of another node', async () => {
    const dir = await guide('former-is-node', {
      'index.mdx': `FM::::question{#start title="Is the light on?"}\n::option[Yes]{to="restart"}\n::option[No]{to="cable"}\n::::\n\n:::instructions{#restart title="Restart" moved-from="cable"}\nUnplug it.\n:::\n\n:::instructions{#cable title="Cable"}\nPlug it in.\n:::\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:11:42 duplicate-id `cable` is listed in `moved-from` but is still the id of instructions card `cable` (line 15, column 17); a URL can lead to one page only: remove it from `moved-from`, or rename that node',
    ]);
  });

  it('gives the same former id to two nodes', async () => {
    const dir = await guide('former-twice', {
      'index.mdx': `FM::::question{#start title="Is the light on?"}\n::option[Yes]{to="restart"}\n::option[No]{to="cable"}\n::::\n\n:::instructions{#restart title="Restart" moved-from="reboot"}\nUnplug it.\n:::\n\n:::instructions{#cable title="Cable" moved-from="reboot"}\nPlug it in.\n:::\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:15:38 duplicate-id `reboot` is also listed in `moved-from` of instructions card `restart` (line 11, column 17); an old URL can lead to one page only: keep it on one node',
    ]);
  });

  it.each([
    [
      'lists the node’s own id',
      'moved-from-self',
      'start',
      "index.mdx:6:51 invalid-attribute `moved-from` lists the node's own id `start`; list only ids the node had before",
    ],
    [
      'lists a former id that is not a slug',
      'former-not-slug',
      'Old_Start',
      'index.mdx:6:51 invalid-id Former id `Old_Start` in `moved-from` is not a lowercase slug, so no page ever had it; did you mean `old-start`?',
    ],
  ])('%s', async (_, name, former, expected) => {
    const dir = await guide(name, {
      'index.mdx': `FM:::instructions{#start title="Restart the router" moved-from="${former}"}\nUnplug it.\n:::\n`,
    });
    expect(await problemsOf(dir)).toEqual([expected]);
  });
});

describe('frontmatter', () => {
  it('writes the frontmatter as a list, not as fields', async () => {
    const dir = await guide('frontmatter-list', { 'index.mdx': card('Unplug it.').replace('FM', '---\n- title\n- start\n---\n\n') });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:2:1 invalid-attribute Frontmatter must be `field: value` lines, such as `title: My guide`',
    ]);
  });

  it('gives a file other than index.mdx frontmatter', async () => {
    const dir = await guide('frontmatter-elsewhere', {
      'index.mdx': `FM:::step{#start title="Restart the router" next="more"}\nUnplug it.\n:::\n`,
      'more.mdx': '---\ntitle: More\n---\n\n:::instructions{#more title="Plug it in"}\nPlug it in.\n:::\n',
    });
    expect(await problemsOf(dir)).toEqual([
      'more.mdx:1:1 invalid-attribute Frontmatter is read only from `index.mdx`; move these fields there',
    ]);
  });

  it.each([
    [
      'gives `start` a list',
      'start-list',
      '---\ntitle: Router help\nstart: [a, b]\n---\n\n',
      'index.mdx:3:8 missing-start Invalid `start`: expected the id of a node',
    ],
    [
      'gives `title` a list',
      'title-list',
      '---\ntitle: [Router, help]\nstart: start\n---\n\n',
      'index.mdx:2:8 missing-title Invalid `title`: expected text',
    ],
  ])('%s', async (_, name, frontmatter, expected) => {
    const dir = await guide(name, { 'index.mdx': card('Unplug it.').replace('FM', frontmatter) });
    expect(await problemsOf(dir)).toEqual([expected]);
  });
});

describe('components', () => {
  it.each([
    [
      'writes `kbd` without keys',
      'kbd-empty',
      'Press :kbd[] now.',
      'index.mdx:7:7 missing-title `kbd` has no keys; write them as `:kbd[Ctrl+C]`',
    ],
    [
      'writes `details` without a summary',
      'details-no-summary',
      ':::details\nMore about it.\n:::',
      'index.mdx:7:1 missing-title `details` has no summary; write it as `:::details[What the reader opens]`',
    ],
    [
      'writes a `tab` without a label',
      'tab-no-label',
      '::::tabs\n:::tab\nOn Windows.\n:::\n:::tab[Mac]\nOn a Mac.\n:::\n::::',
      'index.mdx:8:1 missing-title `tab` has no label; write it as `:::tab[Windows]`',
    ],
    [
      'writes a `tab` outside `tabs`',
      'tab-outside-tabs',
      ':::tab[Windows]\nOn Windows.\n:::',
      'index.mdx:7:1 misplaced-directive `tab` belongs directly inside `tabs`; put the tabs together in `::::tabs` … `::::`',
    ],
    [
      'writes text in `tabs` outside its tabs',
      'text-in-tabs',
      '::::tabs\nStray text.\n\n:::tab[Windows]\nOn Windows.\n:::\n:::tab[Mac]\nOn a Mac.\n:::\n::::',
      'index.mdx:8:1 misplaced-directive `tabs` holds only `:::tab[Label]` … `:::` directives; move this into a tab',
    ],
    [
      'gives `tabs` one tab',
      'one-tab',
      '::::tabs\n:::tab[Windows]\nOn Windows.\n:::\n::::',
      'index.mdx:7:1 misplaced-directive `tabs` has 1 tab; give it two or more `:::tab[Label]`, or drop `tabs`',
    ],
  ])('%s', async (_, name, body, expected) => {
    const dir = await guide(name, { 'index.mdx': `FM:::::instructions{#start title="Restart the router"}\n${body}\n:::::\n` });
    expect(await problemsOf(dir)).toEqual([expected]);
  });
});

describe('error cards', () => {
  it('gives a card two escalations', async () => {
    const dir = await guide('second-escalate', { 'index.mdx': errorCard('::escalate[Call us]\n::escalate[Call us again]') });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:8:1 misplaced-directive Error card `start` already has an `escalate` (line 7); merge the two',
    ]);
  });

  it('writes only a comment in How to fix', async () => {
    const dir = await guide('fix-only-comments', {
      'index.mdx': `FM::::error{#start title="No signal"}\n:::reason\nThe router is off.\n:::\n:::fix\n{/* TODO */}\n:::\n::::\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:10:1 missing-fix The How to fix of error card `start` holds only comments, which readers do not see; say what the reader does about it',
    ]);
  });

  it('gives a card one answer', async () => {
    const dir = await guide('card-one-answer', {
      'index.mdx': `${errorCard('::option[Done]{to="done"}')}\n:::instructions{#done title="Done"}\nAll good.\n:::\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:16 too-few-options Error card `start` has 1 answer; give it at least 2, or go on with `next="done"` instead',
    ]);
  });

  it('pastes an example whose braces MDX reads as code', async () => {
    const dir = await guide('brace-in-example', { 'index.mdx': errorCard('::match[No signal]\n::example[No signal on port {a b}]') });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:8:29 syntax-error MDX reads `{a b}` in this example as code; write `\\{` and `\\}` for the braces of a pasted line',
    ]);
  });
});

describe('patterns', () => {
  it('writes code in braces where a placeholder goes', async () => {
    const dir = await guide('bad-placeholder', { 'index.mdx': errorCard('::match[No signal on port {a.b}]') });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:27 invalid-pattern `{a.b}` is not a placeholder; write a name in braces, such as `{id}`, `{number}` or `{text}`, and `\\{` for a brace itself',
    ]);
  });

  it.each([
    ['writes a pattern of over 300 characters', 'pattern-too-long', `::match[No signal ${'x'.repeat(300)}]`, 'index.mdx:7:1'],
    [
      'writes a regular expression of over 300 characters',
      'regex-too-long',
      `::match{regex="No signal ${'x'.repeat(300)}"}`,
      'index.mdx:7:9',
    ],
  ])('%s', async (_, name, part, place) => {
    const dir = await guide(name, { 'index.mdx': errorCard(part) });
    expect(await problemsOf(dir)).toEqual([
      `${place} invalid-pattern This pattern is longer than 300 characters; match the line that names the error, not the whole output`,
    ]);
  });
});

describe('files a node shows or links to', () => {
  it('shows an SVG image', async () => {
    const dir = await guide('svg-image', { 'index.mdx': card('![The router](./img/router.svg)'), 'img/router.svg': '<svg/>' });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:1 broken-image `./img/router.svg` is not an image Signpost shows; use a `.png`, `.jpg`, `.jpeg`, `.webp`, `.gif`, `.avif` file',
    ]);
  });

  it('shows an image through a symbolic link that leads out of the guide', async () => {
    const dir = await guide('image-link-outside', { 'index.mdx': card('![The router](./img/router.png)') });
    await writeFile(join(work, 'router.png'), png(2, 2));
    await mkdir(join(dir, 'img'));
    await symlink(join(work, 'router.png'), join(dir, 'img', 'router.png'));
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:1 broken-image `./img/router.png` is a symbolic link that leads outside the guide folder, so it is not read; copy the file itself into `image-link-outside/`',
    ]);
  });

  it('shows an image that is a hard link', async () => {
    const dir = await guide('image-hard-link', { 'index.mdx': card('![The router](./img/router.png)'), 'img/router.png': png(2, 2) });
    await link(join(dir, 'img', 'router.png'), join(work, 'router-copy.png'));
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:1 broken-image `./img/router.png` is a hard link (one file with 2 names, which may be outside the guide folder), so it is not read; replace it with a copy of the file',
    ]);
  });

  it('shows an image that is a FIFO', async () => {
    const dir = await guide('image-fifo', { 'index.mdx': card('![The router](./img/router.png)') });
    await mkdir(join(dir, 'img'));
    execFileSync('mkfifo', [join(dir, 'img', 'router.png')]);
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:1 broken-image `./img/router.png` is a FIFO (named pipe), not a regular file, so it is not read; save a regular file there',
    ]);
  });

  it('writes %00 in the path of an image', async () => {
    const dir = await guide('image-nul', { 'index.mdx': card('![The router](./img/router%00.png)') });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:1 broken-image `./img/router\0.png` holds a NUL character (`%00`), which no file name holds; correct the path',
    ]);
  });

  it('shows an image nobody may read', async () => {
    const dir = await guide('image-unreadable', { 'index.mdx': card('![The router](./img/router.png)'), 'img/router.png': png(2, 2) });
    const problems = await withoutReadAccess(join(dir, 'img', 'router.png'), () => problemsOf(dir, { parallel: false }));
    expect(problems).toEqual(['index.mdx:7:1 broken-image Cannot read `./img/router.png` (EACCES); check its permissions']);
  });

  it('links to a file nobody may read', async () => {
    const dir = await guide('file-unreadable', {
      'index.mdx': card('See [the manual](./files/manual.txt).'),
      'files/manual.txt': 'Unplug it.\n',
    });
    const problems = await withoutReadAccess(join(dir, 'files', 'manual.txt'), () => problemsOf(dir, { parallel: false }));
    expect(problems).toEqual(['index.mdx:7:5 broken-link Cannot read `./files/manual.txt` (EACCES); check its permissions']);
  });

  it('links to a PNG cut short', async () => {
    const dir = await guide('link-broken-png', {
      'index.mdx': card('See [the screenshot](./files/shot.png).'),
      'files/shot.png': png(2, 2, { end: false }),
    });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:5 broken-link `./files/shot.png` is a PNG image that cannot be shown: it ends before its last chunk (the file is cut short); export it again from an image editor',
    ]);
  });

  it('links from the site’s root to a node the guide does not have', async () => {
    const dir = await guide('link-no-node', { 'index.mdx': card('See [the first step](/link-no-node/strat/).') });
    expect(await problemsOf(dir)).toEqual([
      'index.mdx:7:5 broken-link Cannot find node `strat` in guide `link-no-node`; did you mean `start`?',
    ]);
  });
});

describe('the folders and files check is given', () => {
  it('gives a folder that does not exist', async () => {
    expect(await problemsOf(join(work, 'no-such-guides'))).toEqual([
      '.:1:1 missing-folder Cannot find this folder; give the folder that holds your guides (default `guide`)',
    ]);
  });

  it('gives a file instead of a folder', async () => {
    const dir = await guide('given-a-file', { 'index.mdx': card('Unplug it.') });
    expect(await problemsOf(join(dir, 'index.mdx'))).toEqual([
      '.:1:1 missing-folder This is a file; give the folder of a guide, or the folder that holds guides',
    ]);
  });

  it('gives a folder nobody may read', async () => {
    const dir = await guide('folder-unreadable', { 'index.mdx': card('Unplug it.') });
    const problems = await withoutReadAccess(dir, () => problemsOf(dir, { parallel: false }), 0o755);
    expect(problems).toEqual(['.:1:1 missing-folder Cannot read this folder (EACCES); check its permissions']);
  });

  it('saves a guide file nobody may read', async () => {
    const dir = await guide('file-unreadable-mdx', {
      'index.mdx': card('Unplug it.'),
      'more.mdx': ':::instructions{#more title="More"}\nMore.\n:::\n',
    });
    const problems = await withoutReadAccess(join(dir, 'more.mdx'), () => problemsOf(dir, { parallel: false }));
    expect(problems).toEqual(['more.mdx:1:1 unreadable-file Cannot read this file (EACCES); check its permissions']);
  });

  it('gives a folder that holds a mount point', async () => {
    // `/dev/pts` is a file system of its own on every Linux, mounted in `/dev`.
    expect(statSync('/dev/pts').dev, '/dev/pts is no mount point here').not.toBe(statSync('/dev').dev);
    expect(await problemsOf('/dev', { parallel: false })).toContain(
      'pts:1:1 unreadable-file This folder is on another file system (a mount point), which Signpost does not walk into; copy the guide here',
    );
  });
});
