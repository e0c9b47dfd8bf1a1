import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractNodes } from '../../plugins/signpost/src/core/parse/extract.ts';
import { fileModel } from '../../plugins/signpost/src/core/parse/file-model.ts';
import { mdxParser } from '../../plugins/signpost/src/core/parse/processor.ts';
import { defineRule } from '../../plugins/signpost/src/core/rules/define.ts';
import { draftRule } from '../../plugins/signpost/src/core/rules/draft.ts';
import { checkFileModel } from '../../plugins/signpost/src/core/rules/file-rules.ts';
import { sortProblems } from '../../plugins/signpost/src/core/problems.ts';

const PARSE = fileURLToPath(new URL('../../plugins/signpost/src/core/parse/', import.meta.url));

/** One file parsed and extracted, then judged by the file rules: `line:column rule message` each, as a report orders them. */
function judged(text: string): { nodes: string[]; problems: string[] } {
  const file = new VFile({ path: '/guide/x/more.mdx', value: text });
  const tree = mdxParser.parse(file);
  const nodes = extractNodes(tree, file);
  const problems = checkFileModel(fileModel(file, { isIndex: false, tree, nodes }));
  return {
    nodes: nodes.map((node) => node.id),
    problems: sortProblems(problems).map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`),
  };
}

describe('the file rules', () => {
  it('are the only ones to judge a file: no module of core/parse imports a rule', async () => {
    const files = (await readdir(PARSE)).filter((file) => file.endsWith('.ts'));
    for (const file of files) {
      expect((await readFile(join(PARSE, file), 'utf8')).match(/from '\.\.\/rules\/[^']*'/g) ?? [], file).toEqual([]);
    }
  });

  it('judge what extraction built and noted, each mistake at its place, in the rule’s words', () => {
    const { nodes, problems } = judged(
      [
        '::::step{#Check_Cable tittle="Check the cable" draft}',
        '![](./img/cable.png)',
        '',
        ':::reson',
        'Loose.',
        ':::',
        '::::',
        '',
        'Stray words.',
        '',
      ].join('\n'),
    );
    expect(nodes).toEqual(['Check_Cable']);
    expect(problems).toEqual([
      '1:10 invalid-id Id `Check_Cable` is not a lowercase slug (letters a–z, digits, single hyphens); use `check-cable`',
      '1:23 invalid-attribute Unknown attribute `tittle` on `step`; did you mean `title`?',
      '1:48 draft Step `Check_Cable` is a draft; finish it and remove `draft` before publishing',
      '2:1 missing-alt This image has no alt text; say what it shows for readers who cannot see it: `![What the image shows](…)`',
      '4:1 misplaced-directive `reason` belongs inside an `error` card, not a `step`',
      '4:1 unknown-directive Unknown directive `reson`; did you mean `reason`?',
      '9:1 stray-content Content outside every node is never shown to readers; move it into a node or delete it',
    ]);
  });

  it('find nothing in a file without mistakes', () => {
    expect(judged(':::instructions{#a title="A"}\nCall at 10:30, see note:this.\n:::\n').problems).toEqual([]);
  });

  it('report only their own findings: a rule raising another rule’s id is refused', () => {
    const file = new VFile({ path: '/guide/x/more.mdx', value: '' });
    const impostor = defineRule({ id: 'missing-alt', severity: 'error', summary: '…', messages: {} }, (_, report) =>
      report(draftRule.say('draft', 'Step `a`')),
    );
    expect(() => checkFileModel(fileModel(file, { isIndex: false, tree: undefined }), [impostor])).toThrow(
      'Rule missing-alt reported a finding of draft.',
    );
  });
});
