/**
 * The generated cases of the hostile corpus: guide files a hostile contributor (or a careless
 * generator) could commit, from the security review of issue 10. `hostile.test.ts` asserts
 * the exact problems of each; `npm run bench` times `check` on each against its bound. Also
 * the pieces and typos the fuzz tests (fuzz.test.ts, native-parse.test.ts) build guides from.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';

/** The pieces guides are made of, and the ones that break them. */
export const GUIDE_TOKENS = [
  ':',
  '::',
  ':::',
  '::::',
  ':::::',
  '{',
  '}',
  '#',
  '=',
  '"',
  "'",
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '/',
  '*',
  '_',
  '`',
  '```',
  '---',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  'a',
  'x-1',
  'question',
  'step',
  'error',
  'instructions',
  'option',
  'reason',
  'fix',
  'alias',
  'escalate',
  'note',
  'caution',
  'link',
  'to="start"',
  'to="x"',
  'next="start"',
  '#start',
  'title="T"',
  'draft',
  'prompt="P?"',
  '.cls',
  '{/* c */}',
  '{1+1}',
  '<kbd>',
  '</kbd>',
  '<img src="x.png" alt="x" />',
  '<script>',
  'onerror=',
  '[l](javascript:alert(1))',
  '[l](https://e.com)',
  'title: T',
  'start: start',
  'lang: en',
  '- ',
  '1. ',
  '> ',
  '\\',
  '&amp;',
  '\u0000',
  '\uFFFD',
  'é',
  '🚨',
  '\r\n',
];

/** A valid guide of every kind of node, with comments, callouts and a frontmatter. */
export const VALID_GUIDE = readFileSync(new URL('../check/fixtures/clean/one-file/index.mdx', import.meta.url), 'utf8');

/**
 * `VALID_GUIDE` with slices cut, doubled or replaced by tokens or short strings: the typos
 * writers make, up to `edits` of them, each cutting up to `cut` characters and typing up to `typed`.
 */
export function typos(
  tokens: readonly string[],
  { cut, typed, edits }: { cut: number; typed: number; edits: number },
): fc.Arbitrary<string> {
  return fc
    .array(
      fc.record({
        at: fc.nat(),
        length: fc.nat({ max: cut }),
        insert: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: typed })),
      }),
      {
        minLength: 1,
        maxLength: edits,
      },
    )
    .map((list) =>
      list.reduce((text, edit) => {
        const at = edit.at % (text.length + 1);
        return text.slice(0, at) + edit.insert + text.slice(at + edit.length);
      }, VALID_GUIDE),
    );
}

/** Frontmatter of a one-file guide whose start node is `start`. */
export const FRONTMATTER = '---\ntitle: Hostile\nstart: start\n---\n\n';

/** A guide whose start node holds `body` (the body starts on line 7, and may hold `:::` callouts). */
export function inStart(body: string): string {
  return `${FRONTMATTER}::::instructions{#start title="Start"}\n${body}\n::::\n`;
}

/** `open` nested `depth` deep around `x`, closed by `close`, one per line with blank lines between. */
export function nested(open: string, close: string, depth: number): string {
  return `${`${open}\n\n`.repeat(depth)}x\n\n${`${close}\n\n`.repeat(depth)}`;
}

export interface HostileCase {
  /** What the case is, as the review reported it. */
  name: string;
  /** The text of `index.mdx`. */
  text: () => string;
}

