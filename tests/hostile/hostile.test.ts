import { png } from './png.ts';
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, formatHuman, RULES, type Problem } from '../../plugins/signpost/src/core/index.ts';
import { graphText } from '../../plugins/signpost/src/report/graph-text.ts';
import { diffMermaid, formatDiffMarkdown } from '../../plugins/signpost/src/report/diff-text.ts';
import { diffGuides } from '../../plugins/signpost/src/core/graph/diff.ts';
import { LIMITS } from '../../plugins/signpost/src/core/parse/limits.ts';
import { sourceLines } from '../../plugins/signpost/src/report/human.ts';
import { pageGuide, SitePaths } from '../../plugins/signpost/src/render/site-model.ts';
import { readSource } from '../../plugins/signpost/src/core/parse/source.ts';
import { copyServedFiles, GuideFiles, readServedFile, servedHeaders } from '../../plugins/signpost/src/integration/guide-files.ts';
import { FRONTMATTER as HOSTILE_FRONTMATTER, HOSTILE_CASES, inStart, nested } from './hostile-inputs.ts';

const CORPUS = fileURLToPath(new URL('./fixtures/', import.meta.url));
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-hostile-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Checks a folder; every problem must be located in it, with a known rule. */
async function located(dir: string): Promise<string[]> {
  const { problems } = await checkGuides([dir]);
  for (const p of problems) expectLocated(p, dir);
  return problems.map((p) => `${relative(dir, p.file) || '.'}:${p.line}:${p.column} ${p.rule}`);
}

function expectLocated(p: Problem, dir: string): void {
  expect(p.file.startsWith(dir), p.file).toBe(true);
  expect(p.line).toBeGreaterThanOrEqual(1);
  expect(p.column).toBeGreaterThanOrEqual(1);
  expect(Object.keys(RULES)).toContain(p.rule);
  expect(p.message.length).toBeGreaterThan(10);
}

/** Writes a one-file guide into a fresh folder and checks it. */
async function guideOf(name: string, text: string | Buffer): Promise<string[]> {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.mdx'), text);
  return located(dir);
}

/** Like `guideOf`, with each problem's message: `line:column rule message`. */
async function messagesOf(name: string, text: string): Promise<string[]> {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.mdx'), text);
  const { problems } = await checkGuides([dir]);
  for (const p of problems) expectLocated(p, dir);
  return problems.map((p) => `${relative(dir, p.file) || '.'}:${p.line}:${p.column} ${p.rule} ${p.message}`);
}

/** Checks a one-file guide that must pass, and renders every page of it in-process. */
async function passesAndRenders(name: string, text: string): Promise<number> {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.mdx'), text);
  const { problems, guides } = await checkGuides([dir]);
  expect(problems).toEqual([]);
  const pages = pageGuide(guides[0]!, new SitePaths('/'));
  expect(pages.nodes.every((page) => page.body !== undefined)).toBe(true);
  return pages.nodes.reduce((sum, page) => sum + page.body.length, 0);
}

const caseText = (name: string): string => HOSTILE_CASES.find((c) => c.name === name)!.text();

const FRONTMATTER = '---\ntitle: Hostile\nstart: start\n---\n\n';

/** What `check` says of each guide of the corpus (`fixtures/`), every problem at its place. */
const CORPUS_PROBLEMS: Record<string, string[]> = {
  attributes: [
    'index.mdx:3:8 missing-start Start node `start` does not exist; set `start` to the id of the first node',
    'index.mdx:6:34 invalid-attribute Unknown attribute `.a` on `instructions`; `instructions` takes `#id`, `title`, `draft`, `moved-from`',
    'index.mdx:6:57 invalid-attribute Unknown attribute `onclick` on `instructions`; `instructions` takes `#id`, `title`, `draft`, `moved-from`',
    'index.mdx:6:76 invalid-attribute Unknown attribute `style` on `instructions`; `instructions` takes `#id`, `title`, `draft`, `moved-from`',
    'index.mdx:6:95 invalid-attribute Unknown attribute `to` on `instructions`; `instructions` takes `#id`, `title`, `draft`, `moved-from`',
  ],
  binary: ['index.mdx:7:4 unreadable-file This file is not valid UTF-8 from here on; save it with UTF-8 encoding'],
  'broken-frontmatter': [
    'index.mdx:1:1 missing-metadata The frontmatter opened here is never closed; end it with a line `---`',
    'index.mdx:3:8 syntax-error This `{` is never closed: MDX reads `{` as the start of code; write `\\{` for the brace itself',
  ],
  'empty-file': [
    'index.mdx:1:1 empty-guide Guide `empty-file` has no nodes; add one, such as `:::step{#start title="…" next="…"}`',
    'index.mdx:1:1 missing-metadata `index.mdx` has no frontmatter; start it with `---`, `title: …`, `start: <first node id>`, `---`',
  ],
  'hostile-markup': [
    'index.mdx:7:1 unsafe-url This link URL `javascript:alert(1)` uses a protocol pages may not carry; use `http:`, `https:`, `mailto:`, `tel:` or a relative URL',
    'index.mdx:9:36 unsupported-mdx Attribute `onerror` is not allowed on `<img>`; it takes `src`, `alt`, `width`, `height`',
    'index.mdx:11:1 unsupported-mdx Element `<script>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
  ],
  'jsx-soup': [
    'index.mdx:7:1 unsupported-mdx Element `<iframe>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
    'index.mdx:8:1 unsupported-mdx Element `<style>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
    'index.mdx:8:8 unsupported-mdx Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment',
    'index.mdx:9:1 unsupported-mdx Element `<a>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
    'index.mdx:10:1 unsupported-mdx Element `<div>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
    'index.mdx:11:1 unsupported-mdx A fragment `<>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
    'index.mdx:12:1 unsupported-mdx Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment',
  ],
  latin1: ['index.mdx:6:34 unreadable-file This file is not valid UTF-8 from here on; save it with UTF-8 encoding'],
  'only-frontmatter-fences': [
    'index.mdx:1:1 empty-guide Guide `only-frontmatter-fences` has no nodes; add one, such as `:::step{#start title="…" next="…"}`',
    'index.mdx:1:1 missing-start The guide names no start node; add `start: <id of the first node>` to the frontmatter',
    'index.mdx:1:1 missing-title The guide has no `title`; add `title: …` to the frontmatter',
  ],
  'stray-colons': [
    'index.mdx:12:16 syntax-error MDX reads `{ :z[}` as code, and it is not; write `\\{` for a brace, or `{/* … */}` for a comment',
    'index.mdx:12:18 unknown-directive Unknown directive `z`; use one of `link`, `kbd`',
  ],
  'truncated-directive': [
    'index.mdx:7:14 syntax-error The attributes of this directive cannot be read: quote each value, and put a value that contains `"` in single quotes, as in `title=\'Press "Resume"\'`',
  ],
  'unclosed-fence': [],
};

describe('the hostile corpus', () => {
  it('has an expected answer for each of its guides', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(CORPUS_PROBLEMS).sort());
  });

  for (const [name, expected] of Object.entries(CORPUS_PROBLEMS)) {
    it(`answers ${name} with exactly its problems, each at its place`, async () => {
      const dir = join(CORPUS, name);
      const { problems } = await checkGuides([dir]);
      for (const p of problems) expectLocated(p, dir);
      expect(problems.map((p) => `${relative(dir, p.file) || '.'}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual(expected);
    });
  }

  it('refuses a link to javascript:, an event handler and <script>: three located errors', async () => {
    expect(await located(join(CORPUS, 'hostile-markup'))).toEqual([
      'index.mdx:7:1 unsafe-url',
      'index.mdx:9:36 unsupported-mdx',
      'index.mdx:11:1 unsupported-mdx',
    ]);
  });

  it('refuses code between two comments in one expression, and passes comments alone', async () => {
    const EXPRESSION =
      'unsupported-mdx Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment';
    const text = inStart(
      [
        '{/* */ x /* */}',
        '{/* */ <b>x</b> /* */}',
        '{/* */ `${x}` /* */}',
        'a {/**/x} b',
        '{/* one */ /* two */}',
        'c {/* a * b */} d',
      ].join('\n\n'),
    );
    expect(await messagesOf('comment-code', text)).toEqual([
      `index.mdx:7:1 ${EXPRESSION}`,
      `index.mdx:9:1 ${EXPRESSION}`,
      `index.mdx:11:1 ${EXPRESSION}`,
      `index.mdx:13:3 ${EXPRESSION}`,
    ]);
  });

  it('says where a file stops being UTF-8, and still reads the rest', async () => {
    expect(await located(join(CORPUS, 'latin1'))).toEqual(['index.mdx:6:34 unreadable-file']);
  });
});

describe('files past the limits', () => {
  it('refuses a 5 MB file before parsing it', async () => {
    const text = FRONTMATTER + ':::instructions{#start title="Big"}\n' + 'All work and no play.\n\n'.repeat(230_000) + ':::\n';
    expect(await guideOf('five-mb', text)).toEqual(['index.mdx:1:1 limit-exceeded']);
  });

  it('refuses a question with 10,000 answers', async () => {
    const options = Array.from({ length: 10_000 }, (_, i) => `::option[Answer ${i}]{to="end"}`).join('\n\n');
    const text = `${FRONTMATTER}::::question{#start title="Which?"}\n${options}\n::::\n\n:::instructions{#end title="End"}\nDone.\n:::\n`;
    expect(await guideOf('ten-thousand-options', text)).toEqual(['index.mdx:1:1 limit-exceeded']);
  });

  it('refuses directives, lists and quotes nested hundreds deep', async () => {
    const fences = Array.from({ length: 200 }, (_, i) => ':'.repeat(203 - i) + 'note').join('\n');
    expect(await guideOf('deep-directives', `${FRONTMATTER}${fences}\n`)).toEqual(['index.mdx:6:1 limit-exceeded']);
    const lists = Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + '- a').join('\n');
    expect(await guideOf('deep-lists', `${FRONTMATTER}:::instructions{#start title="x"}\n${lists}\n:::\n`)).toEqual([
      'index.mdx:24:1 limit-exceeded',
    ]);
    expect(await guideOf('deep-quotes', `${FRONTMATTER}${'> '.repeat(5000)}x\n`)).toEqual(['index.mdx:6:1 limit-exceeded']);
  });

  it('refuses paragraphs that would make inline parsing crawl', async () => {
    expect(await guideOf('emphasis-bomb', `${FRONTMATTER}:::instructions{#start title="x"}\n${'*a'.repeat(20_000)}\n:::\n`)).toEqual([
      'index.mdx:6:1 limit-exceeded',
    ]);
    expect(await guideOf('bracket-bomb', `${FRONTMATTER}:::instructions{#start title="x"}\n${'[a]('.repeat(1100)}\n:::\n`)).toEqual([
      'index.mdx:6:1 limit-exceeded',
    ]);
  });
});

describe('the guide folder itself', () => {
  it('does not follow a symbolic link out of the guide', async () => {
    const dir = join(work, 'symlinks');
    await mkdir(dir, { recursive: true });
    await writeFile(join(work, 'outside.mdx'), ':::instructions{#outside title="Outside"}\nSecret.\n:::\n');
    await writeFile(join(dir, 'index.mdx'), `${FRONTMATTER}:::instructions{#start title="x"}\nIn.\n:::\n`);
    await symlink(join(work, 'outside.mdx'), join(dir, 'outside.mdx'));
    await symlink(join(work, 'nowhere.mdx'), join(dir, 'nowhere.mdx'));
    expect(await located(dir)).toEqual(['nowhere.mdx:1:1 unreadable-file', 'outside.mdx:1:1 unreadable-file']);
  });

  it('names a loop of links as a loop, and a file or folder whose name is not UTF-8 by its bytes, once', async () => {
    const dir = join(work, 'names');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.mdx'), `${FRONTMATTER}:::instructions{#start title="x"}\nIn.\n:::\n`);
    await symlink('loop-b.mdx', join(dir, 'loop-a.mdx'));
    await symlink('loop-a.mdx', join(dir, 'loop-b.mdx'));
    // Latin-1 names: `bé.mdx`, and a folder `cafés` holding a guide file; `notes-é.txt` is no guide file.
    const latin1 = (name: string): Buffer => Buffer.from(name, 'latin1');
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), latin1('bé.mdx')]), 'x');
    await mkdir(Buffer.concat([Buffer.from(`${dir}/`), latin1('cafés')]));
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), latin1('cafés/a.mdx')]), 'x');
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), latin1('notes-é.txt')]), 'x');
    const { problems } = await checkGuides([dir]);
    expect(problems.map((p) => `${relative(dir, p.file) || '.'}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      '.:1:1 unreadable-file `b\\xe9.mdx` in this folder has a name that is not UTF-8, so it cannot be named in a guide or on the web; rename it',
      '.:1:1 unreadable-file `caf\\xe9s` in this folder has a name that is not UTF-8, so it cannot be named in a guide or on the web; rename it',
      'loop-a.mdx:1:1 unreadable-file This symbolic link leads back to itself through a loop of links; point it at the file, or delete the link',
      'loop-b.mdx:1:1 unreadable-file This symbolic link leads back to itself through a loop of links; point it at the file, or delete the link',
    ]);
  });

  it('reports an empty folder and an empty file', async () => {
    const empty = join(work, 'empty');
    await mkdir(empty);
    expect(await located(empty)).toEqual(['.:1:1 empty-guide']);
    expect(await guideOf('empty-file', '')).toEqual(['index.mdx:1:1 empty-guide', 'index.mdx:1:1 missing-metadata']);
  });
});

describe('names a writer chooses are never looked up on Object.prototype', () => {
  it('reports attributes named constructor, toString, hasOwnProperty and __proto__ as unknown, each at its place', async () => {
    expect(
      await messagesOf('proto-attributes', caseText('attributes named `constructor`, `toString`, `hasOwnProperty`, `__proto__`')),
    ).toEqual([
      'index.mdx:7:9 invalid-attribute Unknown attribute `constructor` on `note`; `note` takes no attributes',
      'index.mdx:7:25 invalid-attribute Unknown attribute `toString` on `note`; `note` takes no attributes',
      'index.mdx:7:38 invalid-attribute Unknown attribute `hasOwnProperty` on `note`; `note` takes no attributes',
      'index.mdx:7:57 invalid-attribute Unknown attribute `__proto__` on `note`; `note` takes no attributes',
    ]);
    const text = `${HOSTILE_FRONTMATTER}:::step{#start title="x" next="end" valueOf="1"}\n:::\n\n:::instructions{#end title="End"}\n:link[back]{to="start" constructor}\n:::\n`;
    expect(await messagesOf('proto-node-attributes', text)).toEqual([
      'index.mdx:6:37 invalid-attribute Unknown attribute `valueOf` on `step`; `step` takes `#id`, `title`, `draft`, `moved-from`, `next`',
      'index.mdx:10:24 invalid-attribute Unknown attribute `constructor` on `link`; `link` takes `to`',
    ]);
  });

  it('reports elements named <toString> and <constructor>, and their attributes', async () => {
    expect(
      await messagesOf('proto-elements', inStart('<toString id="x">a</toString>\n\n<constructor />\n\nx <kbd constructor="1">y</kbd>')),
    ).toEqual([
      'index.mdx:7:1 unsupported-mdx Element `<toString>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
      'index.mdx:9:1 unsupported-mdx Element `<constructor>` is not supported in guides; use Markdown or one of `<abbr>`, `<br>`, `<code>`, `<details>`, `<figcaption>`, `<figure>`, `<img>`, `<kbd>`, `<mark>`, `<samp>`, `<small>`, `<sub>`, `<summary>`, `<sup>`',
      'index.mdx:11:8 unsupported-mdx Attribute `constructor` is not allowed on `<kbd>`; it takes no attributes',
    ]);
  });

  it('takes constructor as an id like any other, not as a reserved one', async () => {
    await passesAndRenders(
      'proto-ids',
      `${HOSTILE_FRONTMATTER}:::step{#start title="x" next="constructor"}\n:::\n\n:::instructions{#constructor title="C"}\nx\n:::\n`,
    );
  });

  it('reports frontmatter fields named __proto__, constructor and toString, and a language named constructor', async () => {
    const text =
      '---\ntitle: T\nstart: start\n__proto__: x\nconstructor: y\nsupport:\n  toString: 1\n  email: a@example.com\nlang: constructor\n---\n\n:::instructions{#start title="x"}\nx\n:::\n';
    expect(await messagesOf('proto-frontmatter', text)).toEqual([
      'index.mdx:4:1 invalid-attribute Unknown field `__proto__`; the fields are `title`, `summary`, `start`, `updated`, `author`, `support`, `lang`',
      'index.mdx:5:1 invalid-attribute Unknown field `constructor`; the fields are `title`, `summary`, `start`, `updated`, `author`, `support`, `lang`',
      'index.mdx:7:3 invalid-attribute Unknown field `support.toString`; the fields are `email`, `url`, `label`',
      'index.mdx:9:7 invalid-attribute Invalid `lang`: expected a language tag like `en` or `pt-BR`',
    ]);
  });
});

