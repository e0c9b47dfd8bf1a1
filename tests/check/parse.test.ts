import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractNodes } from '../../plugins/signpost/src/core/parse/extract.ts';
import { mdxParser } from '../../plugins/signpost/src/core/parse/processor.ts';
import { closest, editDistance, slugify } from '../../plugins/signpost/src/core/suggest.ts';

function parse(source: string) {
  const file = new VFile({ path: '/guide/x/index.mdx', value: source });
  const tree = mdxParser.parse(file);
  return { nodes: extractNodes(tree, file), messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) };
}

describe('extracting nodes', () => {
  it('keeps colons in prose as text, as writers typed them', () => {
    const { nodes, messages } = parse(':::instructions{#a title="A"}\nCall at 10:30, see note:this.\n:::\n');
    expect(messages).toEqual([]);
    expect(toString(nodes[0]!.tree)).toBe('Call at 10:30, see note:this.');
  });

  it('reads both forms of option, with the position of each target', () => {
    const { nodes } = parse('::::question{#q title="Q"}\n:::option{to="a"}\nFirst *answer*\n:::\n::option[Second]{to="b"}\n::::\n');
    const question = nodes[0]!;
    expect(
      question.kind === 'question' && question.options.map((o) => [o.label, o.to, o.position.start.line, o.position.start.column]),
    ).toEqual([
      ['First answer', 'a', 2, 11],
      ['Second', 'b', 5, 18],
    ]);
  });

  it('reads an error card: message, context, aliases, Reason, fix and escalation', () => {
    const { nodes, messages } = parse(
      '::::error{#e title="Session has expired." context="Connect"}\n::alias[Session expired]\n\n:::reason\nToo slow.\n:::\n\n:::fix\n- Retry.\n:::\n\n::escalate\n::::\n',
    );
    expect(messages).toEqual([]);
    expect(nodes[0]).toMatchObject({
      kind: 'error',
      id: 'e',
      title: 'Session has expired.',
      context: 'Connect',
      aliases: [{ text: 'Session expired' }],
      reason: { text: 'Too slow.' },
      fix: { text: 'Retry.' },
      escalate: { start: { line: 12, column: 1 } },
      escalateText: '',
      draft: false,
    });
  });

  it('reads an answer’s label as shown: no space where the writer wrote none, one between blocks', () => {
    const { nodes } = parse(
      [
        '::::question{#q title="Q"}',
        ':::option{to="a"}',
        '`git@github.com`: Permission *denied* (**publickey**).',
        ':::',
        ':::option{to="b"}',
        'The key![a key](k.png)is set',
        '',
        '- in the agent',
        '- and<br/>in the file',
        ':::',
        '::::',
        '',
      ].join('\n'),
    );
    expect(nodes[0]!.kind === 'question' && nodes[0]!.options.map((o) => o.label)).toEqual([
      'git@github.com: Permission denied (publickey).',
      'The keya keyis set in the agent and in the file',
    ]);
  });

  it('takes a question’s prompt as its title when it has no title', () => {
    const { nodes } = parse('::::question{#q prompt="Is it on?"}\n::option[Yes]{to="a"}\n::option[No]{to="b"}\n::::\n');
    expect(nodes[0]).toMatchObject({ title: 'Is it on?', prompt: 'Is it on?' });
  });
});

describe('proposals', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('reason', 'reson')).toBe(1);
    expect(editDistance('option', 'optoin')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('proposes the closest name only when it is a plausible typo', () => {
    expect(closest('reboot-routr', ['reboot-router', 'reset'])).toBe('reboot-router');
    expect(closest('reson', ['question', 'reason', 'fix'])).toBe('reason');
    expect(closest('power', ['restart-router', 'start'])).toBeUndefined();
  });

  it('turns anything into a lowercase slug', () => {
    expect(slugify('Reboot_Router')).toBe('reboot-router');
    expect(slugify('  Café Crème! ')).toBe('cafe-creme');
  });
});