/** Cases about the content of a file, each checked in well under a second. */
export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'attributes named `constructor`, `toString`, `hasOwnProperty`, `__proto__`',
    text: () => inStart(':::note{constructor="a" toString="b" hasOwnProperty="c" __proto__="d"}\nx\n:::'),
  },
  { name: 'an element named `<toString>`', text: () => inStart('<toString id="x">a</toString>') },
  { name: 'a YAML alias bomb in the frontmatter', text: () => aliasBomb() },
  { name: '`- ` × 1,800 on one line (3.6 KB)', text: () => inStart(`${'- '.repeat(1800)}x`) },
  { name: '`- ` × 1,000 on one line (2 KB)', text: () => inStart(`${'- '.repeat(1000)}x`) },
  { name: '`1. ` × 1,800 on one line', text: () => inStart(`${'1. '.repeat(1800)}x`) },
  { name: '`- > ` × 1,800 on one line', text: () => inStart(`${'- > '.repeat(1800)}x`) },
  { name: '`<details>` nested 3,000 deep', text: () => inStart(nested('<details>', '</details>', 3000)) },
  { name: '`<details>` nested 10,000 deep', text: () => inStart(nested('<details>', '</details>', 10_000)) },
  { name: '`:::note` nested 10,000 deep (equal fences)', text: () => inStart(`${':::note\n\n'.repeat(10_000)}x`) },
  {
    name: '`<details>` and `:::note` interleaved 800 times (30 KB)',
    text: () => inStart(nested('<details>\n\n:::note', ':::\n\n</details>', 800)),
  },
  {
    name: '`<details>` and `:::note` interleaved 2,000 times (74 KB)',
    text: () => inStart(nested('<details>\n\n:::note', ':::\n\n</details>', 2000)),
  },
  { name: 'emphasis nested 490 deep', text: () => inStart(`${'*a _'.repeat(245)}x${'_ a*'.repeat(245)}`) },
  {
    name: 'a node id of 300 characters',
    text: () =>
      `${FRONTMATTER}:::step{#start title="Start" next="${'a'.repeat(300)}"}\n:::\n\n:::instructions{#${'a'.repeat(300)} title="Long"}\nx\n:::\n`,
  },
  {
    name: 'indentation past the limit with CR-only line endings',
    text: () => inStart(Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}- x`).join('\r')),
  },
  { name: '10,000 answers to missing nodes (240 KB)', text: () => danglingTargets(240 * 1024) },
  { name: '6,000 nodes with one id (240 KB)', text: () => duplicateIds(240 * 1024) },
  // What GFM adds: a node per table cell, autolinks found in any text, strikethrough runs.
  { name: 'tables of 118,000 cells (240 KB)', text: () => inStart(`| a |\n|---|\n${'|x'.repeat(5900)}\n\n`.repeat(20)) },
  { name: 'a table of 1,300 columns', text: () => inStart(`${'|a'.repeat(1300)}\n${'|-'.repeat(1300)}\n${'|x'.repeat(1300)}`) },
  { name: 'GFM autolinks, `www.a` × 2,300 in one paragraph', text: () => inStart('www.a'.repeat(2300)) },
  { name: 'strikethrough `~~a` × 3,000 in one paragraph', text: () => inStart('~~a'.repeat(3000)) },
  // Patterns run on RE2, in time linear in the line: nested repetitions are no risk, and
  // checking a regular expression costs a compile, with no cap per file.
  { name: '500 different regular expressions of nested repetitions (24 KB)', text: () => nestedRegexes(500) },
  {
    name: 'a lookbehind of nested ambiguous repetitions, and an example of its worst shape',
    text: () =>
      `${FRONTMATTER}::::error{#start title="Disk error"}\n::match{regex="(?<=^(?:\\w|\\w)* ?)\\berror\\b"}\n::example[${'a'.repeat(1990)} error]\n::example[${'a'.repeat(1990)}-error]\n\n:::reason\nR\n:::\n\n:::fix\nF\n:::\n::::\n`,
  },
];

/** Shapes that are valid Markdown at any size: `check` must take time linear in their size. */
export const GROWTH_SHAPES: { name: string; text: (bytes: number) => string }[] = [
  { name: 'lists and paragraphs, alternating', text: (bytes) => inStart(fill('Some words.\n\n- one\n- two\n\n', bytes)) },
  { name: 'quotes and paragraphs, alternating', text: (bytes) => inStart(fill('> a\n> > b\n\npara\n\n', bytes)) },
  {
    name: 'callouts and `<details>`, 14 deep, repeated',
    text: (bytes) => `${FRONTMATTER}${':'.repeat(16)}instructions{#start title="Start"}\n${fill(deepBlock(), bytes)}${':'.repeat(16)}\n`,
  },
  {
    // Tables are bounded per file (`LIMITS.tableCells`), so they are not a shape of any size.
    name: 'GFM: task lists, strikethrough, autolinks',
    text: (bytes) => inStart(fill('- [x] ~~done~~ at www.example.com\n- [ ] to do, see https://example.com/a\n\n', bytes)),
  },
  {
    name: 'links, emphasis and `<kbd>`',
    text: (bytes) => inStart(fill('[a](https://e.com) *b* **c** <kbd>Ctrl</kbd> :link[d]{to="start"}\n\n', bytes)),
  },
];

/**
 * An error card with `count` different regular expressions, each of nested repetitions that a
 * backtracking engine would take exponential time on, and an example that every one is tried on.
 */
function nestedRegexes(count: number): string {
  const patterns = Array.from({ length: count }, (_, index) => `::match{regex="(?:x|x)*y \\bend${index}\\b (?:\\w+\\s?)*$"}`).join('\n\n');
  const example = `::example[${'x'.repeat(1000)}y end0 ${'word '.repeat(190)}!]`;
  return `${FRONTMATTER}::::error{#start title="Start"}\n${patterns}\n\n${example}\n\n:::reason\nR\n:::\n\n:::fix\nF\n:::\n::::\n`;
}