describe('what GFM adds, bounded', () => {
  it('refuses a file of more table cells than the limit at the line that goes past it, and reads the rest fast', async () => {
    expect(await messagesOf('table-cells', caseText('tables of 118,000 cells (240 KB)'))).toEqual([
      'index.mdx:9:1 limit-exceeded This file has over 4000 table cells (`|`) by this line; split its tables into several files or shorter tables',
    ]);
    // Within the limit, a table, autolinks and strikethrough runs are valid content, rendered.
    for (const name of [
      'a table of 1,300 columns',
      'GFM autolinks, `www.a` × 2,300 in one paragraph',
      'strikethrough `~~a` × 3,000 in one paragraph',
    ]) {
      expect(await passesAndRenders(name.toLowerCase().replace(/\W+/g, '-'), caseText(name))).toBeGreaterThan(10_000);
    }
  });

  it('does not count the pipes of fenced code as table cells', async () => {
    const shell = '```sh\ncat log | grep error | sort | uniq -c\n```\n\n';
    expect(await passesAndRenders('pipes-in-code', inStart(shell.repeat(300)))).toBeGreaterThan(1000);
  });
});

describe('nesting, whatever syntax builds it', () => {
  const lineMessage = (count: number) => `This line opens or continues ${count} lists and blockquotes; at most 20: nest them less deeply`;
  const treeMessage = (deepest: number) =>
    `Content here is nested more than 100 levels deep (${deepest} at the deepest): lists, quotes, directives, elements or emphasis inside one another; nest them less deeply`;
  const directiveMessage =
    'Directives nest 15 deep here; at most 14: close the ones above with a line of colons (`:::`) before opening more';

  it('refuses list and quote markers repeated on one line at the marker past the limit, before parsing', async () => {
    expect(await messagesOf('dashes-1800', caseText('`- ` × 1,800 on one line (3.6 KB)'))).toEqual([
      `index.mdx:7:41 limit-exceeded ${lineMessage(1800)}`,
    ]);
    expect(await messagesOf('dashes-1000', caseText('`- ` × 1,000 on one line (2 KB)'))).toEqual([
      `index.mdx:7:41 limit-exceeded ${lineMessage(1000)}`,
    ]);
    expect(await messagesOf('ordered-1800', caseText('`1. ` × 1,800 on one line'))).toEqual([
      `index.mdx:7:61 limit-exceeded ${lineMessage(1800)}`,
    ]);
    expect(await messagesOf('dash-quote-1800', caseText('`- > ` × 1,800 on one line'))).toEqual([
      `index.mdx:7:41 limit-exceeded ${lineMessage(3600)}`,
    ]);
    expect(await guideOf('stars', inStart(`${'* '.repeat(30)}x`))).toEqual(['index.mdx:7:41 limit-exceeded']);
    expect(await guideOf('pluses', inStart(`${'+ '.repeat(30)}x`))).toEqual(['index.mdx:7:41 limit-exceeded']);
    expect(await guideOf('parens', inStart(`${'1) '.repeat(30)}x`))).toEqual(['index.mdx:7:61 limit-exceeded']);
    expect(await guideOf('quotes-lists', inStart(`${'> - '.repeat(12)}x`))).toEqual(['index.mdx:7:41 limit-exceeded']);
  });

  it('keeps a thematic break of many markers, and 20 lists on a line, which render', async () => {
    await passesAndRenders('thematic-break', inStart(`a\n\n${'* '.repeat(40)}\n\nb`));
    await passesAndRenders('twenty-lists', inStart(`${'- '.repeat(20)}x`));
  });

  it('refuses <details> nested thousands deep before parsing, at the 101st element open', async () => {
    const elementMessage =
      'Over 100 HTML elements are open here, one inside another (`<details>` in `<details>`); close elements before opening more';
    expect(await messagesOf('details-3000', caseText('`<details>` nested 3,000 deep'))).toEqual([
      `index.mdx:207:1 limit-exceeded ${elementMessage}`,
    ]);
    expect(await messagesOf('details-10000', caseText('`<details>` nested 10,000 deep'))).toEqual([
      `index.mdx:207:1 limit-exceeded ${elementMessage}`,
    ]);
    // Counted on the lines that start with a tag, whatever else they hold; never in fenced code.
    const oneLine = `${'<div><span>a</span>\n\n'.repeat(101)}x${'\n\n</div>'.repeat(101)}`;
    // The 100th line's `<span>` is the 101st element open.
    expect(await messagesOf('divs-101', inStart(oneLine))).toEqual([`index.mdx:205:6 limit-exceeded ${elementMessage}`]);
    const fenced = `\`\`\`html\n${'<details>\n'.repeat(150)}\`\`\`\n\nx`;
    expect(await messagesOf('details-in-code', inStart(fenced))).toEqual([]);
    // Tags in code spans, and in code fenced in a list item, are text.
    await passesAndRenders('tags-in-code-spans', inStart('<kbd>F12</kbd> then look for `<script>`\n\n'.repeat(150)));
    expect(await messagesOf('details-in-listed-code', inStart(`- \`\`\`html\n${'  <details>\n'.repeat(150)}  \`\`\`\n\nx`))).toEqual([]);
    // An element of a paragraph closed on its next line is closed.
    await passesAndRenders('kbd-over-lines', inStart('<kbd>a\nb</kbd>\n\n'.repeat(150)));
  });

  it('passes and renders 100 levels, refuses 101', async () => {
    // instructions (1) > 97 × details > paragraph > text (100)
    await passesAndRenders('details-97', inStart(nested('<details>', '</details>', 97)));
    expect(await messagesOf('details-98', inStart(nested('<details>', '</details>', 98)))).toEqual([
      `index.mdx:203:1 limit-exceeded ${treeMessage(101)}`,
    ]);
  });

  it('measures emphasis, inline elements and quotes inside directives on the tree', async () => {
    expect(await messagesOf('emphasis-490', caseText('emphasis nested 490 deep'))).toEqual([
      `index.mdx:7:197 limit-exceeded ${treeMessage(493)}`,
    ]);
    // On a line that starts with a tag, counted before parsing: the 101st `<kbd>`.
    expect(await guideOf('kbd-200', inStart(`${'<kbd>'.repeat(200)}x${'</kbd>'.repeat(200)}`))).toEqual(['index.mdx:7:501 limit-exceeded']);
    // Elsewhere in a paragraph, on the tree.
    expect(await guideOf('kbd-200-in-text', inStart(`Press ${'<kbd>'.repeat(200)}x${'</kbd>'.repeat(200)}`))).toEqual([
      'index.mdx:7:497 limit-exceeded',
    ]);
  });

  it('refuses container directives nested past 14, with equal fences, inside lists or quotes, or interleaved with <details>', async () => {
    expect(await messagesOf('notes-10000', caseText('`:::note` nested 10,000 deep (equal fences)'))).toEqual([
      `index.mdx:33:1 limit-exceeded ${directiveMessage}`,
    ]);
    expect(await messagesOf('interleaved-800', caseText('`<details>` and `:::note` interleaved 800 times (30 KB)'))).toEqual([
      `index.mdx:61:1 limit-exceeded ${directiveMessage}`,
    ]);
    expect(await messagesOf('interleaved-2000', caseText('`<details>` and `:::note` interleaved 2,000 times (74 KB)'))).toEqual([
      `index.mdx:61:1 limit-exceeded ${directiveMessage}`,
    ]);
    expect(await guideOf('notes-in-lists', inStart(Array(20).fill('- :::note').join('\n')))).toEqual(['index.mdx:20:3 limit-exceeded']);
    expect(await guideOf('notes-in-quotes', inStart(Array(20).fill('> :::note').join('\n')))).toEqual(['index.mdx:20:3 limit-exceeded']);
    // A line of colons inside a quote (`> :::`) closes nothing outside it: still counted.
    expect(await guideOf('quoted-closers', inStart(Array(20).fill(':::note\n> :::').join('\n')))).toEqual([
      'index.mdx:33:1 limit-exceeded',
    ]);
    // Without MDX (after a syntax error), `    :::` is code and closes nothing: the recovery
    // parse, which would nest 20 deep, is skipped and the syntax error stands alone.
    expect(await guideOf('indented-closers', inStart(`{\n\n${Array(20).fill(':::note\n    :::').join('\n')}`))).toEqual([
      'index.mdx:49:1 syntax-error',
    ]);
  });

  it('passes and renders directives nested 14 deep, the limit', async () => {
    const fences = Array.from({ length: 13 }, (_, i) => ':'.repeat(15 - i));
    const text = `${HOSTILE_FRONTMATTER}${':'.repeat(16)}instructions{#start title="Start"}\n${fences.map((f) => `${f}note\n`).join('')}x\n${fences.toReversed().join('\n')}\n${':'.repeat(16)}\n`;
    expect(await passesAndRenders('fourteen-directives', text)).toBeGreaterThan(0);
  });

  it('counts CR-only line endings as line endings for every per-line limit', async () => {
    expect(await messagesOf('cr-only', caseText('indentation past the limit with CR-only line endings'))).toEqual([
      'index.mdx:40:1 limit-exceeded This line is indented 33 columns; at most 32: nest lists and quotes less deeply',
    ]);
    expect(await guideOf('cr-dashes', inStart(`a\r${'- '.repeat(30)}x`))).toEqual(['index.mdx:8:41 limit-exceeded']);
  });
});

