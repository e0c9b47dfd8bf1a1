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
import { RE2JS } from 're2js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, createChecker } from '../../plugins/signpost/src/core/index.ts';
import { LIMITS } from '../../plugins/signpost/src/core/parse/limits.ts';
import { MATCH_BUDGET, Matcher, MOST_LINE_CHARS, type MatchCard } from '../../plugins/signpost/src/core/match/matcher.ts';
import { checkRegex } from '../../plugins/signpost/src/core/match/regex.ts';

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
      // The card's number in a group: every card's lines hold the patterns' literal text, so that
      // none is told without running it (core/match/matcher.ts, `literalNeedles`).
      (_, k) =>
        String.raw`::match{regex="\bconnectionerror\b(?:\s+(?:lorem|code\d+))*\s+code(?:${card})\s+end${String.raw`\s*`.repeat(k)}\b"}`,
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
  const { problems } = await checkGuides([root], { parallel: false });
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
    "Trying this guide's `match` patterns on its cards' lines goes past 2,000 million steps at this example of `c7`, and the lines from here on were not tried: every pattern runs on every line that holds its rarest word; shorten the examples, and give each card's patterns a word that other cards' lines do not hold";

  it('stops where the budget runs out, with one problem there', async () => {
    // 200 cards × 10 patterns, every pattern tried on every example of 1,990 characters.
    const root = await writeShape('every-pair', { cards: 200, patterns: 10, exampleChars: 1_990 });
    // Each card's example costs about 2,000 patterns × 1,990 characters × 50 steps: the budget
    // runs out at the 8th card's, the 8th of the first file (each card takes 22 lines).
    expect(await problemsOf(root)).toEqual([`rg/n0.mdx:167:1 error [limit-exceeded] ${message}`]);
  });

  it('runs out at the same place in a process that checked the guide before', async () => {
    const root = await writeShape('again', { cards: 200, patterns: 10, exampleChars: 1_990 });
    const checker = createChecker();
    const once = await checker.check([root], { parallel: false });
    const again = await checker.check([root], { parallel: false });
    const lines = (result: typeof once) => result.problems.map((p) => `${relative(root, p.file)}:${p.line}:${p.column} ${p.message}`);
    expect(lines(again)).toEqual(lines(once));
    expect(lines(once)).toEqual([`rg/n0.mdx:167:1 ${message}`]);
  });

  it('lets a guide of the same shape within the budget pass, every pair tried', async () => {
    // 30 cards: every pattern of every card tried on all 60 lines, no card's pattern matching another's.
    expect(await problemsOf(await writeShape('within', { cards: 30, patterns: 10, exampleChars: 1_990 }))).toEqual([]);
  });
});

/**
 * The review's shapes (issue 23): cards of 10 patterns each, every one keyed on `failed` with a
 * number of its own (`…,N\b`), and 3 examples a card of 1,990 characters of `failed failed …`
 * then `,N`, so that every pattern runs on every line and matches only its own card's. With
 * lookbehinds these run on RE2's NFA, some 20 times the DFA's work a step: counted as DFA steps,
 * 30 cards passed `check` after 14.6 s and 2 files of 20 cards hit the budget after 24.4 s.
 */
interface ReviewShape {
  files: number;
  cards: number;
  /** The expression of pattern number `n`. */
  pattern: (n: number) => string;
}

/**
 * A number written digit by digit, each in a class (`[1][2]`): no literal text and no word, so
 * that every line holds an expression's literal text (see `writeShape`) and its only key word
 * is `failed`, which every line holds (a number written out, `,(?:12)\b`, would be its key).
 */
const digits = (n: number): string => [...String(n)].map((digit) => `[${digit}]`).join('');

/** Each expression's number stands in a group, written with `digits`. */
const review = {
  /** The review's: two negative lookbehinds, each with a repetition. */
  twoNegative: (n: number) => String.raw`(?<!x[\s\w]*)\bfailed\b(?<![\s\w]*y[\s\w]*)[\s\w]*,(?:${digits(n)})\b`,
  positive: (n: number) => String.raw`(?<=failed )\bfailed\b[\s\w]*,(?:${digits(n)})\b`,
  nested: (n: number) => String.raw`(?<=(?<!x[\s\w]*)[\s\w]*)\bfailed\b[\s\w]*,(?:${digits(n)})\b`,
  several: (n: number) => String.raw`(?<!y)(?<![xz]\s)\bfailed\b(?<!q[\s\w]*)(?<=d)[\s\w]*,(?:${digits(n)})\b`,
  /** The same without lookbehinds, which runs on RE2's DFA. */
  none: (n: number) => String.raw`\bfailed\b[\s\w]*,(?:${digits(n)})\b`,
};

