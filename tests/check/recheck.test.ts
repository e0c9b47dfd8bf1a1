/**
 * Checking again in one process (the dev server, on every save) gives what a check in a new
 * process gives: the same guides, the same problems at the same places. Its checker keeps
 * the parses of unchanged files, the graph rules' problems when no node changed but for its
 * places, and what each card's patterns were proved to match; each edit below reaches one of
 * them, in a guide of several files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGuide } from '../../bench/generate.ts';
import { checkGuides, createChecker, type Checker } from '../../plugins/signpost/src/core/check.ts';
import { plain } from './plain-result.ts';

let work: string;
let guides: string;
let guide: string;
/** The checker of the long-lived process: it checks after every edit. */
let kept: Checker;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-recheck-'));
  guides = join(work, 'guides');
  guide = join(guides, 'bench');
  await writeGuide(guide, 200);
  kept = createChecker();
  await kept.check([guides]);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Rewrites one file of the guide; the replaced text must be there. */
async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(guide, file);
  const text = await readFile(path, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${file} holds ${String(from)}`).not.toBe(text);
  await writeFile(path, changed);
}

/** A paragraph added after the first paragraph of the file's first node: every later line moves down. */
const prose = (file: string) => edit(file, /\n\n([A-Z][^\n]*)\n/, '\n\n$1\n\nA paragraph added by a writer.\n');

/** The problems of the kept process after the edits, having checked that a new process finds the same. */
async function checkedAlike(): Promise<{ rule: string; file: string; line: number }[]> {
  const again = await kept.check([guides]);
  const anew = await checkGuides([guides]);
  expect(plain(again)).toEqual(plain(anew));
  return again.problems.map(({ rule, file, line }) => ({ rule, file: file.slice(guide.length + 1), line }));
}

describe('checking again in one process', () => {
  // Each edit is made in a file where the guide has no problem yet, so that it is the edit
  // itself that the next check has to see.
  it('sees every kind of edit, and moves the places of problems with the prose above them', async () => {
    const as = (problems: { rule: string; file: string }[]) => problems.map((p) => `${p.rule} ${p.file}`);
    const lineOf = (problems: { rule: string; line: number }[], rule: string) => problems.find((p) => p.rule === rule)!.line;
    const generated = new Map<string, string>();
    for (const file of ['part-001.mdx', 'part-002.mdx']) generated.set(file, await readFile(join(guide, file), 'utf8'));
    const restore = (file: string) => writeFile(join(guide, file), generated.get(file)!);

    await prose('part-003.mdx');
    expect(await checkedAlike()).toEqual([]);

    // An example its card's patterns do not match, an alias likewise; then both as they were.
    await edit('part-001.mdx', /^::example\[.*\]$/m, '::example[Something else entirely]');
    expect(as(await checkedAlike())).toEqual(['unmatched-example part-001.mdx']);
    await edit('part-002.mdx', /^::alias\[.*\]$/m, '::alias[Something else entirely]');
    expect(as(await checkedAlike())).toEqual(['unmatched-example part-001.mdx', 'unmatched-example part-002.mdx']);
    await restore('part-001.mdx');
    await restore('part-002.mdx');
    expect(await checkedAlike()).toEqual([]);

    // A pattern of part-003 that matches every card's example: reported at the pattern, naming
    // examples in every file; prose in part-001 moves the places it names there. Then a pattern
    // in its place that leaves the card's alias unmatched.
    await edit('part-003.mdx', /::match\[n\d+ \{word\} \{word\} \{word\}\]/, '::match[ERROR [worker-3] {text}]');
    const ambiguous = await checkedAlike();
    expect(ambiguous.filter((p) => p.rule === 'ambiguous-match').length).toBeGreaterThan(10);
    await prose('part-001.mdx');
    await checkedAlike();
    await edit('part-003.mdx', '::match[ERROR [worker-3] {text}]', '::match[n999 {word} {word} {word}]');
    expect(as(await checkedAlike())).toEqual(['unmatched-example part-003.mdx']);

    // An answer to a node that is not there: a dangling target, and the branch it led to is
    // orphaned. Prose above a problem moves it; prose in another file moves nothing of it.
    await edit('part-002.mdx', /to="n\d+"/, 'to="nowhere"');
    const dangling = await checkedAlike();
    expect(as(dangling)).toEqual(['dangling-target part-002.mdx', 'unmatched-example part-003.mdx', 'unreachable-node part-003.mdx']);
    await prose('part-002.mdx');
    const moved = await checkedAlike();
    expect(lineOf(moved, 'dangling-target')).toBe(lineOf(dangling, 'dangling-target') + 2);
    expect(lineOf(moved, 'unreachable-node')).toBe(lineOf(dangling, 'unreachable-node'));
    await prose('part-003.mdx');
    const after = await checkedAlike();
    expect(lineOf(after, 'dangling-target')).toBe(lineOf(moved, 'dangling-target'));
    expect(lineOf(after, 'unreachable-node')).toBe(lineOf(moved, 'unreachable-node') + 2);
    await restore('part-002.mdx');
    expect(as(await checkedAlike())).toEqual(['unmatched-example part-003.mdx']);

    // An id used in two files, then prose above the first of them.
    const first = /#(n\d+)/.exec(await readFile(join(guide, 'part-001.mdx'), 'utf8'))![1]!;
    await edit('part-002.mdx', /#n\d+/, `#${first}`);
    expect(as(await checkedAlike())).toContain('duplicate-id part-002.mdx');
    await prose('part-001.mdx');
    await checkedAlike();

    // The start node, in index.mdx, named wrongly.
    await edit('index.mdx', /start: n\d+/, 'start: nowhere');
    expect(as(await checkedAlike())).toContain('missing-start index.mdx');
  });

  it('gives what a new process gives when every file is as it was generated again', async () => {
    await writeGuide(guide, 200);
    expect(await checkedAlike()).toEqual([]);
  });
});
