/**
 * Editors and remark: `signpost/remark` run through unified-engine (what remark-cli and the
 * remark language server run) reports the same problems as `check`, with the rule's url and
 * the fix the language server offers, and checks a file as the editor holds it.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { remark } from 'remark';
import { engine } from 'unified-engine';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
// The built package on both sides: the engine loads `signpost/remark` as a user's config does.
import { checkGuides, ruleUrl } from 'signpost/core';
import { FIXTURES } from './helpers.ts';

/** Runs unified-engine as remark-cli does, with Signpost's plugin named as a `.remarkrc` names it. */
function lint(cwd: string, files: (string | VFile)[], guides: string): Promise<VFile[]> {
  return new Promise((resolvePromise, reject) => {
    engine(
      {
        processor: remark(),
        cwd,
        files,
        extensions: ['mdx'],
        plugins: [['signpost/remark', { guides }]],
        pluginPrefix: 'remark',
        silent: true,
        streamError: new PassThrough(),
        out: false,
        output: false,
      },
      (error, _code, context) => (error ? reject(error) : resolvePromise(context!.files)),
    );
  });
}

const ROOTS = [
  'combined',
  'rules/duplicate-id',
  'rules/invalid-id',
  'rules/duplicate-answer',
  'advice/copied-target',
  'rules/syntax-error',
  'advice/id-with-space',
  'advice/closing-tag',
];

describe('signpost/remark through unified-engine', () => {
  it.each(ROOTS)('reports what check reports for %s, each with its rule, url and fix', async (root) => {
    const dir = join(FIXTURES, root);
    const { problems } = await checkGuides([dir]);
    // Problems of a guide folder itself are shown on its index.mdx.
    const expected = problems.map((p) => ({
      file: p.file.endsWith('.mdx') ? p.file : join(p.file, 'index.mdx'),
      place: `${p.line}:${p.column}`,
      rule: p.rule,
      message: p.message,
      fatal: p.severity === 'error',
      url: ruleUrl(p.rule),
      expected: p.expected,
    }));
    const files = await lint(FIXTURES, [dir], root);
    const reported = files.flatMap((file) =>
      file.messages.map((message) => ({
        file: resolve(FIXTURES, file.path),
        place: `${message.line}:${message.column}`,
        rule: message.ruleId,
        message: message.reason,
        fatal: message.fatal,
        url: message.url,
        expected: message.expected,
      })),
    );
    const order = (list: typeof expected) =>
      list.toSorted((a, b) => `${a.file} ${a.place} ${a.rule}`.localeCompare(`${b.file} ${b.place} ${b.rule}`));
    expect(reported.length).toBeGreaterThan(0);
    expect(order(reported as typeof expected)).toEqual(order(expected));
  });

  it('checks a file as the editor holds it, unsaved, with the rest of its guide from disk', async () => {
    const path = join(FIXTURES, 'combined/index.mdx');
    const saved = await readFile(path, 'utf8');
    const edited = new VFile({ path, value: saved.replace('to="restart-routr"', 'to="restart-router"') });
    const [file] = await lint(FIXTURES, [edited], 'combined');
    const rules = file!.messages.map((message) => message.ruleId);
    expect(rules).not.toContain('dangling-target');
    expect(rules).toContain('duplicate-id');
    // The other place of a duplicate is in the message's note, which the language server shows.
    const duplicate = file!.messages.find((message) => message.ruleId === 'duplicate-id')!;
    expect(duplicate.note).toMatch(/^index\.mdx:(15|25):17: the other node with this id$/);
  });

  it('checks a new file the editor holds before it is first saved, as part of its guide', async () => {
    const path = join(FIXTURES, 'combined/not-saved-yet.mdx');
    const text = ':::step{#unsaved-step title="Unsaved" next="nowhere-yet"}\nSome text.\n:::\n';
    const [file] = await lint(FIXTURES, [new VFile({ path, value: text })], 'combined');
    const found = file!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    expect(found).toEqual(['1:1 unreachable-node', '1:39 dangling-target']);
    // A hidden file is not part of its guide, saved or not.
    const [hidden] = await lint(FIXTURES, [new VFile({ path: join(FIXTURES, 'combined/.draft.mdx'), value: text })], 'combined');
    expect(hidden!.messages).toEqual([]);
  });

  it("reports what check reports with this repository's own .remarkrc.mjs, as the VS Code set-up uses it", async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = await new Promise<VFile[]>((resolvePromise, reject) => {
      engine(
        {
          processor: remark(),
          cwd: root,
          files: ['guide'],
          extensions: ['mdx'],
          rcName: '.remarkrc',
          silent: true,
          streamError: new PassThrough(),
          out: false,
          output: false,
        },
        (error, _code, context) => (error ? reject(error) : resolvePromise(context!.files)),
      );
    });
    const reported = files.flatMap((file) =>
      file.messages.map((message) => `${file.path}:${message.line}:${message.column} [${message.ruleId}] ${message.reason}`),
    );
    const { problems } = await checkGuides([join(root, 'guide')]);
    expect(reported.toSorted()).toEqual(
      problems.map((p) => `${relative(root, p.file)}:${p.line}:${p.column} [${p.rule}] ${p.message}`).toSorted(),
    );
    expect(reported.length).toBeGreaterThan(0);
  });

  it('leaves files outside the guides alone', async () => {
    const files = await lint(FIXTURES, [join(FIXTURES, 'combined')], 'rules');
    expect(files.flatMap((file) => file.messages)).toEqual([]);
  });
});
