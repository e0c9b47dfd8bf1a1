/**
 * The examples of the writer's docs are checked like guides: each rich-content example in
 * docs/authoring.md passes `check` as written, and each new rule's page reports its mistake
 * exactly as the page shows it.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RE2JS } from 're2js';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGuides, formatResult } from '../../plugins/signpost/src/core/index.ts';
import { sourceLines } from '../../plugins/signpost/src/report/human.ts';
import { parsePattern, patternSource } from '../../plugins/signpost/src/core/match/pattern.ts';
import { checkRegex, MOST_PROGRAM_SIZE, type CheckedRegex } from '../../plugins/signpost/src/core/match/regex.ts';
import { compilePatterns, MOST_LINE_CHARS, MOST_LINES } from '../../plugins/signpost/src/core/match/matcher.ts';

const AUTHORING = fileURLToPath(new URL('../../docs/authoring.md', import.meta.url));
const RULE_DOCS = fileURLToPath(new URL('../../plugins/signpost/src/core/rules/docs/', import.meta.url));
/** A 1×1 PNG, for the images the examples show. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Files whose bytes are what their names say: `check` reads the content, not the name. */
const SAMPLES: Record<string, Buffer | string> = {
  png: PNG,
  pdf: '%PDF-1.4\n% A sample\n',
  mp4: Buffer.from('000000186674797069736f6d0000000069736f6d6d703432', 'hex'),
  vtt: 'WEBVTT\n\n00:00.000 --> 00:04.000\nA caption\n',
};

const work = await mkdtemp(join(tmpdir(), 'signpost-docs-'));
afterAll(() => rm(work, { recursive: true, force: true }));
let count = 0;

/** Writes a guide and the files it points at (`./img/x.png`, `./files/x.pdf`, …); returns the project folder. */
async function writeGuide(mdx: string, extra: string[] = []): Promise<string> {
  const project = join(work, `p${count++}`);
  const dir = join(project, 'guide', 'router-help');
  await mkdir(dir, { recursive: true });
  await writeFile(join(project, 'package.json'), '{}');
  await writeFile(join(dir, 'index.mdx'), mdx);
  const wanted = [...mdx.matchAll(/(?:\]\(|src="|poster="|captions=")\.\/([^)"\s]+)/g)].map((match) => match[1]!);
  for (const file of [...wanted, ...extra]) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), SAMPLES[file.slice(file.lastIndexOf('.') + 1)] ?? 'x');
  }
  return project;
}

