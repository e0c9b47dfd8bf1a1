import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGuides, type Problem } from '../../plugins/signpost/src/core/index.ts';
import { FIXTURES } from './helpers.ts';

// The commonest slips, each reported once, at the character the writer typed, in plain words,
// with the fix an editor offers (tests/check/fixtures/advice/<case>/index.mdx). Applying the
// fix leaves a guide that passes.

const work = await mkdtemp(join(tmpdir(), 'signpost-advice-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function problemsOf(name: string, dir = join(FIXTURES, 'advice', name)): Promise<Problem[]> {
  return (await checkGuides([dir])).problems;
}

/** `line:column-endLine:endColumn [rule] message`, and the fixes, for one problem. */
function shown(problem: Problem): string {
  const end = problem.endLine === undefined ? '' : `-${problem.endLine}:${problem.endColumn}`;
  return `${problem.line}:${problem.column}${end} [${problem.rule}] ${problem.message}`;
}

/** The guide with the first fix applied: `expected[0]` replaces the problem's place. */
async function fixed(name: string, problem: Problem): Promise<string> {
  const copy = join(work, name);
  await cp(join(FIXTURES, 'advice', name), copy, { recursive: true });
  const path = join(copy, relative(join(FIXTURES, 'advice', name), problem.file));
  const text = await readFile(path, 'utf8');
  const offset = (line: number, column: number) => {
    const starts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
    return starts[line - 1]! + column - 1;
  };
  const from = offset(problem.line, problem.column);
  const to = offset(problem.endLine!, problem.endColumn!);
  await writeFile(path, text.slice(0, from) + problem.expected![0] + text.slice(to));
  return copy;
}

describe('right place, right advice', () => {
  it('an unclosed ::::question is reported once, at the question, saying where its fence belongs', async () => {
    const problems = await problemsOf('unclosed-question');
    expect(problems.map(shown)).toEqual([
      '6:1-6:45 [syntax-error] Question `entity` is never closed, so error card `agency` on line 14 is read as inside it; end it with a line of `::::` before line 14',
    ]);
    // The advice, followed, is the whole fix.
    const copy = join(work, 'unclosed-question');
    await cp(join(FIXTURES, 'advice', 'unclosed-question'), copy, { recursive: true });
    const lines = (await readFile(join(copy, 'index.mdx'), 'utf8')).split('\n');
    lines.splice(13, 0, '::::', '');
    await writeFile(join(copy, 'index.mdx'), lines.join('\n'));
    expect((await problemsOf('', copy)).map(shown)).toEqual([]);
  });

  it('a stray { is reported at its own line and column, with `\\{` as the fix', async () => {
    const [problem, ...rest] = await problemsOf('stray-brace');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe(
      '7:10-7:11 [syntax-error] This `{` is never closed: MDX reads `{` as the start of code; write `\\{` for the brace itself',
    );
    expect(problem!.expected).toEqual(['\\{']);
    expect(await problemsOf('', await fixed('stray-brace', problem!))).toEqual([]);
  });

  it('braces that are not code are reported at the `{`, not inside them where acorn stopped', async () => {
    const [problem, ...rest] = await problemsOf('brace-not-code');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe(
      '7:8-7:9 [syntax-error] MDX reads `{name here}` as code, and it is not; write `\\{` for a brace, or `{/* … */}` for a comment',
    );
    expect(await problemsOf('', await fixed('brace-not-code', problem!))).toEqual([]);
  });

  it('a bare < is reported at the <, in plain words, not at the character after it in parser jargon', async () => {
    const [problem, ...rest] = await problemsOf('less-than');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe(
      '8:7-8:8 [syntax-error] MDX reads `<=` as the start of an element (a tag); write `\\<` for the `<` itself',
    );
    expect(problem!.expected).toEqual(['\\<']);
    expect(await problemsOf('', await fixed('less-than', problem!))).toEqual([]);
  });

  it('an <https://…> link is reported over the whole link, proposing the bare address', async () => {
    const [problem, ...rest] = await problemsOf('autolink');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe(
      '7:5-7:19 [syntax-error] MDX has no `<…>` links; write the address as it is (`https://x.io`) or as `[text](https://x.io)`',
    );
    expect(problem!.expected).toEqual(['https://x.io']);
    // The next slip on the line comes to light once this one is fixed.
    expect((await problemsOf('', await fixed('autolink', problem!))).map(shown)).toEqual([
      '7:37-7:38 [syntax-error] MDX reads `{x y}` as code, and it is not; write `\\{` for a brace, or `{/* … */}` for a comment',
    ]);
  });

  it('a closing tag that does not match names the opening one, as a related place and the fix', async () => {
    const [problem, ...rest] = await problemsOf('closing-tag');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe('9:15-9:19 [syntax-error] Closing tag `</i>` does not match `<kbd>` (line 9, column 6); write `</kbd>`');
    expect(problem!.related).toEqual([
      { file: problem!.file, line: 9, column: 6, endLine: 9, endColumn: 11, message: 'the opening `<kbd>`' },
    ]);
    expect(await problemsOf('', await fixed('closing-tag', problem!))).toEqual([]);
  });

  it('a file saved as UTF-16 is unreadable-file, "save it as UTF-8", not limit-exceeded', async () => {
    expect((await problemsOf('utf-16')).map(shown)).toEqual([
      '1:1 [unreadable-file] This file is saved as UTF-16; save it as UTF-8 (in most editors: Save with Encoding, UTF-8)',
    ]);
  });

  it('{#Private Owner} is one error proposing `#private-owner`, and the answer to it is not reported too', async () => {
    const [problem, ...rest] = await problemsOf('id-with-space');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe(
      '15:17-15:31 [invalid-id] Id `Private Owner` has a space, and an id ends at the first space; write it as a lowercase slug: `#private-owner`',
    );
    expect(problem!.expected).toEqual(['#private-owner']);
    expect(await problemsOf('', await fixed('id-with-space', problem!))).toEqual([]);
  });

  it('support: hello@x.io says what a support contact is, and moves the address under `email:`', async () => {
    const [problem, ...rest] = await problemsOf('support-value');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe(
      '4:10-4:20 [invalid-attribute] `support` takes the contact on the lines below it, as `email:` or `url:`; write `support:`, then `  email: hello@x.io` on the next line',
    );
    expect(problem!.expected).toEqual(['\n  email: hello@x.io']);
    expect(await problemsOf('', await fixed('support-value', problem!))).toEqual([]);
  });

  it('titel: is one error proposing `title`, read as the title meanwhile (no second "no title")', async () => {
    const [problem, ...rest] = await problemsOf('misspelt-field');
    expect(rest).toEqual([]);
    expect(shown(problem!)).toBe('2:1-2:6 [invalid-attribute] Unknown field `titel`; did you mean `title`?');
    expect(problem!.expected).toEqual(['title']);
    expect(await problemsOf('', await fixed('misspelt-field', problem!))).toEqual([]);
  });
});