function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor((bytes - 200) / unit.length)));
}

/** Callouts and elements nested as deep as the limits allow, for a node fenced with 16 colons. */
function deepBlock(): string {
  const fences = Array.from({ length: 13 }, (_, i) => ':'.repeat(15 - i));
  return `${fences.map((fence) => `${fence}note\n<details>\n\n`).join('')}x\n\n${fences
    .toReversed()
    .map((fence) => `</details>\n${fence}\n`)
    .join('')}\n`;
}

/** Each level refers to the level below it nine times: 9^7 values from 70 lines. */
function aliasBomb(): string {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level < 7; level++) {
    const name = String.fromCharCode(97 + level);
    const below = String.fromCharCode(96 + level);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${below}`).join(',')}]`);
  }
  return `---\ntitle: Hostile\nstart: start\n${levels.join('\n')}\n---\n\n:::instructions{#start title="Start"}\nx\n:::\n`;
}

/** Questions whose answers all name missing nodes, about `bytes` long. */
function danglingTargets(bytes: number): string {
  let text = `${FRONTMATTER}::::question{#start title="Start"}\n`;
  for (let index = 0; text.length < bytes - 100; index++) {
    if (index > 0 && index % 100 === 0) text += `::::\n\n::::question{#q${index} title="Q"}\n`;
    // Each answer of a question its own label (0 to 99), so that only the targets are wrong.
    text += `::option[${index % 100}]{to="missing-${index}"}\n`;
  }
  return `${text}::::\n`;
}

/** Instructions cards that all share one id, about `bytes` long. */
function duplicateIds(bytes: number): string {
  return `${FRONTMATTER}:::instructions{#start title="Start"}\nx\n:::\n\n${fill(':::instructions{#same title="Same"}\nx\n:::\n\n', bytes)}`;
}

const tokenText = fc.array(fc.constantFrom(...GUIDE_TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));

/** A valid guide with slices cut, doubled or replaced: the typos writers make. */
const mutated = typos(GUIDE_TOKENS, { cut: 40, typed: 8, edits: 6 });

const bytes = fc.uint8Array({ maxLength: 400 }).map((array) => Buffer.from(array));

/**
 * The same structure nested 1 to 3,000 deep by each syntax that builds it: list and quote
 * markers on one line or down the lines, container directives, HTML elements as blocks and
 * inline, emphasis, links and directive labels, each inside the start node of a valid guide.
 */
const NESTINGS: ((depth: number) => string)[] = [
  ...['- ', '* ', '+ ', '1. ', '1) ', '> ', '- > ', '> 1. '].map((marker) => (depth: number) => `${marker.repeat(depth)}x`),
  (depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'),
  (depth) => Array.from({ length: depth }, (_, i) => `${'> '.repeat(i + 1)}x`).join('\n\n'),
  (depth) => `${':::note\n'.repeat(depth)}x\n${':::\n'.repeat(depth)}`,
  (depth) => `${Array.from({ length: depth }, (_, i) => `${':'.repeat(3 + depth - i)}note`).join('\n')}\nx`,
  (depth) => `${'> :::note\n'.repeat(depth)}x`,
  (depth) => `${'<details>\n\n'.repeat(depth)}x\n\n${'</details>\n\n'.repeat(depth)}`,
  (depth) => `${'<details>\n\n:::note\n\n'.repeat(depth)}x`,
  (depth) => `${'<kbd>'.repeat(depth)}x${'</kbd>'.repeat(depth)}`,
  (depth) => `${'*a _'.repeat(depth)}x${'_ a*'.repeat(depth)}`,
  (depth) => `${'['.repeat(depth)}x${'](#start)'.repeat(depth)}`,
  (depth) => `${':link['.repeat(depth)}x${']{to="start"}'.repeat(depth)}`,
  (depth) => `${'- a\n\n  > '.repeat(depth)}x`,
];
const deep = fc
  .tuple(fc.nat({ max: NESTINGS.length - 1 }), fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3000 })))
  .map(([kind, depth]) => inStart(NESTINGS[kind]!(depth)));

/**
 * What the fuzz test checks: a guide's `index.mdx` (token soup, a valid guide with typos,
 * random bytes or deep nesting) and, sometimes, a second file of token soup.
 */
export const FUZZ_GUIDES: fc.Arbitrary<[string | Buffer, string | undefined]> = fc.tuple(
  fc.oneof(tokenText, mutated, bytes, deep),
  fc.option(tokenText, { nil: undefined }),
);