/** The fenced blocks of a Markdown text, in order, with their language. */
function blocks(markdown: string): { lang: string; body: string }[] {
  return [...markdown.matchAll(/^(`{3,})(\w*)\n([\s\S]*?)^\1$/gm)].map((match) => ({ lang: match[2]!, body: match[3]! }));
}

describe('docs/authoring.md, rich content', async () => {
  const docs = await readFile(AUTHORING, 'utf8');
  const section = docs.slice(docs.indexOf('## Rich content'), docs.indexOf('\n## ', docs.indexOf('## Rich content') + 3));
  const guides = blocks(section).filter((block) => block.lang === 'mdx' && block.body.startsWith('---\n'));

  it('has a whole guide for each feature', () => {
    expect(guides.length).toBe(6);
  });

  it.each(guides.map((guide, index) => [index + 1, guide.body] as const))('example %i passes check as written', async (_index, body) => {
    const project = await writeGuide(body);
    const { problems } = await checkGuides([join(project, 'guide')]);
    expect(problems.map((p) => `${p.line}:${p.column} [${p.rule}] ${p.message}`)).toEqual([]);
  });
});

describe('docs/authoring.md, matching a pasted error', async () => {
  const docs = await readFile(AUTHORING, 'utf8');
  const start = docs.indexOf('### Matching a pasted error');
  const section = docs.slice(start, docs.indexOf('\n### ', start + 4));
  const code = (cell: string) => /^`(.*)`$/.exec(cell.trim())?.[1];

  it('has a whole guide with patterns and examples that passes check as written', async () => {
    const guides = blocks(section).filter((block) => block.lang === 'mdx' && block.body.startsWith('---\n'));
    expect(guides).toHaveLength(1);
    const project = await writeGuide(guides[0]!.body);
    const { problems } = await checkGuides([join(project, 'guide')]);
    expect(problems.map((p) => `${p.line}:${p.column} [${p.rule}] ${p.message}`)).toEqual([]);
  });

  it('says of each pattern in its table what it matches and what it does not', () => {
    const rows = [...section.matchAll(/^\| (`[^|]*`) \| (`[^|]*`) \| (`[^|]*`) \|$/gm)];
    expect(rows).toHaveLength(4);
    for (const [, pattern, matching, other] of rows) {
      const parsed = parsePattern(code(pattern!)!);
      if (!('pieces' in parsed)) throw new Error(`${pattern}: ${parsed.fault}`);
      const regex = RE2JS.compile(patternSource(parsed.pieces), RE2JS.CASE_INSENSITIVE);
      expect(regex.test(code(matching!)!), `${pattern} matches ${matching}`).toBe(true);
      expect(regex.test(code(other!)!), `${pattern} does not match ${other}`).toBe(false);
    }
  });

  it("accepts the pattern of two `.*` it shows, within the bounds it states, which are the matcher's", () => {
    const [, regex] = /such as `([^`]+)` with its two `\.\*`/.exec(section)!;
    expect(checkRegex(regex!)).toMatchObject({ keys: ['ssh'] });
    const bounds =
      /at most the first ([\d,]+)\s+lines of a paste and the first ([\d,]+) characters of each, so a line tried against a pattern\s+costs at most [\d,]+ times the pattern's steps \(([\d,]+) at most\)/.exec(
        section,
      )!;
    expect(bounds.slice(1).map((figure) => Number(figure.replaceAll(',', '')))).toEqual([MOST_LINES, MOST_LINE_CHARS, MOST_PROGRAM_SIZE]);
  });

  it('shows a regular expression that check accepts, one that runs at once on RE2, and ones it refuses', () => {
    const regex = /^::match\{regex="(.*)"\}$/m.exec(section)![1]!;
    expect(checkRegex(regex)).toMatchObject({ keys: ['please'] });
    // A backtracking engine would not finish this test.
    const nested = /such as `([^`]+)`, which would hang/.exec(section)![1]!;
    const checked = checkRegex(`\\berror\\b ${nested}`) as CheckedRegex;
    const [compiled] = compilePatterns(
      [
        {
          message: '',
          aliases: [],
          patterns: [],
          regexes: [{ source: checked.expression, keys: checked.keys, specificity: checked.specificity }],
        },
      ],
      RE2JS,
    );
    expect(compiled!.exec(`error ${'a'.repeat(40)}!`)).toBeUndefined();
    const refused = [...section.matchAll(/such as `([^`]+)`(?: \([^)]*\))? \|/g)].map((found) => found[1]!);
    expect(refused.map((expression) => checkRegex(`\\bjam\\b ${expression}`))).toMatchObject([
      { fault: 'repeatTooLarge', written: '{101}' },
      { fault: 'tooLarge', size: 1208, written: 'x{600}' },
    ]);
    // A placeholder gives back what the rest of the pattern needs.
    const [, pattern, line] = /`(\{id\}[^`]*)` matches `([^`]*)`/.exec(section)!;
    const [placeholder] = compilePatterns([{ message: '', aliases: [], patterns: [pattern!], regexes: [] }], RE2JS);
    expect(placeholder!.exec(line!)).toEqual([0, line!.length]);
  });
});

describe('the pages of the rich-content rules', () => {
  /** Files beside the mistake that the proposal names. */
  const beside: Record<string, string[]> = {
    'missing-alt': [],
    'broken-image': ['img/router-back.png'],
    'broken-link': ['files/reset-checklist.pdf'],
    'empty-content': [],
    'literal-syntax': [],
  };
  it.each(Object.entries(beside))('%s: the mistake is reported as its page shows', async (rule, extra) => {
    const page = blocks(await readFile(`${RULE_DOCS}${rule}.md`, 'utf8'));
    const mistake = page.find((block) => block.lang === 'mdx')!.body;
    const report = page.find((block) => block.lang === 'text')!.body;
    // The mistake's own file must not be created: only the ones beside it.
    const project = await writeGuide(mistake.replace(/\]\(\.\//g, '](./__'), []);
    await writeFile(join(project, 'guide', 'router-help', 'index.mdx'), mistake);
    for (const file of extra) {
      await mkdir(dirname(join(project, 'guide', 'router-help', file)), { recursive: true });
      await writeFile(join(project, 'guide', 'router-help', file), file.endsWith('.png') ? PNG : 'x');
    }
    const result = await checkGuides([join(project, 'guide')]);
    expect(formatResult(result, { cwd: project, sourceLine: sourceLines() })).toContain(report);
  });
});