describe('the frontmatter', () => {
  it('refuses a YAML alias bomb at its first alias, without expanding it', async () => {
    expect(await messagesOf('alias-bomb', caseText('a YAML alias bomb in the frontmatter'))).toEqual([
      'index.mdx:5:8 limit-exceeded The aliases (`*name`) of this frontmatter expand to more than 100 values; write the values out instead',
    ]);
  });

  it('refuses YAML nested past its limits before YAML parses it', async () => {
    const brackets = `---\ntitle: T\nstart: start\nx: ${'['.repeat(70)}${']'.repeat(70)}\n---\n\n:::instructions{#start title="x"}\nx\n:::\n`;
    expect(await messagesOf('yaml-brackets', brackets)).toEqual([
      'index.mdx:4:68 limit-exceeded The frontmatter holds over 64 `[` and `{`; write each field as `name: value`, and put text that holds brackets in quotes',
    ]);
    const dashes = `---\ntitle: T\nstart: start\nx:\n  ${'- '.repeat(9)}y\n---\n\n:::instructions{#start title="x"}\nx\n:::\n`;
    expect(await messagesOf('yaml-dashes', dashes)).toEqual([
      'index.mdx:5:1 limit-exceeded This frontmatter line nests 9 lists or keys (`- `, `? `); at most 8: write one field a line',
    ]);
  });
});

describe('regular expressions and the paste matcher', () => {
  // Every pattern runs on RE2, in time linear in the line: what a backtracking engine takes
  // exponential or quadratic time on finishes here at once (a test on such an engine would not
  // finish), and what RE2 cannot run is refused at its place.
  const card = (patterns: string, examples: string[] = [], title = 'Disk error') =>
    `${HOSTILE_FRONTMATTER}::::error{#start title="${title}"}\n${patterns}\n${examples.map((example) => `::example[${example}]\n`).join('')}\n:::reason\nR\n:::\n\n:::fix\nF\n:::\n::::\n`;

  it('runs a lookbehind of nested ambiguous repetitions on an example of its worst shape, and reports the example', async () => {
    expect(
      await messagesOf('lookbehind-worst', caseText('a lookbehind of nested ambiguous repetitions, and an example of its worst shape')),
    ).toEqual([
      'index.mdx:9:1 unmatched-example No pattern of `start` matches this example; correct the example, or add a `::match` pattern that matches it',
    ]);
  });

  it('accepts lookbehinds of every shape, captures inside them too, and runs them on lines that defeat backtracking', async () => {
    const shapes = [
      '(?<=^(?:\\w|\\w)* ?)\\berror\\b',
      '(?<=^(?:\\w+)+ ?)\\berror\\b',
      '(?<=^(\\w+\\s?)* )\\berror\\b',
      '(?<=^(?:a|aa)*)\\berror\\b',
      '(?<!^(?:\\w|\\w)*!)\\berror\\b',
      '(?<=(?<=^(?:\\w|\\w)*) )\\berror\\b',
      '(?<=^(?:[a-z]+[a-z]*)+ )\\berror\\b',
      '(?<![.!?](?:\\s*\\w*)*)\\berror\\b',
    ];
    const long = 'a'.repeat(1990);
    const text = card(shapes.map((shape) => `::match{regex="${shape}"}`).join('\n'), [`${long} error`, `${long}!error`]);
    // The message and the first example match; the second example matches none of them.
    expect(await messagesOf('lookbehind-shapes', text)).toEqual([
      'index.mdx:16:1 unmatched-example No pattern of `start` matches this example; correct the example, or add a `::match` pattern that matches it',
    ]);
  });

  it('runs nested repetitions, `(a|a)*` and `(\\w+)+$` on the lines that would make them backtrack', async () => {
    const text = card(
      ['::match{regex="\\berror\\b (a|a)*!"}', '::match{regex="\\berror\\b (\\w+)+$"}', '::match{regex="\\berror\\b ((?:a+)+b)+$"}'].join(
        '\n',
      ),
      [`disk error ${'a'.repeat(1980)}`, `disk error ${'a'.repeat(1980)}?`],
    );
    expect(await messagesOf('nested-repetitions', text)).toEqual([
      'index.mdx:6:18 unmatched-example This message of `start` matches none of its patterns, and readers paste it as it is; add a pattern that matches it',
      'index.mdx:11:1 unmatched-example No pattern of `start` matches this example; correct the example, or add a `::match` pattern that matches it',
    ]);
  });

  it('refuses lookaheads, backreferences, flags, halves of characters and repetitions RE2 cannot run, each at its place', async () => {
    const refused = [
      '\\berror\\b(?=:)',
      '\\berror\\b: (?!ok)',
      '(\\w+) \\berror\\b \\1',
      '(?<disk>\\w+) \\berror\\b \\k<disk>',
      '(?i:disk) \\berror\\b',
      '\\berror\\b [😀]',
      '\\berror\\b (?:\\w{10}){101}',
      '\\berror\\b x{600}y{600}',
      '\\berror\\b(?=(a+)+$)',
      '\\berror\\b x{20}(?:(?:\\w+\\s+){300})',
    ];
    const text = card(refused.map((source) => `::match{regex="${source}"}`).join('\n'));
    expect(await messagesOf('refused-regexes', text)).toEqual([
      'index.mdx:7:25 invalid-pattern `(?=:)` looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with `\\b` and the line with `$`',
      'index.mdx:8:27 invalid-pattern `(?!ok)` looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with `\\b` and the line with `$`',
      'index.mdx:9:32 invalid-pattern `\\1` refers back to a group, which RE2, the linear-time engine patterns run on, cannot do; write out what it stands for again, or use a placeholder such as `{id}`',
      'index.mdx:10:39 invalid-pattern `\\k<disk>` refers back to a group, which RE2, the linear-time engine patterns run on, cannot do; write out what it stands for again, or use a placeholder such as `{id}`',
      'index.mdx:11:16 invalid-pattern `(?i:` sets flags for a part of the expression, which RE2, the engine patterns run on, reads otherwise; case never counts in a pattern: write `(?:` instead',
      'index.mdx:12:27 invalid-pattern `😀` stands here for half of a character beyond U+FFFF (an emoji, say), which RE2, the engine patterns run on, reads only whole; write the whole character, outside `[…]`, and group it to repeat it: `(?:😀)+`',
      'index.mdx:13:36 invalid-pattern `{101}` repeats more than 1000 times, counting the repetitions inside it, which RE2, the engine patterns run on, refuses; write smaller counts, such as `{1,50}`',
      // At the part that takes most of the steps: of two alike, the first; of nested ones, the
      // innermost that is too large alone.
      'index.mdx:14:26 invalid-pattern This regular expression compiles to 1210 steps, more than 1000, each taken at every character of a paste, and `x{600}` takes 602 of them; write smaller repetition counts there, or a pattern with placeholders',
      'index.mdx:15:25 invalid-pattern `(?=(a+)+$)` looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with `\\b` and the line with `$`',
      'index.mdx:16:34 invalid-pattern This regular expression compiles to 1230 steps, more than 1000, each taken at every character of a paste, and `(?:\\w+\\s+){300}` takes 1202 of them; write smaller repetition counts there, or a pattern with placeholders',
    ]);
  });

  it('runs a placeholder pattern on a long run of words joined by dots', async () => {
    // A word that tells the error (`failed` alone is one any error holds: invalid-pattern).
    const text = card('::match[{id} crashed]', [`${'a.'.repeat(990)}a crashed`, `${'a.'.repeat(990)}a`], 'Upload crashed');
    expect(await messagesOf('dotted-run', text)).toEqual([
      'index.mdx:9:1 unmatched-example No pattern of `start` matches this example; correct the example, or add a `::match` pattern that matches it',
    ]);
  });

  it('checks 500 regular expressions of one file, and 20 files of 15 each in one guide, with no cap', async () => {
    expect(await messagesOf('regexes', caseText('500 different regular expressions of nested repetitions (24 KB)'))).toEqual([
      'index.mdx:6:18 unmatched-example This message of `start` matches none of its patterns, and readers paste it as it is; add a pattern that matches it',
      'index.mdx:1007:1 unmatched-example No pattern of `start` matches this example; correct the example, or add a `::match` pattern that matches it',
    ]);
    // The review's case: 20 files of 15 expressions each, that took `check` 104 s to analyse.
    const dir = join(work, 'twenty-files');
    await mkdir(dir, { recursive: true });
    const options = Array.from({ length: 20 }, (_, file) => `::option[Card ${file}]{to="card-${file}"}`).join('\n');
    await writeFile(
      join(dir, 'index.mdx'),
      `---\ntitle: Twenty\nstart: start\n---\n\n::::question{#start title="Which?"}\n${options}\n::::\n`,
    );
    for (let file = 0; file < 20; file++) {
      const patterns = Array.from({ length: 15 }, (_, index) => `::match{regex="\\w+ failed: code E${file}\\b|\\bz${index} failed\\b"}`);
      const example = `::example[${'w'.repeat(1980)} failed: code E${file}]`;
      const text = `::::error{#card-${file} title="Job failed: code E${file}"}\n${patterns.join('\n')}\n${example}\n\n:::reason\nR\n:::\n\n:::fix\nF\n:::\n::::\n`;
      await writeFile(join(dir, `file-${file}.mdx`), text);
    }
    expect(await located(dir)).toEqual([]);
  });
});

describe('ids and folder names that become URLs and file names', () => {
  it('refuses a node id over 100 characters at the id', async () => {
    expect(await messagesOf('long-id', caseText('a node id of 300 characters'))).toEqual([
      `index.mdx:9:17 invalid-id Id \`${'a'.repeat(60)}…\` is 300 characters long, and it becomes the page's URL and a folder name; at most 100: choose a shorter id`,
    ]);
  });

  it('refuses a guide folder name over 100 characters', async () => {
    const dir = join(work, 'guides-long', 'g'.repeat(120));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.mdx'), `${HOSTILE_FRONTMATTER}:::instructions{#start title="x"}\nx\n:::\n`);
    const { problems } = await checkGuides([join(work, 'guides-long')]);
    expect(problems.map((p) => `${relative(work, p.file)}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      `guides-long/${'g'.repeat(120)}:1:1 invalid-id Guide folder \`${'g'.repeat(60)}…\` is 120 characters long, and it becomes the guide's URL and a folder name; at most 100: rename it shorter`,
    ]);
  });
});