const PATTERNS_A_CARD = 10;

/** The number of card `card`'s pattern `index`, and of its example `index`. */
const numberOf = (card: number, index: number): number => card * PATTERNS_A_CARD + index + 1;
const exampleOf = (card: number, index: number): string => `${'failed '.repeat(290).slice(0, 1_990)},${numberOf(card, index)}`;

/** Writes a guide of the review's shape under `work/<name>/pst` (its generator's files), and returns its folder. */
async function writeReview(name: string, shape: ReviewShape): Promise<string> {
  const guide = join(work, name, 'pst');
  await mkdir(guide, { recursive: true });
  for (let file = 0; file < shape.files; file++) {
    const cards: string[] = [];
    for (let index = 0; index < shape.cards; index++) {
      const card = file * shape.cards + index;
      const patterns = Array.from({ length: PATTERNS_A_CARD }, (_, p) => `::match{regex="${shape.pattern(numberOf(card, p))}"}`);
      const examples = Array.from({ length: 3 }, (_, e) => `::example[${exampleOf(card, e)}]`);
      cards.push(
        `::::error{#c${card} title="Card ${card} failed,${numberOf(card, 0)}"}\n${patterns.join('\n')}\n\n${examples.join('\n\n')}\n\n:::reason\nr\n:::\n\n:::fix\nf\n:::\n::::\n`,
      );
    }
    await writeFile(join(guide, `f${file}.mdx`), cards.join('\n'));
  }
  const options = Array.from({ length: shape.files * shape.cards }, (_, card) => `:::option{to="c${card}"}\nEc${card}\n:::`);
  await writeFile(
    join(guide, 'index.mdx'),
    `---\ntitle: "Pst"\nsummary: s.\nstart: start\nupdated: 2026-12-07\nlang: en\n---\n\n::::question{#start title="Pst" prompt="What?"}\nq\n${options.join('\n')}\n::::\n`,
  );
  return join(work, name);
}

/** The paste box's cards for a guide of `shape` (what render/paste-data.ts gives it), and a paste of all their lines. */
function pasteOf(shape: ReviewShape): { cards: MatchCard[]; paste: string } {
  const cards: MatchCard[] = [];
  const lines: string[] = [];
  for (let card = 0; card < shape.files * shape.cards; card++) {
    const message = `Card ${card} failed,${numberOf(card, 0)}`;
    const regexes = Array.from({ length: PATTERNS_A_CARD }, (_, p) => {
      const checked = checkRegex(shape.pattern(numberOf(card, p)));
      if (!('expression' in checked)) throw new Error(`${shape.pattern(numberOf(card, p))}: ${checked.fault}`);
      return { source: checked.expression, keys: checked.keys, specificity: checked.specificity };
    });
    cards.push({ message, aliases: [], patterns: [], regexes });
    lines.push(...Array.from({ length: 3 }, (_, e) => exampleOf(card, e)), message);
  }
  return { cards, paste: lines.join('\n') };
}

const workLimit = (at: string, id: string) =>
  `${at} error [limit-exceeded] Trying this guide's \`match\` patterns on its cards' lines goes past 2,000 million steps at this example of \`${id}\`, and the lines from here on were not tried: every pattern runs on every line that holds its rarest word; shorten the examples, and give each card's patterns a word that other cards' lines do not hold`;

