/**
 * The native fast path (native-parse.ts) gives micromark's tree, every node, place and
 * attribute, wherever it gives a tree at all: on every guide file in the repository, on
 * random guides built from the syntax writers use and the typos they make, and on random
 * directive openings, which it reads by a grammar of its own. Where it could differ it must
 * decline, and micromark parses the file as before. A new release of the directive grammar it
 * follows fails the hash test, until the reading has been compared with it again. `NATIVE_RUNS=20000 npx
 * vitest run tests/check/native-parse.test.ts` runs longer; `NATIVE_SEED` tries other inputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { synthesize, synthesizeRealistic } from '../../bench/generate.ts';
import { scanLimits } from '../../plugins/signpost/src/core/parse/limits.ts';
import { parseNative } from '../../plugins/signpost/src/core/parse/native-parse.ts';
import { mdxParser } from '../../plugins/signpost/src/core/parse/processor.ts';
import { GUIDE_TOKENS, typos } from '../hostile/hostile-inputs.ts';

const RUNS = Number(process.env['NATIVE_RUNS'] ?? 5000);
const SEED = Number(process.env['NATIVE_SEED'] ?? 20261127);
const ROOT = new URL('../../', import.meta.url).pathname;

/** The tree as a plain value: micromark's expressions also carry an estree nothing reads. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'data') {
      const { estree: _estree, ...data } = inner as Record<string, unknown>;
      if (Object.keys(data).length > 0) out[key] = plain(data);
    } else {
      out[key] = plain(inner);
    }
  }
  return out;
}

/** The tree as text, keys in order: the same tree gives the same text. */
function comparable(tree: unknown): string {
  return JSON.stringify(plain(tree), (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
}

/** Whether the fast path gave a tree, and if so that it is micromark's. */
function compare(text: string): 'native' | 'declined' | 'limit' {
  if (scanLimits(text)) return 'limit';
  const native = parseNative(text);
  if (!native) return 'declined';
  expect(() => mdxParser.parse(text), 'micromark refuses what the fast path read').not.toThrow();
  expect(comparable(native)).toBe(comparable(mdxParser.parse(text)));
  return 'native';
}

/** The guide files under `dir`, outside installed packages and build output. */
async function guideFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names.filter((name) => name.endsWith('.mdx') && !/(^|\/)(node_modules|dist|\.astro)\//.test(name)).map((name) => join(dir, name));
}

/** The guide pieces of the fuzz test, and the Markdown the two parsers might read apart. */
const TOKENS = [
  ...GUIDE_TOKENS,
  '!',
  '?',
  '.',
  ',',
  '-',
  '**',
  '***',
  '__',
  '~',
  '~~',
  '~~~',
  '===',
  '# ',
  '## ',
  '|',
  '&#35;',
  '&copy',
  '    ',
  'b c',
  'to=x',
  '{text}',
  '{number}',
  '{a b}',
  '\\{',
  '\\}',
  '\\\\{',
  '::match[',
  '::example[',
  '\n:::\n',
  '\n::::\n',
  '\n```\n',
  '\n    ',
  '[l](#a "t")',
  '[r]',
  '[r]: /u',
  '[^1]',
  '[^1]: n',
  'https://e.com',
  'www.e.com',
  'a@b.co',
  '* ',
  '+ ',
  '2) ',
  '- [ ] ',
  '- [x] ',
];

/**
 * Pieces of a directive's opening: names, labels and attribute blocks, mostly well written
 * (the fast path reads those), some badly (it must decline those, or read them as micromark).
 */
const NAME = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('note', 'step', 'a-b', 'a_b', 'x1', 'é') },
  { weight: 1, arbitrary: fc.constantFrom('a-', '_a', 'a.b', 'a:b', '🚨', '-', '') },
);
const LABEL = fc
  .array(fc.constantFrom('a', ' b', 'c ', '*b*', '[d]', ']', '[', '\\]', '`c`', '&amp;', '&#35;', '\n', 'x y', ':t'), { maxLength: 5 })
  .map((parts) => `[${parts.join('')}]`);