describe('what check must not read, and how far it walks', () => {
  const start = `${HOSTILE_FRONTMATTER}:::instructions{#start title="x"}\nx\n:::\n`;
  const fresh = async (name: string): Promise<string> => {
    const dir = join(work, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.mdx'), start);
    return dir;
  };
  const notRegular = (what: string) =>
    `This is ${what}, not a regular file, so it is not read; a guide file must be a regular \`.mdx\` file`;

  it('refuses a FIFO, a link to a FIFO and a socket without opening them for reading', async () => {
    const dir = await fresh('specials');
    execFileSync('mkfifo', [join(dir, 'pipe.mdx')]);
    await symlink('pipe.mdx', join(dir, 'link.mdx'));
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'socket.mdx'), done));
    try {
      const { problems } = await checkGuides([dir]);
      expect(problems.map((p) => `${relative(dir, p.file)}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
        `link.mdx:1:1 unreadable-file ${notRegular('a FIFO (named pipe)')}`,
        `pipe.mdx:1:1 unreadable-file ${notRegular('a FIFO (named pipe)')}`,
        `socket.mdx:1:1 unreadable-file ${notRegular('a socket')}`,
      ]);
    } finally {
      server.close();
    }
    // A file swapped for a FIFO after the walk is checked again on the open handle.
    expect(await readSource(join(dir, 'pipe.mdx'))).toEqual({ notRegular: 'FIFO' });
  });

  it('refuses files past 256 KB from their size, without reading them', async () => {
    const dir = await fresh('sizes');
    for (const [name, size] of [
      ['huge.mdx', 3 * 1024 ** 3],
      ['large.mdx', 1.1 * 1024 ** 3],
      ['over.mdx', LIMITS.fileBytes + 1],
    ] as const) {
      // Sparse files: the sizes cost no disk, and check must not read them into memory.
      const handle = await open(join(dir, name), 'w');
      await handle.truncate(Math.round(size));
      await handle.close();
    }
    const before = process.memoryUsage().rss;
    expect(await messagesOf('sizes', start)).toEqual([
      'huge.mdx:1:1 limit-exceeded This file is 3.0 GB; a guide file may hold at most 256 KB: split it into several files',
      'large.mdx:1:1 limit-exceeded This file is 1.1 GB; a guide file may hold at most 256 KB: split it into several files',
      'over.mdx:1:1 limit-exceeded This file is 257 KB; a guide file may hold at most 256 KB: split it into several files',
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 ** 2);
  });

  it('reports linked guide folders, links to folders, and hidden folders of guides; stays quiet about the rest', async () => {
    const guides = join(work, 'walk');
    for (const name of ['real', '.drafts/old', 'other-place/moved', 'real/node_modules/pkg', 'images/icons'])
      await mkdir(join(guides, name), { recursive: true });
    for (const name of ['real', '.drafts/old', 'other-place/moved']) await writeFile(join(guides, name, 'index.mdx'), start);
    await writeFile(join(guides, 'real/node_modules/pkg/readme.mdx'), 'not a guide');
    await writeFile(join(guides, 'images/icons/a.svg'), '<svg/>');
    await mkdir(join(guides, '.git'));
    await symlink(join(guides, 'other-place/moved'), join(guides, 'linked'));
    await symlink(join(guides, 'images'), join(guides, 'real/pictures'));
    await rm(join(guides, 'other-place/moved/index.mdx'));
    await writeFile(join(guides, 'other-place/moved/steps.mdx'), ':::instructions{#x title="x"}\nx\n:::\n');
    const { problems } = await checkGuides([guides]);
    expect(problems.map((p) => `${relative(guides, p.file)}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`)).toEqual([
      '.drafts:1:1 warning skipped-file Folder `.drafts` is hidden (its name starts with `.`), so its `.mdx` files are not read; rename it without the dot to include them',
      'linked:1:1 error unreadable-file This folder is a symbolic link, and Signpost does not follow links to folders; move the folder here, or delete the link',
      'other-place:1:1 error missing-metadata Guide `other-place` has no `index.mdx`; create it with frontmatter `title` and `start`',
      'real/pictures:1:1 error unreadable-file This folder is a symbolic link, and Signpost does not follow links to folders; move the folder here, or delete the link',
    ]);
  });

  it('bounds the walk of a guide: files, entries and depth, each a located limit', async () => {
    const many = await fresh('many-files');
    await Promise.all(Array.from({ length: LIMITS.guideFiles }, (_, i) => writeFile(join(many, `n${i}.mdx`), '')));
    expect(await messagesOf('many-files', start)).toEqual([
      '.:1:1 limit-exceeded Guide `many-files` has over 1,000 `.mdx` files; split it into several guides',
    ]);
    const crowded = await fresh('many-entries');
    await Promise.all(Array.from({ length: LIMITS.guideEntries }, (_, i) => writeFile(join(crowded, `f${i}.txt`), '')));
    expect(await messagesOf('many-entries', start)).toEqual([
      '.:1:1 limit-exceeded Guide folder `many-entries` holds over 10,000 files and folders; a guide folder holds its `.mdx` files and images: check that this is the folder you meant',
    ]);
    const deep = await fresh('deep-folders');
    const path = join(deep, ...Array.from({ length: 9 }, (_, i) => `d${i + 1}`));
    await mkdir(path, { recursive: true });
    await writeFile(join(path, 'lost.mdx'), ':::instructions{#lost title="x"}\nx\n:::\n');
    expect(await messagesOf('deep-folders', start)).toEqual([
      "d1/d2/d3/d4/d5/d6/d7/d8/d9:1:1 limit-exceeded This folder is 9 folders deep in the guide; at most 8: keep a guide's files in fewer levels of folders",
    ]);
    const heavy = await fresh('heavy');
    for (let i = 0; i < 64; i++) {
      const handle = await open(join(heavy, `part${i}.mdx`), 'w');
      await handle.truncate(LIMITS.fileBytes);
      await handle.close();
    }
    expect(await messagesOf('heavy', start)).toEqual([
      '.:1:1 limit-exceeded Guide `heavy` holds over 16 MB of `.mdx` files; split it into several guides',
    ]);
  });
  it('bounds the size of a guide: its nodes and its answers, each at the node that goes past', async () => {
    const files = async (name: string, nodes: string[], first: string, per: number): Promise<string[]> => {
      const dir = join(work, name);
      await mkdir(dir, { recursive: true });
      for (let from = 0, part = 0; from < nodes.length; from += per, part++) {
        const head = part === 0 ? `${HOSTILE_FRONTMATTER.replace(/start: \S+/, `start: ${first}`)}` : '';
        await writeFile(join(dir, part === 0 ? 'index.mdx' : `part${part}.mdx`), head + nodes.slice(from, from + per).join('\n'));
      }
      const { problems } = await checkGuides([dir]);
      for (const p of problems) expectLocated(p, dir);
      return problems.map((p) => `${relative(dir, p.file)}:${p.line}:${p.column} ${p.rule} ${p.message}`);
    };
    const chain = Array.from({ length: LIMITS.guideNodes + 1 }, (_, i) =>
      i < LIMITS.guideNodes ? `:::step{#s${i} title="S" next="s${i + 1}"}\nx\n:::\n` : `:::instructions{#s${i} title="E"}\nx\n:::\n`,
    );
    expect(await files('many-nodes', chain, 's0', 4000)).toEqual([
      'part2.mdx:8001:1 limit-exceeded Guide `many-nodes` has more than 10,000 nodes from this one on; split it into several guides',
    ]);
    const outcomes = Array.from({ length: 100 }, (_, j) => `:::instructions{#o${j} title="O${j}"}\nx\n:::\n`);
    const questions = Array.from({ length: 201 }, (_, i) => {
      const options = Array.from({ length: 100 }, (__, j) => `::option[A${j}]{to="${j === 0 && i < 200 ? `q${i + 1}` : `o${j}`}"}\n`);
      return `::::question{#q${i} title="Q${i}"}\n\n${options.join('\n')}\n::::\n`;
    });
    expect(await files('many-answers', [...questions, ...outcomes], 'q0', 50)).toEqual([
      'part4.mdx:1:1 limit-exceeded Guide `many-answers` has more than 20,000 answers by this node; split it into several guides, or group answers under further questions',
    ]);
  });
});

describe('terminals and review output', () => {
  const evil = '\u001b[1A\u001b[2K\u202e';
  const text =
    `---\ntitle: "Evil\\u001b[2J\\nline"\nstart: start\n---\n\n::::question{#start title="Pick${evil}"}\n` +
    `:::option{to="x${evil}"}\nYes\nand more\n:::\n::option[No]{to="end"}\n::::\n\n:::instructions{#end title="E" bad\u0085="1"}\nx\n:::\n`;

  it('shows control and bidi characters of messages and excerpts as escapes, the caret under the same characters', async () => {
    const dir = join(work, 'escapes');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.mdx'), text);
    const result = await checkGuides([dir]);
    const report = formatHuman(result.problems, { guides: 1, nodes: 2 }, { cwd: dir, sourceLine: sourceLines() });
    // eslint-disable-next-line no-control-regex
    expect(report).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(report.split('\n').slice(0, 8)).toEqual([
      'index.mdx:7:11: error: Cannot find node `x\\u001b[1A\\u001b[2K\\u202e`; add a node with `{#x\\u001b[1A\\u001b[2K\\u202e}` or name an existing id [dangling-target]',
      '  7 | :::option{to="x\\u001b[1A\\u001b[2K\\u202e"}',
      '    |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  help: npx signpost explain dangling-target',
      '',
      'index.mdx:14:32: error: Unknown attribute `bad\\u0085` on `instructions`; `instructions` takes `#id`, `title`, `draft`, `moved-from` [invalid-attribute]',
      '  14 | :::instructions{#end title="E" bad\\u0085="1"}',
      '     |                                ^^^^^^^^^^^^^',
    ]);
  });

  it('keeps titles, answers and ids on one line of Mermaid and DOT, inside their quotes', async () => {
    const dir = join(work, 'escapes');
    const { guides } = await checkGuides([dir]);
    expect(graphText(guides, 'mermaid').split('\n')).toEqual([
      '%% Evil\\u001b[2J line (escapes)',
      'flowchart TD',
      '  n_start{"question: Pick\\u001b[1A\\u001b[2K\\u202e"}',
      '  n_end(["instructions: E"])',
      '  n_start -->|"Yes and more"| n_x__1b___5b_1A__1b___5b_2K__202e_',
      '  n_start -->|"No"| n_end',
      '',
    ]);
    expect(graphText(guides, 'dot').split('\n')).toEqual([
      'digraph "escapes" {',
      '  label="Evil\\\\u001b[2J line";',
      '  rankdir=TB;',
      '  "start" [label="question: Pick\\\\u001b[1A\\\\u001b[2K\\\\u202e", shape=diamond];',
      '  "end" [label="instructions: E", shape=box, style="rounded"];',
      '  "start" -> "x\\\\u001b[1A\\\\u001b[2K\\\\u202e" [label="Yes and more"];',
      '  "start" -> "end" [label="No"];',
      '}',
      '',
    ]);
  });

  it('lets no title start a Mermaid directive, HTML in a label, or a GitHub mention, reference, link or math in diff reports', async () => {
    const guide = (title: string, answer: string): string =>
      `---\ntitle: "${title}"\nstart: start\n---\n\n::::question{#start title="Pick %%{init: {'securityLevel': 'loose'}}%% <img src=x onerror=alert(1)> &amp;"}\n:::option{to="end"}\n${answer}\n:::\n::::\n\n:::instructions{#end title="E"}\nDone.\n:::\n`;
    const before = join(work, 'diff-before');
    const after = join(work, 'diff-after');
    await mkdir(before, { recursive: true });
    await mkdir(after, { recursive: true });
    await writeFile(join(before, 'index.mdx'), guide('Old', 'Yes'));
    await writeFile(
      join(after, 'index.mdx'),
      guide(
        "%%{init: {'theme': 'base'}}%% @octocat #12 GH-3 a/b#4 &#64;team",
        'Yes @org/team fixes #7, see https://github.com/nodejs/node/issues/1 or www.evil.example at 0123456789abcdef0123456789abcdef01234567 for $x$',
      ),
    );
    const [old, now] = [(await checkGuides([before])).guides, (await checkGuides([after])).guides];
    for (const g of [...old, ...now]) g.slug = 'g';
    const diffs = diffGuides(old, now);
    const markdown = formatDiffMarkdown(diffs, 'HEAD', now);
    const lines = markdown.split('\n');
    expect(lines[2]).toBe("#### %%{init: {'theme': 'base'}}%% @&#8203;octocat #&#8203;12 GH&#8203;-3 a/b#&#8203;4 \\&#&#8203;64;team (g)");
    expect(lines).toContain(
      '- ➕ answer “Yes @&#8203;org/team fixes #&#8203;7, see https:&#8203;//github.com/nodejs/node/issues/1 or www&#8203;.evil.example at 0&#8203;123456789abcdef0123456789abcdef01234567 for \\$x\\$” of `start` → `end`',
    );
    // Mermaid, in the report's <details> and from --graph: no `%%` but the comment's own.
    const mermaid = [diffMermaid(diffs[0]!, now[0]!), graphText(now, 'mermaid')];
    for (const graph of mermaid)
      expect(graph.split('\n').filter((line) => line.includes('%%'))).toEqual([expect.stringMatching(/^%% (?!.*%%)/)]);
    expect(mermaid[1]!.split('\n').slice(0, 3)).toEqual([
      "%% % %{init: {'theme': 'base'}}% % @octocat #12 GH-3 a/b#4 &#64;team (g)",
      'flowchart TD',
      `  n_start{"question: Pick #37;#37;{init: {'securityLevel': 'loose'}}#37;#37; #lt;img src=x onerror=alert(1)#gt; #amp;"}`,
    ]);
  });
});

describe('many mistakes in one file', () => {
  it('reports 10,000 missing targets, each once', async () => {
    const problems = await messagesOf('dangling-many', caseText('10,000 answers to missing nodes (240 KB)'));
    const dangling = problems.filter((p) => p.includes(' dangling-target '));
    expect(dangling.length).toBeGreaterThan(7500);
    expect(dangling[0]).toBe(
      'index.mdx:7:13 dangling-target Cannot find node `missing-0`; add a node with `{#missing-0}` or name an existing id',
    );
    expect(problems.every((p) => / (dangling-target|unreachable-node) /.test(p))).toBe(true);
  });

  it('lists three other places of a duplicate id and counts the rest', async () => {
    const text = caseText('6,000 nodes with one id (240 KB)');
    const problems = await messagesOf('duplicates-many', text);
    const duplicates = problems.filter((p) => p.includes(' duplicate-id '));
    expect(duplicates[0]).toMatch(
      /^index\.mdx:10:17 duplicate-id Duplicate id `same`, also used at line 14, column 17; line 18, column 17; line 22, column 17 and \d+ more places; ids must be unique in a guide, rename one$/,
    );
    expect(duplicates.length).toBe(text.match(/\{#same /g)!.length);
    expect(duplicates[0]).toContain(`and ${duplicates.length - 4} more places`);
  });
});

describe('files a guide links to or shows (issue 23)', () => {
  /** A 4 × 4 GIF of two colours whose one frame holds the LZW data `data`. */
  const gif = (data: number[]): Buffer =>
    Buffer.from([
      ...Buffer.from('GIF89a'),
      4,
      0,
      4,
      0,
      0x80,
      0,
      0,
      0,
      0,
      0,
      255,
      255,
      255,
      0x2c,
      0,
      0,
      0,
      0,
      4,
      0,
      4,
      0,
      0,
      2,
      data.length,
      ...data,
      0,
      0x3b,
    ]);
  /**
   * An animated GIF of `frames` frames on a `side` × `side` screen, shaped as screen recorders
   * write them: a loop extension and a comment, then for each frame a graphic control extension
   * (a delay, disposal to the background) and a 1 × 1 image at a place of its own with a local
   * colour table, every other one interlaced. sharp decodes each frame to the whole screen.
   */
  const animation = (side: number, frames: number): Buffer => {
    const le = (n: number) => [n & 0xff, n >> 8];
    const bytes = [...Buffer.from('GIF89a'), ...le(side), ...le(side), 0x80, 0, 0, 0, 0, 0, 255, 255, 255];
    bytes.push(0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0, 0x21, 0xfe, 7, ...Buffer.from('comment'), 0);
    for (let frame = 0; frame < frames; frame++) {
      bytes.push(0x21, 0xf9, 4, 0x08, 10, 0, 0, 0);
      bytes.push(0x2c, ...le(frame % side), ...le(frame % side), 1, 0, 1, 0, 0x80 | (frame % 2 ? 0x40 : 0), 255, 0, 0, 0, 0, 255);
      bytes.push(2, 2, 0x44, 0x01, 0);
    }
    bytes.push(0x3b);
    return Buffer.from(bytes);
  };
  /** An animated WebP's chunks on a `side` × `side` canvas, with `frames` frames (of no pixel data). */
  const webpAnimation = (side: number, frames: number): Buffer => {
    const chunk = (type: string, body: Buffer) =>
      Buffer.concat([Buffer.from(type), Buffer.from(new Uint32Array([body.length]).buffer), body]);
    const canvas = Buffer.from([0x02, 0, 0, 0, (side - 1) & 0xff, (side - 1) >> 8, 0, (side - 1) & 0xff, (side - 1) >> 8, 0]);
    const body = Buffer.concat([
      Buffer.from('WEBP'),
      chunk('VP8X', canvas),
      chunk('ANIM', Buffer.alloc(6)),
      ...Array.from({ length: frames }, () => chunk('ANMF', Buffer.alloc(16))),
    ]);
    return Buffer.concat([Buffer.from('RIFF'), Buffer.from(new Uint32Array([body.length]).buffer), body]);
  };
  const PDF = '%PDF-1.4\n% A checklist\n';
  const HTML = '<!doctype html><html><script src="app.js"></script></html>\n';
  const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>\n';
  const outside = (path: string) =>
    `\`${path}\` is a symbolic link that leads outside the guide folder, so it is not read; copy the file itself into \`linked/\``;
  const runs = (path: string, what: string, fix: string) =>
    `\`${path}\` is ${what}, which would run on the help site's own address; ${fix}`;
  const disguisedAs = (path: string, ext: string, what: string, fix: string) =>
    `\`${path}\` is named \`.${ext}\` but is ${what}, which would run on the help site's own address; ${fix}`;
  const holds = (path: string, ext: string, what: string) =>
    `\`${path}\` is named \`.${ext}\` but holds ${what}; save it as a real \`.${ext}\` file, or give it the extension of what it is`;
  const broken = (path: string, why: string) =>
    `\`${path}\` is a PNG image that cannot be shown: ${why}; export it again from an image editor`;
  const GIF_CUT = (path: string) =>
    `\`${path}\` is a GIF image that cannot be shown: it does not end with its trailer (the file is cut short, or other data follows it); export it again from an image editor`;
  const PAGE = 'export it as PDF, or publish it elsewhere and link to its address (`https://…`)';

  it('reads only regular files really inside the guide: links out, FIFOs, devices and /proc are refused unread', async () => {
    const dir = join(work, 'linked');
    const guide = join(dir, 'linked');
    await mkdir(join(guide, 'files'), { recursive: true });
    await mkdir(join(guide, 'inside'), { recursive: true });
    await mkdir(join(dir, 'elsewhere'), { recursive: true });
    await writeFile(join(dir, 'secret.env'), 'DEPLOY_TOKEN=abc\n');
    await writeFile(join(dir, 'elsewhere', 'notes.txt'), 'secret notes\n');
    await writeFile(join(guide, 'inside', 'real.txt'), 'Inside the guide.\n');
    await symlink('/etc/passwd', join(guide, 'files/users.txt'));
    await symlink('../../secret.env', join(guide, 'files/manual.pdf'));
    await symlink('/proc/kmsg', join(guide, 'files/log.txt'));
    await symlink('/proc/self/environ', join(guide, 'files/env.txt'));
    await symlink('/dev/zero', join(guide, 'files/zero.txt'));
    // A folder inside the guide that is a link to a folder outside it.
    await symlink(join(dir, 'elsewhere'), join(guide, 'shared'));
    // A chain: in → in → out.
    await symlink('chain-2.txt', join(guide, 'files/chain-1.txt'));
    await symlink('../../secret.env', join(guide, 'files/chain-2.txt'));
    // Links that stay inside the guide are followed.
    await symlink('../inside/real.txt', join(guide, 'files/alias.txt'));
    execFileSync('mkfifo', [join(guide, 'files/pipe.txt')]);
    await symlink('loop-b.txt', join(guide, 'files/loop-a.txt'));
    await symlink('loop-a.txt', join(guide, 'files/loop-b.txt'));
    await writeFile(
      join(guide, 'index.mdx'),
      `${FRONTMATTER}:::instructions{#start title="Start"}\n` +
        '[a](./files/users.txt) [b](./files/manual.pdf) [c](./files/log.txt) [d](./files/env.txt)\n\n' +
        '[e](./files/zero.txt) [f](./shared/notes.txt) [g](./files/chain-1.txt) [h](./files/pipe.txt)\n\n' +
        '[i](./files/alias.txt) [j](./inside) [k](./files/loop-a.txt) [l](./inside/real.txt/) [m](./files/alias.txt/.) ![n](./inside/real.txt/)\n:::\n',
    );
    const { problems, linkedFiles } = await checkGuides([guide]);
    expect(problems.map((p) => `${relative(guide, p.file)}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      `index.mdx:7:1 broken-link ${outside('./files/users.txt')}`,
      `index.mdx:7:24 broken-link ${outside('./files/manual.pdf')}`,
      `index.mdx:7:48 broken-link ${outside('./files/log.txt')}`,
      `index.mdx:7:69 broken-link ${outside('./files/env.txt')}`,
      `index.mdx:9:1 broken-link ${outside('./files/zero.txt')}`,
      `index.mdx:9:23 broken-link ${outside('./shared/notes.txt')}`,
      `index.mdx:9:47 broken-link ${outside('./files/chain-1.txt')}`,
      'index.mdx:9:72 broken-link `./files/pipe.txt` is a FIFO (named pipe), not a regular file, so it is not read; save a regular file there',
      // A folder is a folder, whatever its name says.
      'index.mdx:11:24 broken-link `./inside` is a folder, not a regular file, so it is not read; save a regular file there',
      'index.mdx:11:38 broken-link `./files/loop-a.txt` is a loop of symbolic links, not a regular file, so it is not read; save a regular file there',
      // A file named like a folder is another address on the web.
      'index.mdx:11:62 broken-link `./inside/real.txt/` ends like a folder, but `./inside/real.txt` is a file: a browser would ask for another address; write `./inside/real.txt`',
      'index.mdx:11:86 broken-link `./files/alias.txt/.` ends like a folder, but `./files/alias.txt` is a file: a browser would ask for another address; write `./files/alias.txt`',
      'index.mdx:11:111 broken-image `./inside/real.txt/` ends like a folder, but `./inside/real.txt` is a file: a browser would ask for another address; write `./inside/real.txt`',
      // The walk reports the linked folder too: its `.mdx` files are not read either.
      'shared:1:1 unreadable-file This folder is a symbolic link, and Signpost does not follow links to folders; move the folder here, or delete the link',
    ]);
    expect([...linkedFiles.keys()]).toEqual([join(guide, 'files/alias.txt')]);
  });

  it('refuses by name what would run on the site, and by content what is not what its name says', async () => {
    const dir = join(work, 'disguised');
    await mkdir(join(dir, 'files'), { recursive: true });
    await mkdir(join(dir, 'img'), { recursive: true });
    const files: Record<string, string | Buffer> = {
      'files/form.html': HTML,
      'files/logo.svg': SVG,
      'files/app.js': 'alert(1)\n',
      'files/feed.xml': '<?xml version="1.0"?><feed/>\n',
      'files/setup.exe': 'MZ',
      'files/manual.pdf': 'Just some text.\n',
      'files/page.txt': HTML,
      'files/data.csv': '<svg onload="alert(1)"/>\n',
      'files/wide.txt': Buffer.from('\ufeffHello', 'utf16le'),
      'files/binary.txt': Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]),
      'files/clip.mp4': PDF,
      // Script text in a text file is text: served as `text/plain` and never sniffed, no page runs it.
      'files/script.txt': 'alert(document.cookie)\n',
      'img/page.png': HTML,
      'img/vector.png': SVG,
      'img/feed.png': '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      'img/photo.jpg': png(2, 2),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    const links = Object.keys(files)
      .filter((name) => name.startsWith('files/'))
      .map((name) => `[${name}](./${name})`)
      .join('\n\n');
    const images = Object.keys(files)
      .filter((name) => name.startsWith('img/'))
      .map((name) => `![${name}](./${name})`)
      .join('\n\n');
    expect(await messagesOf('disguised', inStart(`${links}\n\n${images}`))).toEqual([
      `index.mdx:7:1 broken-link ${runs('./files/form.html', 'an HTML page', PAGE)}`,
      `index.mdx:9:1 broken-link ${runs('./files/logo.svg', 'an SVG image', 'export it as PNG')}`,
      `index.mdx:11:1 broken-link ${runs('./files/app.js', 'a script', 'show it in a code block (```js), or link to it where it is published (`https://…`)')}`,
      `index.mdx:13:1 broken-link ${runs('./files/feed.xml', 'an XML document', 'save it as plain text (`.txt`), or link to it where it is published (`https://…`)')}`,
      'index.mdx:15:1 broken-link `./files/setup.exe` is a `.exe` file, not a type Signpost publishes; use `.pdf`, `.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`, `.avif`, `.mp4`, `.webm`, `.vtt`, `.txt`, `.log`, `.csv`, `.zip`, or publish it elsewhere and link to its address',
      `index.mdx:17:1 broken-link ${holds('./files/manual.pdf', 'pdf', 'plain text')}`,
      `index.mdx:19:1 broken-link ${disguisedAs('./files/page.txt', 'txt', 'an HTML page', PAGE)}`,
      `index.mdx:21:1 broken-link ${disguisedAs('./files/data.csv', 'csv', 'an SVG image', 'export it as PNG')}`,
      `index.mdx:23:1 broken-link ${holds('./files/wide.txt', 'txt', 'UTF-16 text (save it as UTF-8)')}`,
      `index.mdx:25:1 broken-link ${holds('./files/binary.txt', 'txt', 'data of an unknown type')}`,
      `index.mdx:27:1 broken-link ${holds('./files/clip.mp4', 'mp4', 'a PDF document')}`,
      `index.mdx:31:1 broken-image ${disguisedAs('./img/page.png', 'png', 'an HTML page', PAGE)}`,
      `index.mdx:33:1 broken-image ${disguisedAs('./img/vector.png', 'png', 'an SVG image', 'export it as PNG')}`,
      `index.mdx:35:1 broken-image ${disguisedAs('./img/feed.png', 'png', 'an SVG image', 'export it as PNG')}`,
      `index.mdx:37:1 broken-image ${holds('./img/photo.jpg', 'jpg', 'a PNG image')}`,
    ]);
  });

  it('refuses images past the pixel limits, cut short, lying about their size, or with a page after their end', async () => {
    const dir = join(work, 'images');
    await mkdir(join(dir, 'img'), { recursive: true });
    const good = png(3, 2);
    const files: Record<string, Buffer> = {
      'img/ok.png': good,
      // An animated PNG (its `acTL` chunk before the pixel data) is a PNG.
      'img/animated.png': png(3, 2, { extra: [['acTL', Buffer.from('0000000100000000', 'hex')]] }),
      'img/huge.png': png(30_000, 30_000, { data: Buffer.alloc(10) }),
      'img/wide.png': png(16_385, 1, { data: Buffer.alloc(10) }),
      'img/many.png': png(8000, 7000, { data: Buffer.alloc(10) }),
      'img/cut.png': good.subarray(0, good.length - 20),
      'img/lies.png': png(3, 2, { data: Buffer.alloc(100) }),
      'img/short.png': png(300, 200, { data: Buffer.alloc(10) }),
      'img/polyglot.png': Buffer.concat([good, Buffer.from(HTML)]),
      'img/damaged.png': Buffer.concat([good.subarray(0, 42), Buffer.from([good[42]! ^ 0xff]), good.subarray(43)]),
      // A GIF whose structure is whole but whose pixel data the decoder cannot read, and one it can.
      'img/garbled.gif': gif([0xff, 0xff, 0xff, 0xff, 0xff]),
      'img/small.gif': gif([0x84, 0x8f, 0xa9, 0xcb, 0xed, 0x0f, 0x63, 0x2b]),
      // An animation whose frames are 60 megapixels in all (the decoder's limit counts every
      // frame), under the limit of an animation; and one past it, as a GIF and as a WebP.
      'img/screencast.gif': animation(1000, 60),
      'img/long.gif': animation(1000, 260),
      'img/long.webp': webpAnimation(1000, 260),
      // Bytes after the trailer, even ending like one; a file cut inside a frame, a trailer put back.
      'img/after.gif': Buffer.concat([animation(4, 2), Buffer.from([0x1a, 0x14, 0, 0x3b])]),
      'img/cut.gif': Buffer.concat([animation(4, 2).subarray(0, 60), Buffer.from([0x3b])]),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    const shown = Object.keys(files)
      .map((name) => `::image[${name}]{src="./${name}" alt="A picture"}`)
      .join('\n\n');
    expect(await messagesOf('images', inStart(shown))).toEqual([
      'index.mdx:11:23 limit-exceeded Image `./img/huge.png` is 30000 × 30000 pixels; at most 16,384 pixels a side: scale it down (a page shows it at most 736 pixels wide)',
      'index.mdx:13:23 limit-exceeded Image `./img/wide.png` is 16385 × 1 pixels; at most 16,384 pixels a side: scale it down (a page shows it at most 736 pixels wide)',
      'index.mdx:15:23 limit-exceeded Image `./img/many.png` is 8000 × 7000 pixels (56 megapixels); at most 50 megapixels: scale it down (a page shows it at most 736 pixels wide)',
      `index.mdx:17:22 broken-image ${broken('./img/cut.png', 'it ends before its last chunk (the file is cut short)')}`,
      `index.mdx:19:23 broken-image ${broken('./img/lies.png', 'its pixel data does not match the 3 × 2 pixels its header gives')}`,
      `index.mdx:21:24 broken-image ${broken('./img/short.png', 'its pixel data does not match the 300 × 200 pixels its header gives')}`,
      `index.mdx:23:27 broken-image ${broken('./img/polyglot.png', 'other data follows its end')}`,
      `index.mdx:25:26 broken-image ${broken('./img/damaged.png', 'its `IDAT` chunk is damaged (its checksum does not match)')}`,
      'index.mdx:27:26 broken-image `./img/garbled.gif` is a GIF image that cannot be shown: its pixel data is damaged (the image decoder stops); export it again from an image editor',
      'index.mdx:33:23 limit-exceeded Animation `./img/long.gif` is 260 frames of 1000 × 1000 pixels (260 megapixels to decode); at most 250 megapixels over all its frames: shorten it or scale it down, or make it a video (`.mp4`)',
      'index.mdx:35:24 limit-exceeded Animation `./img/long.webp` is 260 frames of 1000 × 1000 pixels (260 megapixels to decode); at most 250 megapixels over all its frames: shorten it or scale it down, or make it a video (`.mp4`)',
      `index.mdx:37:24 broken-image ${GIF_CUT('./img/after.gif')}`,
      `index.mdx:39:22 broken-image ${GIF_CUT('./img/cut.gif')}`,
    ]);
  });

  it('refuses markup hidden in a file of an allowed type: any tag in text; in captions and the rest, what the HTML tokenizer finds that loads or runs', async () => {
    const dir = join(work, 'hidden-markup');
    await mkdir(join(dir, 'files'), { recursive: true });
    const TEXT = 'take the markup out, or put the file in a ZIP archive (`.zip`)';
    const CUES =
      'keep to the cue tags of WebVTT (`<b>`, `<i>`, `<u>`, `<c>`, `<v>`, `<lang>`, `<ruby>`, `<rt>`), with no event handler (`onclick=`) or `javascript:` link in them';
    const REMAKE_IMAGE = 'export it again from an image editor';
    const cue = (text: string) => `WEBVTT\n\n00:00.000 --> 00:01.000\n${text}\n`;
    const zipOf = (name: string, body: string): Buffer => {
      // One entry, stored (not compressed): its bytes are in the archive as they are.
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(10, 4);
      header.writeUInt32LE(body.length, 18);
      header.writeUInt32LE(body.length, 22);
      header.writeUInt16LE(name.length, 26);
      return Buffer.concat([header, Buffer.from(name), Buffer.from(body)]);
    };
    const pdf = (body: string) => `${PDF}${body}\n%%EOF\n`;
    // An XMP packet as Acrobat writes one into a PDF: namespaced tags, `<dc:title>`, `<?xpacket?>`.
    const XMP = [
      '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
      '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 9.1-c001">',
      ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
      '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
      '   <dc:format>application/pdf</dc:format>',
      '   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Router checklist</rdf:li></rdf:Alt></dc:title>',
      '   <xmp:CreateDate>2026-01-05T10:00:00+01:00</xmp:CreateDate>',
      '   <xmp:CreatorTool>Microsoft Word</xmp:CreatorTool>',
      '   <pdf:Producer>Acrobat PDFMaker 24</pdf:Producer>',
      '   <xmpMM:DocumentID>uuid:6b1a4b1e-0f9c-4a8e-9b0e-2f6d3c1e7a55</xmpMM:DocumentID>',
      '  </rdf:Description>',
      ' </rdf:RDF>',
      '</x:xmpmeta>',
      '<?xpacket end="w"?>',
    ].join('\n');
    const files: Record<string, string | Buffer> = {
      // Passes: text with `<` that opens no tag, captions with every cue tag, binaries with none.
      'files/ok.txt': 'if a < b and 3<4, or <= 5, <3 and << 2, then: ok\n',
      'files/ok.vtt': cue(
        '<v Anna>Hi <c.loud>there</c> <b>b</b> <i>i</i> <u>u</u> <lang en>en</lang> <ruby>x<rt>y</rt></ruby> <00:00.500>now</v>\n' +
          '<v.loud.fast Dr Who>a < b, 3<4</v.loud.fast> <c.a.b>x</c> <lang en-GB>colour</lang> <b.x></b> </c onclick=alert(1)>',
      ),
      'files/ok.pdf': `${PDF}<< /Type /Catalog >>\n<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>\n%%EOF\n`,
      'files/xmp.pdf': pdf(XMP),
      // Passes: what the tokenizer reads as no tag that runs: a handler on an end tag, without a
      // value, not a handler's name; tags in comments, in a bogus comment (`<![CDATA[` outside
      // SVG) and in `<xmp>`'s raw text; an image without a source; `a < b`.
      'files/inert.pdf': pdf(
        [
          '</x onclick=alert(1)> <x onclick> <x onclick=""> <x onclick1=alert(1) on-click=alert(1) data-onclick=alert(1) onc=x>',
          '<!-- <script>alert(1)</script> --> <!-- a -- b --!> <![CDATA[<script>]]> <!DOCTYPE html> <?php echo 1 ?>',
          '<xmp><img src=x onerror=alert(1)></xmp> <img alt=x> <imgs src=x> <a href="https://example.com/javascript:x">',
          'if a < b and 3<4 then <3 <<2 <= 1 <scr\0ipt>',
        ].join('\n'),
      ),
      // Refused: handlers the browser's tokenizer finds, however they are spelled or hidden.
      'files/no-space.pdf': pdf('<x a="b"onfocus=alert(1) autofocus tabindex=1>'),
      'files/no-space-single.pdf': pdf("<x a='b'ONFOCUS=alert(1) autofocus>"),
      'files/quoted-gt.pdf': pdf(`<y a='>' onmouseover=alert(2)>`),
      'files/quoted-gt-double.pdf': pdf('<y a=">" OnMouseOver="alert(2)">'),
      'files/many-attributes.pdf': pdf(`<z ${'a=b '.repeat(5000)}onfocus=alert(1) autofocus tabindex=1>`),
      'files/distinct-attributes.pdf': pdf(`<z ${Array.from({ length: 50_000 }, (_, i) => `a${i}=${i}`).join(' ')} oncut=alert(1)>`),
      'files/many-lines.pdf': pdf(`<z${'\n'.repeat(3000)}onfocus=alert(1) autofocus>`),
      'files/tab.pdf': pdf('<x\tonclick=alert(1)>'),
      'files/form-feed.pdf': pdf('<x\fONCLICK=alert(1)>'),
      'files/slash.pdf': pdf('<x/onclick=alert(1)>'),
      'files/after-comment.pdf': pdf('<!-- x --><!--><svg onload=alert(1)>-->'),
      'files/after-cdata.pdf': pdf('<![CDATA[x]]><svg/onload=alert(1)>'),
      'files/in-xmp.pdf': pdf('<xmp><p title="</xmp><img src=x onerror=alert(1)>">'),
      // Refused: links that run code, once decoded as the browser decodes them.
      'files/javascript.pdf': pdf('<a href="javascript:alert(1)">x</a>'),
      'files/encoded.pdf': pdf('<a href=" &#106;ava&#x09;script&colon;alert(1)">x</a>'),
      'files/controls.pdf': pdf("<a HREF='\x01\x02 JaVaScRiPt:alert(1)'>x</a>"),
      'files/vbscript.pdf': pdf('<button formaction=vbscript:x>'),
      'files/data.pdf': pdf('<a xlink:href=data:text/html,x>'),
      'files/values.pdf': pdf('<animate attributeName=href values="0;javascript:alert(1)">'),
      // Refused: elements that load or run something, by name, in any case, or namespaced.
      'files/template.pdf': pdf('<template><script>alert(1)</script></template>'),
      'files/portal.pdf': pdf('<portal src=//evil.example>'),
      'files/namespaced.pdf': pdf('<x:script xmlns="http://www.w3.org/1999/xhtml">alert(1)</x:script>'),
      'files/image.pdf': pdf('<IMG SRC=//evil.example/x>'),
      'files/noscript.pdf': pdf('<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
      'files/xml-stylesheet.pdf': pdf('<?xml-stylesheet type="text/xsl" href="//evil.example/x.xsl"?>'),
      // Text: a tag of any name, with or without a handler, in any case.
      'files/unknown-tag.txt': 'hi <x onclick=alert(1)>click</x>\n',
      'files/end-tag.log': 'done\n</title><svg/onload=alert(1)>\n',
      'files/comment.csv': 'a,b\n1,<!--x--><img src=x onerror=alert(1)>\n',
      'files/custom.txt': 'line one\nline two <details open ontoggle=alert(1)>\n',
      // Captions: any tag but WebVTT's own.
      'files/script.vtt': cue('<script>alert(1)</script>'),
      'files/img.vtt': cue('<b>ok</b> <img src=x onerror=alert(1)>'),
      'files/br.vtt': cue('one<br>two'),
      // Captions: a cue tag with a handler or a link that runs code.
      'files/cue-class.vtt': cue('<c.a onclick=alert(1)>hi</c>'),
      'files/cue-focus.vtt': cue('<c onfocus=alert(1) autofocus tabindex=0>hi</c>'),
      'files/cue-voice.vtt': cue("<v Anna\tONMOUSEOVER='alert(1)'>hi</v>"),
      'files/cue-no-space.vtt': cue('<b.x title="y"onclick=alert(1)>hi</b>'),
      'files/cue-link.vtt': cue('<c href=javascript:alert(1)>hi</c>'),
      'files/cue-end.vtt': cue('<v Bob<script>alert(1)</script>>hi</v>'),
      'files/latin1.vtt': Buffer.concat([Buffer.from(cue('caf')), Buffer.from([0xe9])]),
      // Binaries: a page inside a PDF, a PNG's text chunk, a stored ZIP entry.
      'files/polyglot.pdf': `${PDF}<html><script>alert(1)</script></html>\n%%EOF\n`,
      'files/handler.pdf': `${PDF}<x onclick=alert(1)>\n%%EOF\n`,
      'files/page.zip': zipOf('a.html', '<!doctype html><script>alert(1)</script>'),
      // SVG animation's handler, shorter than the rule of four letters after `on`.
      'files/svg-onend.pdf': pdf('<svg><animate onend=alert(1) attributeName=x dur=1s>'),
      'files/set-onend.pdf': pdf('<svg><set attributeName="x" to="1" dur="1s" ONEND="alert(1)"/>'),
      // Media elements that fetch their source as soon as they are made, as `<img src>` does.
      'files/input-image.pdf': pdf('<input type=image src=//evil.example/x>'),
      'files/video-poster.pdf': pdf('<VIDEO poster="//evil.example/x">'),
      'files/source-srcset.pdf': pdf('<picture><source srcset=//evil.example/x>'),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    await writeFile(join(dir, 'text-chunk.png'), png(3, 2, { extra: [['tEXt', Buffer.from('Comment\0<img src=x onerror=alert(1)>')]] }));
    await writeFile(join(dir, 'plain-chunk.png'), png(3, 2, { extra: [['tEXt', Buffer.from('Comment\0made with <3 in GIMP')]] }));
    const links = Object.keys(files)
      .map((name) => `[${name}](./${name})`)
      .join('\n\n');
    const text = `${links}\n\n![a](./text-chunk.png)\n\n![b](./plain-chunk.png)\n\n::video[v]{src="./files/none.mp4" title="t" captions="./files/script.vtt"}`;
    const hidden = (path: string, what: string, markup: string, fix: string) =>
      `\`${path}\` (${what}) also holds HTML markup (${markup}), which a browser would run on the help site's own address if it took the file for a page; ${fix}`;
    const kind = (what: string, fix: string) => (path: string, markup: string) => hidden(path, what, markup, fix);
    const PDF_DOC = kind('a PDF document', 'make it again (print it to a new PDF)');
    const CAPTIONS = kind('WebVTT captions', CUES);
    const PLAIN = kind('plain text', TEXT);
    const ZIP = kind('a ZIP archive', 'make the archive again, compressed');
    const PNG = kind('a PNG image', REMAKE_IMAGE);
    expect(await messagesOf('hidden-markup', inStart(text))).toEqual([
      `index.mdx:17:1 broken-link ${PDF_DOC('./files/no-space.pdf', '`<x a="b"onfocus=alert(1)…` at byte 23')}`,
      `index.mdx:19:1 broken-link ${PDF_DOC('./files/no-space-single.pdf', "`<x a='b'ONFOCUS=alert(1)…` at byte 23")}`,
      `index.mdx:21:1 broken-link ${PDF_DOC('./files/quoted-gt.pdf', "`<y a='>' onmouseover=aler…` at byte 23")}`,
      `index.mdx:23:1 broken-link ${PDF_DOC('./files/quoted-gt-double.pdf', '`<y a=">" OnMouseOver="ale…` at byte 23')}`,
      `index.mdx:25:1 broken-link ${PDF_DOC('./files/many-attributes.pdf', '`<z a=b a=b a=b a=b a=b a=…` at byte 23')}`,
      `index.mdx:27:1 broken-link ${PDF_DOC('./files/distinct-attributes.pdf', '`<z a0=0 a1=1 a2=2 a3=3 a4…` at byte 23')}`,
      `index.mdx:29:1 broken-link ${PDF_DOC('./files/many-lines.pdf', '`<z…` at byte 23')}`,
      `index.mdx:31:1 broken-link ${PDF_DOC('./files/tab.pdf', '`<x?onclick=alert(1)>` at byte 23')}`,
      `index.mdx:33:1 broken-link ${PDF_DOC('./files/form-feed.pdf', '`<x?ONCLICK=alert(1)>` at byte 23')}`,
      `index.mdx:35:1 broken-link ${PDF_DOC('./files/slash.pdf', '`<x/onclick=alert(1)>` at byte 23')}`,
      `index.mdx:37:1 broken-link ${PDF_DOC('./files/after-comment.pdf', '`<svg onload=alert(1)>` at byte 38')}`,
      `index.mdx:39:1 broken-link ${PDF_DOC('./files/after-cdata.pdf', '`<svg/onload=alert(1)>` at byte 36')}`,
      `index.mdx:41:1 broken-link ${PDF_DOC('./files/in-xmp.pdf', '`<img src=x onerror=alert(…` at byte 44')}`,
      `index.mdx:43:1 broken-link ${PDF_DOC('./files/javascript.pdf', '`<a href="javascript:alert…` at byte 23')}`,
      `index.mdx:45:1 broken-link ${PDF_DOC('./files/encoded.pdf', '`<a href=" &#106;ava&#x09;…` at byte 23')}`,
      `index.mdx:47:1 broken-link ${PDF_DOC('./files/controls.pdf', "`<a HREF='?? JaVaScRiPt:al…` at byte 23")}`,
      `index.mdx:49:1 broken-link ${PDF_DOC('./files/vbscript.pdf', '`<button formaction=vbscri…` at byte 23')}`,
      `index.mdx:51:1 broken-link ${PDF_DOC('./files/data.pdf', '`<a xlink:href=data:text/h…` at byte 23')}`,
      `index.mdx:53:1 broken-link ${PDF_DOC('./files/values.pdf', '`<animate attributeName=hr…` at byte 23')}`,
      `index.mdx:55:1 broken-link ${PDF_DOC('./files/template.pdf', '`<template>` at byte 23')}`,
      `index.mdx:57:1 broken-link ${PDF_DOC('./files/portal.pdf', '`<portal src=//evil.exampl…` at byte 23')}`,
      `index.mdx:59:1 broken-link ${PDF_DOC('./files/namespaced.pdf', '`<x:script xmlns="http://w…` at byte 23')}`,
      `index.mdx:61:1 broken-link ${PDF_DOC('./files/image.pdf', '`<IMG SRC=//evil.example/x…` at byte 23')}`,
      `index.mdx:63:1 broken-link ${PDF_DOC('./files/noscript.pdf', '`<noscript>` at byte 23')}`,
      `index.mdx:65:1 broken-link ${PDF_DOC('./files/xml-stylesheet.pdf', '`<?xml-stylesheet type="te…` at byte 23')}`,
      `index.mdx:67:1 broken-link ${PLAIN('./files/unknown-tag.txt', '`<x onclick=alert(1)>` on line 1')}`,
      `index.mdx:69:1 broken-link ${PLAIN('./files/end-tag.log', '`</title>` on line 2')}`,
      `index.mdx:71:1 broken-link ${PLAIN('./files/comment.csv', '`<!--x-->` on line 2')}`,
      `index.mdx:73:1 broken-link ${PLAIN('./files/custom.txt', '`<details open ontoggle=al…` on line 2')}`,
      `index.mdx:75:1 broken-link ${CAPTIONS('./files/script.vtt', '`<script>` on line 4')}`,
      `index.mdx:77:1 broken-link ${CAPTIONS('./files/img.vtt', '`<img src=x onerror=alert(…` on line 4')}`,
      `index.mdx:79:1 broken-link ${CAPTIONS('./files/br.vtt', '`<br>` on line 4')}`,
      `index.mdx:81:1 broken-link ${CAPTIONS('./files/cue-class.vtt', '`<c.a onclick=alert(1)>` on line 4')}`,
      `index.mdx:83:1 broken-link ${CAPTIONS('./files/cue-focus.vtt', '`<c onfocus=alert(1) autof…` on line 4')}`,
      `index.mdx:85:1 broken-link ${CAPTIONS('./files/cue-voice.vtt', "`<v Anna?ONMOUSEOVER='aler…` on line 4")}`,
      `index.mdx:87:1 broken-link ${CAPTIONS('./files/cue-no-space.vtt', '`<b.x title="y"onclick=ale…` on line 4')}`,
      `index.mdx:89:1 broken-link ${CAPTIONS('./files/cue-link.vtt', '`<c href=javascript:alert(…` on line 4')}`,
      `index.mdx:91:1 broken-link ${CAPTIONS('./files/cue-end.vtt', '`</script>` on line 4')}`,
      'index.mdx:93:1 broken-link `./files/latin1.vtt` is named `.vtt` but holds captions that are not UTF-8 text (save them as UTF-8); save it as a real `.vtt` file, or give it the extension of what it is',
      `index.mdx:95:1 broken-link ${PDF_DOC('./files/polyglot.pdf', '`<html>` at byte 23')}`,
      `index.mdx:97:1 broken-link ${PDF_DOC('./files/handler.pdf', '`<x onclick=alert(1)>` at byte 23')}`,
      `index.mdx:99:1 broken-link ${ZIP('./files/page.zip', '`<script>` at byte 51')}`,
      `index.mdx:101:1 broken-link ${PDF_DOC('./files/svg-onend.pdf', '`<animate onend=alert(1) a…` at byte 28')}`,
      `index.mdx:103:1 broken-link ${PDF_DOC('./files/set-onend.pdf', '`<set attributeName="x" to…` at byte 28')}`,
      `index.mdx:105:1 broken-link ${PDF_DOC('./files/input-image.pdf', '`<input type=image src=//e…` at byte 23')}`,
      `index.mdx:107:1 broken-link ${PDF_DOC('./files/video-poster.pdf', '`<VIDEO poster="//evil.exa…` at byte 23')}`,
      `index.mdx:109:1 broken-link ${PDF_DOC('./files/source-srcset.pdf', '`<source srcset=//evil.exa…` at byte 32')}`,
      `index.mdx:111:1 broken-image ${PNG('./text-chunk.png', '`<img src=x onerror=alert(…` at byte 49')}`,
      'index.mdx:115:12 broken-image Cannot find video `./files/none.mp4` (looked for `hidden-markup/files/none.mp4`); save the video there, or correct the path',
      `index.mdx:115:45 broken-image ${CAPTIONS('./files/script.vtt', '`<script>` on line 4')}`,
    ]);
  });

  it('refuses captions whose STYLE block could load from another address: `url(`, `@import`, `image(`, `image-set(`, `src(` and CSS escapes, in any case', async () => {
    const dir = join(work, 'captions-style');
    await mkdir(join(dir, 'files'), { recursive: true });
    const CUE = '00:00.000 --> 00:01.000\nHi\n';
    const styled = (css: string) => `WEBVTT\n\nSTYLE\n${css}\n\n${CUE}`;
    const files: Record<string, string> = {
      // Styles that load nothing pass, and so do `url(` in a comment and in a cue's text.
      'files/colours.vtt': styled(
        '::cue { color: yellow; background-color: rgba(0, 0, 0, 0.8); font: bold 1em sans-serif }\n::cue(v[voice="Anna"]) { outline: 1px solid white }',
      ),
      'files/note.vtt': `WEBVTT\n\nNOTE the style once had url(//evil.example/x)\n\n${CUE}`,
      'files/cue-text.vtt': 'WEBVTT\n\n00:00.000 --> 00:01.000\nType url(//example.com) and @import\n',
      'files/url.vtt': styled('::cue { background: url(//evil.example/x) }'),
      'files/upper.vtt': `WEBVTT\n\nSTYLE\t\n::cue {\n  background: URL("https://evil.example/x");\n}\n\n${CUE}`,
      'files/import.vtt': styled('@IMPORT "https://evil.example/a.css";'),
      'files/image.vtt': styled('::cue { background-image: image("https://evil.example/x") }'),
      'files/image-set.vtt': styled('::cue { background-image: -webkit-image-set("https://evil.example/x" 1x) }'),
      'files/src.vtt': styled('::cue { background-image: Src("https://evil.example/x") }'),
      'files/escape.vtt': styled('::cue { background: \\75 rl(//evil.example/x) }'),
      // A STYLE block after a cue, and one in a file of CRLF line endings.
      'files/after-cue.vtt': `WEBVTT\n\n${CUE}\nSTYLE\n::cue { color: red }\n::cue { background: url(//evil.example/x) }\n`,
      'files/crlf.vtt': `WEBVTT\r\n\r\nSTYLE\r\n::cue {\r\n  background: url(//evil.example/x)\r\n}\r\n\r\n${CUE.replace(/\n/g, '\r\n')}`,
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const links = Object.keys(files)
      .map((name) => `[${name}](./${name})`)
      .join('\n\n');
    await writeFile(join(dir, 'files/clip.mp4'), Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'));
    const text = `${links}\n\n::video[v]{src="./files/clip.mp4" title="t" captions="./files/url.vtt"}`;
    const style = (path: string, loads: string, line: number) =>
      `\`${path}\` (WebVTT captions) has a \`STYLE\` block that could load from another address (\`${loads}\` on line ${line}), which a browser would fetch whenever it shows the captions; style cues with colours, fonts and outlines only (\`::cue { color: yellow }\`), with no \`url(\`, \`@import\`, \`image(\`, \`image-set(\`, \`src(\` or backslash escape`;
    expect(await messagesOf('captions-style', inStart(text))).toEqual([
      `index.mdx:13:1 broken-link ${style('./files/url.vtt', 'url(', 4)}`,
      `index.mdx:15:1 broken-link ${style('./files/upper.vtt', 'URL(', 5)}`,
      `index.mdx:17:1 broken-link ${style('./files/import.vtt', '@IMPORT', 4)}`,
      `index.mdx:19:1 broken-link ${style('./files/image.vtt', 'image(', 4)}`,
      `index.mdx:21:1 broken-link ${style('./files/image-set.vtt', 'image-set(', 4)}`,
      `index.mdx:23:1 broken-link ${style('./files/src.vtt', 'Src(', 4)}`,
      `index.mdx:25:1 broken-link ${style('./files/escape.vtt', '\\', 4)}`,
      `index.mdx:27:1 broken-link ${style('./files/after-cue.vtt', 'url(', 8)}`,
      `index.mdx:29:1 broken-link ${style('./files/crlf.vtt', 'url(', 5)}`,
      `index.mdx:31:45 broken-image ${style('./files/url.vtt', 'url(', 4)}`,
    ]);
  });

  it('passes 20 MB of seeded pseudo-random bytes (compressed data) in a PDF: the markup rules do not fire by chance', async () => {
    const dir = join(work, 'random-pdf');
    await mkdir(dir, { recursive: true });
    // xorshift32 from a fixed seed: the same 20 MB on every run, as random as deflate's output.
    const noise = Buffer.alloc(20 * 1024 * 1024);
    let x = 0x2545f491;
    for (let i = 0; i < noise.length; i += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise.writeInt32LE(x | 0, i);
    }
    // The noise holds tags (about 16,000 `<` and a letter), so the tokenizer really reads some.
    expect(noise.toString('latin1').match(/<[A-Za-z]/g)!.length).toBeGreaterThan(10_000);
    const head = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 20971520 /Filter /FlateDecode >>\nstream\n';
    const tail = '\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    await writeFile(join(dir, 'scan.pdf'), Buffer.concat([Buffer.from(head, 'latin1'), noise, Buffer.from(tail, 'latin1')]));
    expect(await messagesOf('random-pdf', inStart('[the scan](./scan.pdf)'))).toEqual([]);
  });

  it('reads no file with a second name (a hard link), and says where a path holds a NUL', async () => {
    const dir = join(work, 'hard-links');
    await mkdir(join(dir, 'files'), { recursive: true });
    await writeFile(join(work, 'secret.txt'), 'DEPLOY_TOKEN=abc\n');
    await link(join(work, 'secret.txt'), join(dir, 'files/notes.txt'));
    await writeFile(join(work, 'outside.mdx'), inStart('Text from outside the guide.'));
    await link(join(work, 'outside.mdx'), join(dir, 'second.mdx'));
    await writeFile(join(dir, 'index.mdx'), inStart('[a](./files/notes.txt) [b](./files/notes.txt%00.pdf)'));
    const { problems, linkedFiles } = await checkGuides([dir]);
    expect(problems.map((p) => `${relative(dir, p.file)}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      'index.mdx:7:1 broken-link `./files/notes.txt` is a hard link (one file with 2 names, which may be outside the guide folder), so it is not read; replace it with a copy of the file',
      'index.mdx:7:24 broken-link `./files/notes.txt\0.pdf` holds a NUL character (`%00`), which no file name holds; correct the path',
      'second.mdx:1:1 unreadable-file This file is a hard link (one file with 2 names, which may be outside the guide folder), so it is not read; replace it with a copy of the file',
    ]);
    expect(linkedFiles.size).toBe(0);
  });

  it('serves only the bytes check passed: a file changed, or swapped for a link out, after check is not published', async () => {
    const dir = join(work, 'swapped');
    await mkdir(join(dir, 'files'), { recursive: true });
    await writeFile(join(dir, 'files/a.pdf'), PDF);
    await writeFile(join(dir, 'files/b.txt'), 'Some notes.\n');
    await writeFile(join(dir, 'files/c.mp4'), Buffer.from('000000186674797069736f6d0000000069736f6d6d703432', 'hex'));
    await writeFile(join(dir, 'index.mdx'), inStart('[a](./files/a.pdf) [b](./files/b.txt) [c](./files/c.mp4)'));
    const { problems, linkedFiles } = await checkGuides([dir]);
    expect(problems).toEqual([]);
    const files = new GuideFiles(new SitePaths('/help/'), linkedFiles);
    const urls = ['a.pdf', 'b.txt', 'c.mp4'].map((name) => files.url(join(dir, 'files', name), dir));
    expect(urls.map((url) => url.replace(/[0-9a-f]{12}/, '<hash>'))).toEqual([
      '/help/_signpost/download/<hash>/a.pdf',
      '/help/_signpost/download/<hash>/b.txt',
      '/help/_signpost/<hash>/c.mp4',
    ]);
    // A file check never passed gets no URL that serves anything.
    expect(files.url(join(dir, 'files/other.pdf'), dir)).toBe('/help/_signpost/missing/other.pdf');
    const served = await files.served();
    expect([...served.keys()]).toEqual(urls);
    const out = join(work, 'swapped-out');
    await copyServedFiles(served, out, '/');
    expect(await readFile(join(out, urls[0]!.slice(1)), 'utf8')).toBe(PDF);
    expect(servedHeaders(served.get(urls[0]!)!)).toEqual({
      'Content-Type': 'application/pdf',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Content-Disposition': 'attachment',
    });
    expect(servedHeaders(served.get(urls[2]!)!)).toEqual({
      'Content-Type': 'video/mp4',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
    });
    // Changed after check: refused, and not written.
    await writeFile(join(dir, 'files/b.txt'), '<script>alert(1)</script>\n');
    await rm(join(dir, 'files/a.pdf'));
    await symlink('/etc/passwd', join(dir, 'files/a.pdf'));
    for (const url of urls.slice(0, 2)) {
      const one = new Map([[url, served.get(url)!]]);
      await expect(copyServedFiles(one, join(work, 'swapped-again'), '/')).rejects.toThrow(
        /changed while the site was built: it is not the file `signpost check` passed, so it is not published\.$/,
      );
      await expect(readServedFile(one, url)).rejects.toThrow(/changed while the site was built/);
    }
    expect(readdirSync(work)).not.toContain('swapped-again');
  });

  it('refuses a linked file past 100 MB from its size, without reading it', async () => {
    const dir = join(work, 'big-file');
    await mkdir(dir, { recursive: true });
    const handle = await open(join(dir, 'video.mp4'), 'w');
    await handle.truncate(LIMITS.linkedFileBytes + 1);
    await handle.close();
    expect(await messagesOf('big-file', inStart('::video[Demo]{src="./video.mp4" title="A demo"}'))).toEqual([
      'index.mdx:7:15 limit-exceeded `./video.mp4` is 100.0 MB; a file a guide links to or shows may hold at most 100 MB: make it smaller, or publish it elsewhere and link to its address',
    ]);
  });

  it('refuses javascript:, data: and vbscript: in every URL attribute of every component, at the attribute', async () => {
    const dir = join(work, 'component-urls');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'index.mdx'),
      inStart(
        '::screenshot[A]{src="javascript:alert(1)" alt="a"}\n\n::image[B]{src="data:image/png;base64,AAAA" alt="b"}\n\n' +
          '::video[C]{src="java\tscript:alert(1)" title="c" poster="vbscript:msgbox" captions="javascript:x"}\n\n' +
          'Get :promo[the offer]{href="javascript:alert(document.cookie)" label="javascript:void(0)" note="Note: free"}',
      ),
    );
    const components = new Map([['promo', z.object({ href: z.string(), label: z.string(), note: z.string() })]]);
    const { problems } = await checkGuides([dir], { components });
    const policy = 'whose protocol pages may not carry; use `http:`, `https:`, `mailto:`, `tel:` or a relative URL';
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      `7:17 unsafe-url \`src\` of \`screenshot\` is the URL \`javascript:alert(1)\`, ${policy}`,
      `9:12 unsafe-url \`src\` of \`image\` is the URL \`data:image/png;base64,AAAA\`, ${policy}`,
      `11:12 unsafe-url \`src\` of \`video\` is the URL \`java\\tscript:alert(1)\`, ${policy}`,
      `11:49 unsafe-url \`poster\` of \`video\` is the URL \`vbscript:msgbox\`, ${policy}`,
      `11:74 unsafe-url \`captions\` of \`video\` is the URL \`javascript:x\`, ${policy}`,
      `13:23 unsafe-url \`href\` of \`promo\` is the URL \`javascript:alert(document.cookie)\`, ${policy}`,
      `13:64 unsafe-url \`label\` of \`promo\` is the URL \`javascript:void(0)\`, ${policy}`,
    ]);
  });
});