describe("limit-exceeded: patterns with lookbehinds, counted at the work of RE2's NFA", () => {
  it("stops the review's guides at their first card, where the NFA's work runs past the budget", async () => {
    // Each line costs 300 patterns (360, 400) × 1,993 characters × 32 steps × 40: the 1 × 30 and
    // 2 × 18 guides are past the budget at the third line (f0.mdx line 17), 2 × 20 at the second.
    for (const [files, cards, at] of [
      [1, 30, 17],
      [2, 18, 17],
      [2, 20, 15],
    ] as const) {
      const root = await writeReview(`review-${files}x${cards}`, { files, cards, pattern: review.twoNegative });
      expect(await problemsOf(root), `${files} × ${cards}`).toEqual([workLimit(`pst/f0.mdx:${at}:1`, 'c0')]);
    }
  });

  it('counts a positive, a nested and several lookbehinds alike, and passes the same guide without them', async () => {
    const shape = { files: 1, cards: 30 };
    expect(await problemsOf(await writeReview('positive', { ...shape, pattern: review.positive }))).toEqual([
      workLimit('pst/f0.mdx:17:1', 'c0'),
    ]);
    expect(await problemsOf(await writeReview('nested', { ...shape, pattern: review.nested }))).toEqual([
      workLimit('pst/f0.mdx:17:1', 'c0'),
    ]);
    expect(await problemsOf(await writeReview('several', { ...shape, pattern: review.several }))).toEqual([
      workLimit('pst/f0.mdx:17:1', 'c0'),
    ]);
    // On the DFA: 90 lines × 300 patterns × 1,992 characters × 15 steps, within the budget.
    expect(await problemsOf(await writeReview('none', { ...shape, pattern: review.none }))).toEqual([]);
  });

  it('refuses a lookahead, which RE2 cannot run, at its place: it costs nothing', async () => {
    const root = await writeReview('lookahead', {
      files: 1,
      cards: 1,
      pattern: (n) => String.raw`\bfailed\b(?![\s\w]*y)[\s\w]*,${n}\b`,
    });
    const refused = (line: number) =>
      `pst/f0.mdx:${line}:26 error [invalid-pattern] \`(?![\\s\\w]*y)\` looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with \`\\b\` and the line with \`$\``;
    // Every pattern refused: the examples are not proved, and the message says why.
    const unmatched = (line: number) =>
      `pst/f0.mdx:${line}:1 error [unmatched-example] All 10 \`::match\` patterns of \`c0\` are refused (each reported at its line), so this example leads nowhere yet; correct them, and the example is proved against them`;
    expect(await problemsOf(root)).toEqual([
      ...Array.from({ length: PATTERNS_A_CARD }, (_, p) => refused(2 + p)),
      unmatched(13),
      unmatched(15),
      unmatched(17),
      'pst/index.mdx:9:1 error [too-few-options] Question `start` has 1 answer; a question needs at least 2 (for a single way on, make it a `step` with `next="c0"`)',
    ]);
  });
});

describe('the paste box and check: one budget', () => {
  it('is the same number', () => {
    expect(LIMITS.patternWork).toBe(MATCH_BUDGET);
  });

  it('matches in full a paste of every line of a guide check accepts, at the edge of the budget', async () => {
    // 5 cards of the review's shape: 15 examples × 50 patterns on the NFA, and the search for
    // where each example's own card matches: 1,955 million; with a sixth card, the 13th
    // example (the first of `c4`) is past the budget.
    const within = { files: 1, cards: 5, pattern: review.twoNegative };
    expect(await problemsOf(await writeReview('edge', within))).toEqual([]);
    expect(await problemsOf(await writeReview('edge-past', { ...within, cards: 6 }))).toEqual([workLimit('pst/f0.mdx:121:1', 'c4')]);
    const { cards, paste } = pasteOf(within);
    const result = new Matcher(cards, RE2JS).match(paste);
    expect(result.stoppedAt).toBeUndefined();
    // The box matches in slices, handing the page back between them: the same result.
    expect(await new Matcher(cards, RE2JS).matchInSlices(paste, { slice: 0 })).toEqual(result);
    // A newer paste makes this one stale: it stops at its next slice, with no result.
    let slices = 0;
    expect(await new Matcher(cards, RE2JS).matchInSlices(paste, { slice: 0, stale: () => ++slices > 2 })).toBeUndefined();
    expect(slices).toBe(3);
    // Each example leads to its own card, the first one's at its first line.
    expect(result.best.map((hit) => [hit.card, hit.line, hit.how])).toEqual([
      [0, 1, 'pattern'],
      [1, 5, 'pattern'],
      [2, 9, 'pattern'],
    ]);
  });
});