const ATTRIBUTE = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '#id',
      '.cls',
      '#a.b',
      'a=b',
      'a="b c"',
      "a='b'",
      'class=c',
      'title="T"',
      'a.b:c-d_e=f',
      'é=1',
      'to="x"',
      ' ',
      '  ',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '#',
      '.',
      'a=',
      '=b',
      'a',
      '\n',
      '&amp;',
      'a="x&quot;y"',
      'a=x&amp;y',
      '__proto__=x',
      'constructor',
      '"',
      "'",
      '<',
      '`',
      '{',
      'a = b',
    ),
  },
);
const ATTRIBUTES = fc
  .tuple(
    fc.array(ATTRIBUTE, { maxLength: 6 }),
    fc.oneof({ weight: 6, arbitrary: fc.constant('}') }, { weight: 1, arbitrary: fc.constant('') }),
  )
  .map(([parts, end]) => `{${parts.join(' ')}${end}`);
const OPENING = fc
  .tuple(NAME, fc.option(LABEL, { nil: '' }), fc.option(ATTRIBUTES, { nil: '' }), fc.constantFrom('', '', ' ', 'x', ' {y}'))
  .map(([name, label, attributes, after]) => `${name}${label}${attributes}${after}`);
/** One directive of each form around a random opening. */
const DIRECTIVE = fc
  .tuple(fc.constantFrom('text', 'leaf', 'container'), OPENING)
  .map(([form, opening]) => (form === 'text' ? `a :${opening} b\n` : form === 'leaf' ? `::${opening}\n` : `:::${opening}\nx\n:::\n`));

/**
 * The files of micromark-extension-directive and mdast-util-directive that the fast path's
 * reading of openings (`readOpening` and the functions after it in native-parse.ts) follows:
 * a new release of either changes a hash here, and the reading must be compared with it again.
 */
const DERIVED_FROM: Record<string, string> = {
  'micromark-extension-directive/lib/factory-name.js': '673b0da6a91b0f110b16d43bfc219eb4fc9a6be30996d657bd6c226e5bb33a2a',
  'micromark-extension-directive/lib/factory-label.js': '2c311d09f5442ca51af0f4c4d5b43627bb29f2ff708fb13552db583cf87051e7',
  'micromark-extension-directive/lib/factory-attributes.js': 'a93072b0e81b17f01caed52104af82ae433180fa5d4c64822e65e267383dc599',
  'micromark-extension-directive/lib/directive-text.js': '98911d097589003e71cd11141110987779173839f9ea86f046cc5d956855b418',
  'micromark-extension-directive/lib/directive-leaf.js': '5051f5a4c4b1f08f79bb3c3b433bbe1ee1077a326179f4fb0b8250ef1c2dc845',
  'micromark-extension-directive/lib/directive-container.js': '7474a0005aac88e6ae01afe46f32c94af0256ca45c7a1ccdea90c6b980aa741d',
  'mdast-util-directive/lib/index.js': 'de1e218a5cacf3f2b3746d7d6048f6b65f17cbe87e9ace9ad7c7003d241531b0',
};

