/**
 * The proofs of a guide's `match` patterns kept in the parse cache: a later run (a new checker,
 * which keeps nothing of another) neither builds nor runs an unchanged pattern to prove the same
 * lines again, proves a changed pattern alone, and gives what a check without the cache gives.
 * An entry of another shape, or naming patterns it does not list, is not used.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RE2JS } from 're2js';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkGuides } from '../../plugins/signpost/src/core/check.ts';
import { plain } from './plain-result.ts';

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-proofs-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(work, { recursive: true, force: true });
});

afterAll(() => vi.restoreAllMocks());

/** A card matched by `regex`, with an example that it matches. */
const card = (id: string, message: string, regex: string, example: string) =>
  [
    `::::error{#${id} title="${message}"}`,
    `::match{regex="${regex}"}`,
    `::match[${message}]`,
    '',
    `::example[${example}]`,
    '',
    ':::reason\nIt failed.\n:::',
    ':::fix\nTry again.\n:::',
    '::::',
    '',
  ].join('\n');

/** A guide of three files of one card each; the third card's example is also matched by the first's pattern. */
async function writeGuide(firstRegex = String.raw`\bdisk\b \w+ is full`): Promise<{ root: string; first: string }> {
  const root = join(work, 'guides');
  const guide = join(root, 'g');
  await mkdir(guide, { recursive: true });
  await writeFile(
    join(guide, 'index.mdx'),
    [
      '---',
      'title: G',
      'start: start',
      '---',
      '',
      '::::question{#start title="Which?" prompt="Which error?"}',
      '::option[Disk]{to="disk-full"}',
      '::option[Quota]{to="quota"}',
      '::option[Volume]{to="volume"}',
      '::::',
      '',
    ].join('\n'),
  );
  const first = join(guide, 'disk.mdx');
  await writeFile(first, card('disk-full', 'Disk is full', firstRegex, 'error: disk sda1 is full'));
  await writeFile(
    join(guide, 'quota.mdx'),
    card('quota', 'Quota exceeded', String.raw`(?<!no )\bquota\b.*exceeded`, 'user quota was exceeded'),
  );
  await writeFile(
    join(guide, 'volume.mdx'),
    card('volume', 'Volume is full', String.raw`\bvolume\b [a-z]+ is full`, 'volume data is full; disk sdb2 is full'),
  );
  return { root, first };
}

/** The expressions RE2 builds while `run` runs. */
async function built(run: () => Promise<unknown>): Promise<string[]> {
  const compile = vi.spyOn(RE2JS, 'compile');
  try {
    await run();
    return compile.mock.calls.map(([source]) => source);
  } finally {
    compile.mockRestore();
  }
}

describe('the proofs of patterns, kept in the parse cache', () => {
  it('builds and runs no unchanged pattern again, and gives what a check without the cache gives', async () => {
    const { root } = await writeGuide();
    const cacheDir = join(work, 'cache');
    let first: Awaited<ReturnType<typeof checkGuides>> | undefined;
    expect((await built(async () => (first = await checkGuides([root], { cacheDir, parallel: false })))).length).toBeGreaterThan(3);
    // The volume card's example holds a line the disk card's pattern matches.
    expect(first!.problems.map((p) => p.rule)).toEqual(['ambiguous-match']);
    let second: Awaited<ReturnType<typeof checkGuides>> | undefined;
    expect(await built(async () => (second = await checkGuides([root], { cacheDir, parallel: false })))).toEqual([]);
    expect(plain(second!)).toEqual(plain(first!));
    expect(plain(await checkGuides([root], { parallel: false }))).toEqual(plain(first!));
  });

  it('proves a changed pattern alone, and reports what it now matches', async () => {
    const { root, first } = await writeGuide();
    const cacheDir = join(work, 'cache');
    await checkGuides([root], { cacheDir, parallel: false });
    // The disk card's pattern now asks for a device name: the volume card's line no longer matches it.
    const changed = String.raw`\bdisk\b sda\d is full`;
    await writeFile(first, card('disk-full', 'Disk is full', changed, 'error: disk sda1 is full'));
    let after: Awaited<ReturnType<typeof checkGuides>> | undefined;
    const sources = await built(async () => (after = await checkGuides([root], { cacheDir, parallel: false })));
    expect(after!.problems).toEqual([]);
    expect(plain(after!)).toEqual(plain(await checkGuides([root], { parallel: false })));
    // Built: the changed expression, checked when its file is read and then run (for any line,
    // and for ASCII lines); nothing of the two unchanged cards.
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source, source).toMatch(/sda/);
  });

  it('is not used when its entry has another shape or names a pattern it does not list', async () => {
    const { root } = await writeGuide();
    const cacheDir = join(work, 'cache');
    const expected = plain(await checkGuides([root], { cacheDir, parallel: false }));
    const folder = join(
      cacheDir,
      (await readdir(cacheDir)).find((name) => name.startsWith('proofs-'))!,
    );
    const [entry] = await readdir(folder);
    const text = await readFile(join(folder, entry!), 'utf8');
    const [header, body] = [text.slice(0, text.indexOf('\n')), JSON.parse(text.slice(text.indexOf('\n') + 1))];
    const forged = [
      { ...body, lines: body.lines.map(([line]: [string]) => [line, [body.recipes.length + 3]]) },
      { ...body, steps: 'none' },
      { recipes: body.recipes },
    ];
    for (const value of forged) {
      const content = JSON.stringify(value);
      // A header that fits the body, as someone who rewrote the entry would write it.
      const fitted = { ...JSON.parse(header), content: (await import('node:crypto')).createHash('sha256').update(content).digest('hex') };
      await writeFile(join(folder, entry!), `${JSON.stringify(fitted)}\n${content}`);
      let again: Awaited<ReturnType<typeof checkGuides>> | undefined;
      const sources = await built(async () => (again = await checkGuides([root], { cacheDir, parallel: false })));
      expect(sources.length, JSON.stringify(value).slice(0, 80)).toBeGreaterThan(0);
      expect(plain(again!)).toEqual(expected);
    }
  });
});
