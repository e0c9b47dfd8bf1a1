/**
 * What proving a guide's `match` patterns may cost (`limit-exceeded`): an example longer than
 * the paste box reads of a line is refused at its place, and trying every card's patterns on
 * the other cards' lines has a budget (`LIMITS.patternWork`): a guide whose cards' patterns and
 * lines all share their words, which makes every pattern run on every line, gets one located
 * problem where the budget ran out, not a check of minutes. The guides are of the shape that
 * took `check` 42–363 s before (every pattern keyed on a word every line holds).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides } from '../../plugins/signpost/src/core/index.ts';
import { LIMITS } from '../../plugins/signpost/src/core/parse/limits.ts';
import { MOST_LINE_CHARS } from '../../plugins/signpost/src/core/match/matcher.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-pattern-work-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Shape {
  cards: number;
  /** Regular expressions a card, all keyed on `connectionerror`, which every line holds. */
  patterns: number;
  /** Characters of each card's one example. */
  exampleChars: number;
}

/**
 * Writes a guide of `shape` under `work/<name>/rg`, ten cards a file, and returns its folder.
 * Card `c<i>`'s patterns match its own lines only (`… code<i> end`), so that a guide within
 * the budget has no problem at all.
 */
async function writeShape(name: string, shape: Shape): Promise<string> {
  const guide = join(work, name, 'rg');
  await mkdir(guide, { recursive: true });
  const cards: string[] = [];
  for (let card = 0; card < shape.cards; card++) {
    const patterns = Array.from(
      { length: shape.patterns },
      (_, k) => String.raw`::match{regex="\bconnectionerror\b(?:\s+(?:lorem|code\d+))*\s+code${card}\s+end${String.raw`\s*`.repeat(k)}\b"}`,
    );
    const head = `connectionerror code${(card * 7) % shape.cards} `;
    const tail = ` code${card} end`;
    const room = shape.exampleChars - head.length - tail.length;
    const example = `${head}${'lorem '
      .repeat(Math.floor(room / 6))
      .trim()
      .padEnd(room, ' ')}${tail}`;
    expect(example).toHaveLength(shape.exampleChars);
    cards.push(
      [
        `::::error{#c${card} title="connectionerror code${card} end"}`,
        ...patterns,
        '',
        `::example[${example}]`,
        '',
        ':::reason\nThe connection failed.\n:::',
        ':::fix\nConnect again.\n:::',
        '::::',
        '',
      ].join('\n'),
    );
  }
  const questions: string[] = [];
  for (let first = 0; first < shape.cards; first += 99) {
    const options = [];
    for (let card = first; card < Math.min(first + 99, shape.cards); card++) options.push(`::option[c${card}]{to="c${card}"}`);
    if (first + 99 < shape.cards) options.push(`::option[more]{to="q${first + 99}"}`);
    questions.push([`::::question{#q${first} title="Which error?"}`, ...options, '::::', ''].join('\n'));
  }
  await writeFile(join(guide, 'index.mdx'), ['---', 'title: R', 'start: q0', '---', '', ...questions].join('\n'));
  for (let first = 0; first < shape.cards; first += 10) {
    await writeFile(join(guide, `n${first}.mdx`), cards.slice(first, first + 10).join('\n'));
  }
  return join(work, name);
}

async function problemsOf(root: string): Promise<string[]> {
  const { problems } = await checkGuides([root], { parallel: false, keep: false });
  return problems.map((p) => `${relative(root, p.file)}:${p.line}:${p.column} ${p.severity} [${p.rule}] ${p.message}`);
}

describe('limit-exceeded: examples longer than the paste box reads of a line', () => {
  it('refuses each at its place, and checks the rest of the card', async () => {
    // The shape of the guides that took minutes: cards of 10 patterns, each with one example of 10,000 characters.
    const root = await writeShape('long-examples', { cards: 40, patterns: 10, exampleChars: 10_000 });
    const problems = await problemsOf(root);
    expect(problems).toHaveLength(40);
    // A card's example is on the line after its title, its 10 patterns and a blank line.
    expect(problems[0]).toBe(
      'rg/n0.mdx:13:1 error [limit-exceeded] This example is 10,000 characters long; the paste box reads at most 2,000 characters of a line: keep the part that names the error',
    );
    expect(problems.every((line) => line.includes('[limit-exceeded] This example is 10,000 characters long'))).toBe(true);
  });

  it('takes an example of exactly what the paste box reads, and refuses one character more', async () => {
    expect(LIMITS.exampleChars).toBe(MOST_LINE_CHARS);
    expect(await problemsOf(await writeShape('at-most', { cards: 3, patterns: 1, exampleChars: MOST_LINE_CHARS }))).toEqual([]);
    expect(await problemsOf(await writeShape('one-more', { cards: 3, patterns: 1, exampleChars: MOST_LINE_CHARS + 1 }))).toEqual([
      'rg/n0.mdx:4:1 error [limit-exceeded] This example is 2,001 characters long; the paste box reads at most 2,000 characters of a line: keep the part that names the error',
      'rg/n0.mdx:17:1 error [limit-exceeded] This example is 2,001 characters long; the paste box reads at most 2,000 characters of a line: keep the part that names the error',
      'rg/n0.mdx:30:1 error [limit-exceeded] This example is 2,001 characters long; the paste box reads at most 2,000 characters of a line: keep the part that names the error',
    ]);
  });
});

describe("limit-exceeded: the work of trying a guide's patterns on its cards' lines", () => {
  const message =
    "Trying this guide's `match` patterns on its cards' lines goes past 3,000 million steps at this example of `c12`, and the lines from here on were not tried: every pattern runs on every line that holds its rarest word; shorten the examples, and give each card's patterns a word that other cards' lines do not hold";

  it('stops where the budget runs out, with one problem there', async () => {
    // 200 cards × 10 patterns, every pattern tried on every example of 1,990 characters.
    const root = await writeShape('every-pair', { cards: 200, patterns: 10, exampleChars: 1_990 });
    // Each card's example costs about 2,000 patterns × 1,990 characters × 50 steps: the budget
    // runs out at the 13th card's, the third of the second file (each card takes 22 lines).
    expect(await problemsOf(root)).toEqual([`rg/n10.mdx:57:1 error [limit-exceeded] ${message}`]);
  });

  it('runs out at the same place in a process that checked the guide before', async () => {
    const root = await writeShape('again', { cards: 200, patterns: 10, exampleChars: 1_990 });
    const once = await checkGuides([root], { parallel: false });
    const again = await checkGuides([root], { parallel: false, keep: false });
    const lines = (result: typeof once) => result.problems.map((p) => `${relative(root, p.file)}:${p.line}:${p.column} ${p.message}`);
    expect(lines(again)).toEqual(lines(once));
    expect(lines(once)).toEqual([`rg/n10.mdx:57:1 ${message}`]);
  });

  it('lets a guide of the same shape within the budget pass, every pair tried', async () => {
    // 40 cards: every pattern of every card tried on all 80 lines, no card's pattern matching another's.
    expect(await problemsOf(await writeShape('within', { cards: 40, patterns: 10, exampleChars: 1_990 }))).toEqual([]);
  });
});