/** Text inside a line: the inline markup of guides, and what literal autolinks, MDX and tables read. */
const INLINE = fc.constantFrom(
  'a',
  'b c',
  '`code`',
  '`a|b`',
  '``a`b``',
  '` `',
  '`~/.ssh`',
  '`{x}`',
  '`<a>`',
  '*em*',
  '**strong**',
  '_u_',
  '[l](https://e.com/a~b)',
  '[l](#x "t")',
  '[l](<a b>)',
  '[`c`](https://e.com)',
  '[https://e.com](/x)',
  '![i](x.png)',
  '[r]',
  'git@github.com',
  'git@github.com:OWNER/r.git',
  'git@github.com: no',
  'a.b+c@d-e.co',
  'a@b.co.',
  'a@b.co_',
  'a@b.c1',
  'x@y',
  '@ w @',
  '(a@b.co)',
  '<kbd>Enter</kbd>',
  '<kbd>a *b*</kbd>',
  '<kbd></kbd>',
  '<b>x</b>',
  '<kbd>',
  '~/.ssh',
  '~a~',
  'https://e.com',
  'www.e.com',
  '\\[',
  '\\]',
  '\\|',
  '\\*',
  '\\`',
  '\\\\',
  '\\',
  '\\{',
  '\\}',
  '{text}',
  '{',
  '}',
  '|',
  ':',
  ':a',
  'é',
  '&amp;',
  ' ',
  '  ',
  '\t',
  '<',
  '>',
);
const inline = fc.array(INLINE, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

/** A line of code: what would mean something outside it. */
const CODE_LINE = fc.constantFrom(
  'x',
  'a | b',
  '{x}',
  '<a>',
  '</kbd>',
  'git@github.com',
  'https://e.com',
  '~/.ssh',
  ':::',
  '::::',
  '  :::',
  '```',
  '~~~',
  '````',
  '~~~~',
  '    y',
  '',
  ' ',
  '\t',
  '- a',
  '| a |',
  '\\',
  '[x]: /u',
  '::note',
);

/**
 * A fenced code block: backticks or tildes, three to five, an info string and meta, indented
 * 0 to 4 spaces, closed by a longer, shorter, differently indented or no fence.
 */
const FENCE = fc
  .record({
    indent: fc.constantFrom('', '', ' ', '  ', '   ', '    '),
    mark: fc.constantFrom('`', '~'),
    length: fc.integer({ min: 3, max: 5 }),
    info: fc.constantFrom('', '', 'sh', 'sh meta x', 'js {1,3}', ' sh ', 'a`b', '~x', 'powershell title="a b"', '{x}'),
    body: fc.array(CODE_LINE, { maxLength: 4 }),
    close: fc.constantFrom('same', 'same', 'same', 'longer', 'shorter', 'none', 'other'),
    closeIndent: fc.constantFrom('same', 'same', '', ' ', '    '),
  })
  .map(({ indent, mark, length, info, body, close, closeIndent }) => {
    const open = `${indent}${mark.repeat(length)}${info}`;
    const lines = body.map((line) => (line ? indent + line : line));
    const fenceLength = close === 'longer' ? length + 1 : close === 'shorter' ? length - 1 : length;
    const fenceMark = close === 'other' ? (mark === '`' ? '~' : '`') : mark;
    const closing = close === 'none' ? [] : [`${closeIndent === 'same' ? indent : closeIndent}${fenceMark.repeat(fenceLength)}`];
    return [open, ...lines, ...closing].join('\n');
  });

/** A cell of a table. */
const CELL = fc.constantFrom(
  'a',
  'b c',
  '`c`',
  '*e*',
  '\\|',
  'a\\|b',
  '`a\\|b`',
  '',
  ' ',
  '[l](https://e.com)',
  'git@github.com',
  '{text}',
  '<kbd>x</kbd>',
  '~/.ssh',
  '**s**',
  'é',
);

/** A GFM table: with or without its outer pipes, aligned, with fewer or more cells in a row. */
const TABLE = fc
  .record({
    lead: fc.boolean(),
    trail: fc.boolean(),
    head: fc.array(CELL, { minLength: 1, maxLength: 3 }),
    align: fc.array(fc.constantFrom('-', '---', ':-', '-:', ':-:', ' --- ', ':--'), { minLength: 1, maxLength: 3 }),
    rows: fc.array(fc.array(CELL, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    indent: fc.constantFrom('', '', ' ', '   '),
  })
  .map(({ lead, trail, head, align, rows, indent }) => {
    const row = (cells: string[]) => `${indent}${lead ? '| ' : ''}${cells.join(' | ')}${trail ? ' |' : ''}`;
    const delimiter = head.map((_, index) => align[index % align.length]!);
    return [row(head), row(delimiter), ...rows.map(row)].join('\n');
  });

/** A leaf directive as guides write them, braces in a pattern among them. */
const LEAF = fc.constantFrom(
  '::match{regex="a{3}"}',
  '::match{regex="(?:RSA|ECDSA) [\\w+/]{43}"}',
  '::match{regex=\'"a{2,}\\.\' within="x"}',
  '::match{regex="a{3}" within="b{"}',
  '::match{regex="x{2}"} tail',
  '::match{regex="a{3}" b}',
  '::match[x]{regex="{"}',
  '::match{regex="a{3}',
  '::match{regex="}"}',
  '::example[git@github.com: Permission denied (publickey).]',
  '::example[@    WARNING    @]',
  "::example[host '\\[ssh.github.com\\]:443' x]",
  '::alias[a `b|c` d]',
  '::match[Error {number}]',
);

/** Blocks of guides, nested in containers and list items. */
const { block: BLOCK } = fc.letrec<{ block: string; container: string; item: string }>((tie) => ({
  block: fc.oneof(
    { weight: 4, arbitrary: inline },
    { weight: 4, arbitrary: FENCE },
    { weight: 3, arbitrary: TABLE },
    { weight: 2, arbitrary: LEAF },
    { weight: 2, arbitrary: fc.constantFrom('---', '# h', '> q', '> ```\n> x', '[r]: https://e.com/~a', '<kbd>x</kbd>', '{/* c */}') },
    { weight: 1, arbitrary: tie('container') },
    { weight: 1, arbitrary: tie('item') },
  ),
  container: fc
    .tuple(
      fc.constantFrom(':::note', '::::step{#a title="T"}', ':::caution', ':::option{to="x"}'),
      fc.array(tie('block'), { maxLength: 3 }),
    )
    .map(([opening, blocks]) => {
      const colons = /^:+/.exec(opening)![0];
      return `${opening}\n${blocks.join('\n\n')}\n${colons}`;
    }),
  item: fc
    .tuple(
      fc.constantFrom('- ', '* ', '1. ', '10) '),
      fc.array(tie('block'), { minLength: 1, maxLength: 2 }),
      fc.constantFrom(0, 0, 0, -1, 1),
    )
    .map(([marker, blocks, shift]) => {
      const indent = ' '.repeat(Math.max(0, marker.length + shift));
      const lines = blocks.join('\n\n').split('\n');
      return [marker + lines[0], ...lines.slice(1).map((line) => (line ? indent + line : line))].join('\n');
    }),
}));

/** A guide file of those blocks, some separated by blank lines, some not. */
const STRUCTURED = fc
  .array(fc.tuple(BLOCK, fc.constantFrom('\n\n', '\n\n', '\n')), { minLength: 1, maxLength: 6 })
  .map((blocks) => `${blocks.map(([block, gap]) => block + gap).join('')}`);

/** The shipped SSH guide's files, with typos: cuts, doubled slices, pieces typed in. */
const SSH_FILES = ['access', 'agent', 'host-keys', 'index', 'keys', 'network', 'permission-denied', 'setup'].map((name) =>
  readFileSync(join(ROOT, 'guide/ssh-connection', `${name}.mdx`), 'utf8'),
);
const SSH_MUTATED = fc
  .tuple(
    fc.constantFrom(...SSH_FILES),
    fc.array(
      fc.record({
        at: fc.nat(),
        length: fc.nat({ max: 20 }),
        insert: fc.oneof(INLINE, CODE_LINE, fc.constantFrom('\n', '\n\n', '```', '~~~', ':::', '|', '  ', '\n- ')),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([base, edits]) =>
    edits.reduce((text, edit) => {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.insert + text.slice(at + edit.length);
    }, base),
  );

describe('the native fast path', () => {
  it("gives micromark's tree for every guide file in the repository where it gives one", async () => {
    const counts = { native: 0, declined: 0, limit: 0 };
    for (const path of [...(await guideFiles(join(ROOT, 'guide'))), ...(await guideFiles(join(ROOT, 'tests')))]) {
      counts[compare(await readFile(path, 'utf8'))]++;
    }
    // Most clean guides are read natively; the hostile and broken ones are declined.
    expect(counts.native).toBeGreaterThan(50);
    expect(counts.declined).toBeGreaterThan(20);
  });

  it('reads every file of the shipped guides natively, node for node as micromark', async () => {
    const files = await guideFiles(join(ROOT, 'guide'));
    expect(files.length).toBeGreaterThan(10);
    for (const path of files) expect(compare(await readFile(path, 'utf8')), path).toBe('native');
  });

  it('reads the benchmark guide natively, node for node as micromark', () => {
    const nodes = synthesize(200).nodes;
    const text = `---\ntitle: T\nstart: n0\n---\n\n${nodes.map((node) => node.mdx).join('\n\n')}\n`;
    expect(compare(text)).toBe('native');
  });

  it('reads the realistic benchmark guide natively, node for node as micromark', () => {
    // Code, tables in containers closed right after their last row, long questions, patterns.
    const nodes = synthesizeRealistic(60).nodes;
    const text = `---\ntitle: T\nstart: ${nodes[0]!.id}\n---\n\n${nodes.map((node) => node.mdx).join('\n\n')}\n`;
    expect(compare(text)).toBe('native');
  });

  it('reads escaped braces as micromark does', () => {
    // MDX's way to write a brace in text: a message that quotes an object.
    for (const text of ['::example[Message \\{ name: x \\} y]\n', ':::error{#a}\n::example[x \\{ y \\}]\n:::\n', 'a\\{b\\}c **\\{**\n']) {
      expect(compare(text), JSON.stringify(text)).toBe('native');
    }
    // A brace after an escaped backslash is an expression's.
    expect(parseNative('a \\\\{b}\n')).toBeUndefined();
  });

  it("reads braces in a leaf directive's quoted values as micromark does", () => {
    // Sätteri would read them as an expression, and refuse the file where it is no JavaScript:
    // it is given them masked, and the attributes are read from the text as written.
    for (const text of [
      '::match{regex=\'(?<=socket ")[^"]*\\.s\\.PGSQL\\.\\d{1,5}" failed\' within="start"}\n',
      ':::error{#a}\n::match{regex="a{3}"}\n::example[aaa]\n:::\n',
      '::match{regex="a{3}"}\n- 10) a\n',
    ]) {
      expect(compare(text), JSON.stringify(text)).toBe('native');
    }
    // In code, the line is code: the file is declined rather than read with its braces masked.
    expect(parseNative('```\n::match{regex="a{3}"}\n```\n')).toBeUndefined();
  });

  it('reads tabs in text and in code as micromark does', () => {
    // Pasted output holds them: psql prints its hints after a tab.
    for (const text of [
      '::example[\tIs the server running on that host?]\n',
      ':::error{#a}\n::example[\tx y]\n:::\n',
      'a\tb c\n',
      '```go\nfunc a() {\n\treturn 1\n}\n```\n',
      '::::step{#s}\n```\n\tx\n```\n::::\n',
      '| a\t| b |\n| - | - |\n| c\t| d |\n',
    ]) {
      expect(compare(text), JSON.stringify(text)).toBe('native');
    }
  });

  it("closes a container at a fence right after a table's last row, as micromark does", () => {
    // Sätteri reads the fence as one more row, and the container goes on.
    for (const text of [
      '::::note{#x}\n| a | b |\n| - | - |\n| c | d |\n::::\n\nafter\n',
      ':::note\n| a |\n| - |\n:::\n:::note\n| b |\n| - |\n| c |\n:::\n\n| d |\n| - |\n',
      '::::step{#a}\n:::reason\n| a |\n| - |\n| b |\n:::\n::::\n',
      '::::step{#a}\n:::reason\n| a |\n| - |\n| b |\n   :::\n::::\n',
      // Colons after a pipe in code, which close nothing, beside a table that a fence closes.
      '```\na | b\n:::\n```\n\n:::note\n| a |\n| - |\n:::\n',
    ]) {
      expect(compare(text), JSON.stringify(text)).toBe('native');
    }
    // A fence too short to close the container is a row in both; a table in a list item is
    // not read again (a blank line there could part the list), nor one outside containers.
    for (const text of [
      '::::note\n| a |\n| - |\n:::\n::::\n',
      ':::note\n- x\n\n  | a |\n  | - |\n:::\n',
      '- :::note\n  | a\n  | -\n  :::\n\n',
      '| a |\n| - |\n:::\n',
    ]) {
      expect(compare(text), JSON.stringify(text)).not.toBe('limit');
    }
  });

  it('declines where the two parsers differ', () => {
    for (const text of [
      // A fence of four closes the container of three around its own (micromark), not its own.
      ':::error{#a}\n::::reason\nx\n::::\ny\n:::\n',
      // A container left open, a fence in code inside one, a fence closing nothing.
      '::::step{#a}\ntext\n',
      ':::step{#a}\n```\nx\n:::\n',
      'text\n:::\n',
      // A fence read as the text of a container's last child; code in a list never closed.
      ':::note\n[r]: /u::x\n:::\n',
      '::::reason\n- ```a\n::::\n',
      // A lazy line inside a container in a list item.
      '- a\n\n  :::note\n  b\nlazy\n  :::\n',
      // Expressions that are text in micromark, blocks in Sätteri: two on a line, one after
      // list markers and a task box.
      '{/* c */}{text}\n',
      '2) - [ ] {text}\n',
      // Emphasis beside a character outside the BMP.
      'a*🚨* b\n',
      // A text directive's label that would run past its paragraph.
      'a :link[b\n\nc] d\n',
      // A label never closed, spaces at a label's end or after a leaf directive.
      '::example[x\n',
      '::example[x ]\n',
      '::fix  \n',
      // A text directive micromark reads and Sätteri does not.
      'a :🚨 b\n',
      // An empty list item after a thematic break; emphasis runs that touch.
      '---\n\n*\n',
      '*a _*a _x_ a*_ a*\n',
      // Task lists, literal autolinks, footnotes, MDX, escapes.
      '- [ ] www.e.com\n',
      'see https://e.com/a\n',
      'a[^1]\n\n[^1]: n\n',
      'a <kbd class="k">b</kbd>\n',
      'a \\: b\n',
      // An element alone on its line (a paragraph's in micromark); a pipe outside a table.
      '<kbd>x</kbd>\n',
      'a | b\n',
      // A backtick in a table's row that opens no code in that row: Sätteri reads the next
      // row's directive as code.
      '| a |\n| - |\n| `b |\n| c:x` |\n',
      // A half of a surrogate pair alone, which Sätteri reads as U+FFFD (after a colon: a
      // directive's name in micromark).
      'see :\uDEA8the card\n',
      'a \uD83D b\n',
      // A table's row that Sätteri builds without cells, after an element opened in its head.
      'a | a\n ---  | -\na<kbd>\n\n\\<kbd>a *b*</kbd>a\n\n',
      // Tabs: after a colon (a directive's name in micromark), before a line's text, after a
      // list's marker.
      ':\ta\n',
      'x:\ta b\n',
      ':\n\t::example[\n',
      '[r]: /u\n```\n```\n\n- \t\n\n',
      // A text directive after code that holds a backtick: Sätteri reads text.
      '``a`b``:a`c`\n',
      'x ``a`b`` y\nz :a\n',
      // Emails that are not plain: a dot or a hyphen after, a letter before.
      'see a@b.co.\n',
      'see a@b.co-x\n',
      'éa@b.co\n',
      '[a@b.co\n',
      '[lang: a@b.co\n',
      'link::match[+ a@b.co\n',
      // Escaped emphasis marks, read apart.
      '\\**a**\n',
      // A table's head after a list item's table, a lazy line in micromark.
      '- a\n  :-:\na\n-:\n',
      // A backtick in an attribute: Sätteri pairs it with one after it, in text or in another
      // attribute, and reads no directive between them.
      ':::note{t="```"}\n:e```\n:::\n',
      '::a{t="`"}\nb:c\n::d{t="`"}\n',
      // In a container: a code fence never closed, one closed by a fence indented otherwise.
      ':::note\n```\na\n:::\n',
      ':::note\n- ```\n  a\n ```\n:::\n',
      '- ```\n - a\n',
      // A first line of dashes that opens no frontmatter: a paragraph follows in micromark.
      '---\n\n- a\n',
    ]) {
      expect(parseNative(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it(`reads ${RUNS} random directive openings as micromark does, where it reads them`, () => {
    let native = 0;
    fc.assert(
      fc.property(fc.array(DIRECTIVE, { minLength: 1, maxLength: 2 }), (directives) => {
        if (compare(directives.join('\n')) === 'native') native++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most openings are read; the others are declined, and micromark reads them.
    expect(native).toBeGreaterThan(RUNS / 10);
  }, 300_000);

  it('follows the directive grammar of the micromark release installed', async () => {
    for (const [file, sha256] of Object.entries(DERIVED_FROM)) {
      const source = await readFile(join(ROOT, 'node_modules', file));
      expect(createHash('sha256').update(source).digest('hex'), `${file} changed: compare readOpening in native-parse.ts with it`).toBe(
        sha256,
      );
    }
  });

  it(`gives micromark's tree for ${RUNS} random and mutated guides where it gives one`, () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join(''));
    const mutated = typos(TOKENS, { cut: 30, typed: 6, edits: 5 });
    let native = 0;
    fc.assert(
      fc.property(fc.oneof(soup, mutated), (text) => {
        if (compare(text) === 'native') native++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The comparison ran on a good share of them.
    expect(native).toBeGreaterThan(RUNS / 10);
  }, 300_000);

  it(`gives micromark's tree for ${RUNS} random guides of code, tables, lists and directives where it gives one`, () => {
    let native = 0;
    fc.assert(
      fc.property(STRUCTURED, (text) => {
        if (compare(text) === 'native') native++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(native).toBeGreaterThan(RUNS / 10);
  }, 300_000);

  it(`gives micromark's tree for ${RUNS / 10} typos in the shipped SSH guide where it gives one`, () => {
    let native = 0;
    fc.assert(
      fc.property(SSH_MUTATED, (text) => {
        if (compare(text) === 'native') native++;
      }),
      { numRuns: RUNS / 10, seed: SEED },
    );
    expect(native).toBeGreaterThan(RUNS / 100);
  }, 300_000);
});
