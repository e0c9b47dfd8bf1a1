/**
 * The parse cache: a later run (a fresh process: here, a new checker, which keeps nothing of another) does not parse
 * an unchanged file again, gives the same guides and problems as a fresh parse, and parses a
 * changed file again. An entry someone tampered with is not used: the run gives what a fresh
 * parse gives.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installedPackage, PARSER_PACKAGES } from '../../plugins/signpost/src/core/graph/parse-cache.ts';
import { componentsKey } from '../../plugins/signpost/src/core/parse/site-components.ts';
import { checkGuides } from '../../plugins/signpost/src/core/check.ts';
import { plain } from './plain-result.ts';
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
    const first = await checkGuides([guides], { cacheDir });
    expect(first.parsedFiles).toBeGreaterThan(2);
    expect(first.problems.map((p) => p.rule)).toContain('dangling-target');
    const second = await checkGuides([guides], { cacheDir });
    expect(second.parsedFiles).toBe(0);
    expect(plain(second)).toEqual(plain(first));
    const uncached = await checkGuides([guides]);
    expect(plain(uncached)).toEqual(plain(first));
  });

  it('keeps the parse of a file whose patterns are regular expressions, with their RE2 form', async () => {
    // The shipped SSH guide's cards match with regex="…": an entry of theirs was refused before.
    const ssh = join(work, 'ssh');
    await cp(join(FIXTURES, '../../../guide/ssh-connection'), join(ssh, 'ssh-connection'), { recursive: true });
    const first = await checkGuides([ssh], { cacheDir });
    expect(first.guides[0]!.nodes.some((node) => node.kind === 'error' && node.patterns.some((pattern) => pattern.expression))).toBe(true);
    const second = await checkGuides([ssh], { cacheDir });
    expect(second.parsedFiles).toBe(0);
    expect(plain(second)).toEqual(plain(first));
  });

  it('parses a changed file again, and only that one', async () => {
    const file = join(guides, 'one-file/index.mdx');
    await writeFile(file, `${await readFile(file, 'utf8')}\n`);
    const run = await checkGuides([guides], { cacheDir });
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

describe('a tampered parse cache', () => {
  let dir: string;
  let tampered: string;
  let cache: string;
  let uncached: unknown;
  const risky = () => join(tampered, 'risky', 'index.mdx');
  const other = () => join(tampered, 'one-file', 'index.mdx');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signpost-tamper-'));
    tampered = join(dir, 'guides');
    await cp(join(FIXTURES, 'clean', 'one-file'), join(tampered, 'one-file'), { recursive: true });
    // A guide whose fresh parse reports an unsafe link: an entry must not hide it.
    await cp(join(FIXTURES, 'clean', 'one-file'), join(tampered, 'risky'), { recursive: true });
    const text = await readFile(risky(), 'utf8');
    await writeFile(risky(), text.replace('Look at the front of the router.', 'Look at [the front](javascript:alert(1)) of the router.'));
    uncached = plain(await checkGuides([tampered]));
    expect((uncached as { problems: { rule: string }[] }).problems.map((p) => p.rule)).toContain('unsafe-url');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The cache file of a guide file's entry, its header and its parse. */
  async function entryOf(path: string): Promise<{ file: string; header: Record<string, unknown>; value: any }> {
    const root = join(dir, 'cache');
    for (const name of await readdir(root, { recursive: true })) {
      if (!name.endsWith('.json')) continue;
      const text = await readFile(join(root, name), 'utf8');
      const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as Record<string, unknown>;
      if (header['path'] === path) return { file: join(root, name), header, value: JSON.parse(text.slice(text.indexOf('\n') + 1)) };
    }
    throw new Error(`no entry for ${path}`);
  }

  /** Writes an entry as someone who knows the format would: with a header that matches it. */
  async function rewrite(file: string, header: Record<string, unknown>, value: unknown, body = JSON.stringify(value)): Promise<void> {
    await writeFile(file, `${JSON.stringify({ ...header, content: createHash('sha256').update(body).digest('hex') })}\n${body}`);
  }

  /** A run over a fresh cache, then the tampering, then a run that must give what no cache gives. */
  async function expectIgnored(tamper: () => Promise<void>): Promise<void> {
    await rm(join(dir, 'cache'), { recursive: true, force: true });
    cache = join(dir, 'cache');
    const first = await checkGuides([tampered], { cacheDir: cache });
    expect(plain(first)).toEqual(uncached);
    expect((await checkGuides([tampered], { cacheDir: cache })).parsedFiles).toBe(0);
    await tamper();
    const run = await checkGuides([tampered], { cacheDir: cache });
    expect(plain(run)).toEqual(uncached);
    // The tampered entry was not used: its file was parsed again.
    expect(run.parsedFiles).toBe(1);
  }

  /** The first node of an entry's parse whose tree holds a paragraph, and that paragraph. */
  function firstParagraph(value: any): any {
    return value.result.nodes[0].tree.children.find((child: { type: string }) => child.type === 'paragraph');
  }

  it('parses a file again whose entry is garbage, cut short or edited without its header', async () => {
    await expectIgnored(async () => writeFile((await entryOf(risky())).file, 'garbage'));
    await expectIgnored(async () => {
      const { file } = await entryOf(risky());
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.slice(0, text.length / 2));
    });
    await expectIgnored(async () => {
      const { file } = await entryOf(risky());
      await writeFile(file, (await readFile(file, 'utf8')).replace('Is the light on?', 'Is the light off?'));
    });
  });

  it('parses a file again whose entry hides a problem of its text: the unsafe link is still reported', async () => {
    await expectIgnored(async () => {
      const { file, header, value } = await entryOf(risky());
      value.problems = value.problems.filter((found: { rule: string }) => found.rule !== 'unsafe-url');
      await rewrite(file, header, value);
    });
  });

  it('parses a file again whose entry’s tree holds a script, an element or a javascript: link the text does not', async () => {
    for (const inserted of [
      {
        type: 'mdxJsxFlowElement',
        name: 'script',
        attributes: [],
        children: [{ type: 'text', value: 'alert(1)', position: 'PLACE' }],
        position: 'PLACE',
      },
      {
        type: 'mdxJsxTextElement',
        name: 'img',
        attributes: [{ type: 'mdxJsxAttribute', name: 'onerror', value: 'alert(1)' }],
        children: [],
        position: 'PLACE',
      },
      { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'here', position: 'PLACE' }], position: 'PLACE' },
      { type: 'html', value: '<script>alert(1)</script>', position: 'PLACE' },
      { type: 'mdxFlowExpression', value: 'alert(1)', position: 'PLACE' },
    ]) {
      await expectIgnored(async () => {
        const { file, header, value } = await entryOf(other());
        // At a place in the text, as a careful forger would put it.
        const paragraph = firstParagraph(value);
        const placed = JSON.parse(JSON.stringify(inserted).replaceAll('"PLACE"', JSON.stringify(paragraph.position)));
        paragraph.children.push(placed);
        await rewrite(file, header, value);
      });
    }
  });

  it('parses a file again whose entry renames a node, or was moved from another file', async () => {
    await expectIgnored(async () => {
      const { file, header, value } = await entryOf(other());
      value.result.nodes[0].id = 'pwned';
      value.result.nodes[0].tree.attributes.id = 'pwned';
      await rewrite(file, header, value);
    });
    await expectIgnored(async () => {
      // The other guide's entry, with a header saying it is this file's, under this file's name.
      const source = await entryOf(risky());
      const target = await entryOf(other());
      await rewrite(target.file, target.header, source.value);
    });
  });

  it('parses a file again whose entry has another shape, without failing: a wrong type, an unknown node, a tree too deep', async () => {
    await expectIgnored(async () => {
      const { file, header, value } = await entryOf(other());
      value.result.nodes[0].title = 42;
      await rewrite(file, header, value);
    });
    await expectIgnored(async () => {
      const { file, header, value } = await entryOf(other());
      firstParagraph(value).children.push({ type: 'raw', value: '<script>alert(1)</script>' });
      await rewrite(file, header, value);
    });
    await expectIgnored(async () => {
      const { file, header, value } = await entryOf(other());
      // Written as text: a tree this deep is past what JSON.stringify can walk.
      firstParagraph(value).children.push('DEEP');
      const deep = `${'{"type":"emphasis","children":['.repeat(5000)}{"type":"text","value":"deep"}${']}'.repeat(5000)}`;
      await rewrite(file, header, value, JSON.stringify(value).replace('"DEEP"', deep));
    });
    await expectIgnored(async () => {
      const { file, header, value } = await entryOf(other());
      value.problems.push({ file: other(), line: 1, column: 1, severity: 'error', rule: 'no-such-rule', message: 'x' });
      await rewrite(file, header, value);
    });
    // A node's place of another shape: a key more, a column of 0, a line written as text.
    for (const spoil of [
      (place: { start: Record<string, unknown> }) => (place.start['extra'] = 1),
      (place: { start: Record<string, unknown> }) => (place.start['column'] = 0),
      (place: { start: Record<string, unknown> }) => (place.start['line'] = '1'),
    ]) {
      await expectIgnored(async () => {
        const { file, header, value } = await entryOf(other());
        spoil(value.result.nodes[0].position);
        await rewrite(file, header, value);
      });
    }
  });
});
