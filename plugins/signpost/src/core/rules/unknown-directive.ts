/**
 * `unknown-directive`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/unknown-directive.md` explains it.
 */
import { defineRule } from './define.ts';
import { code, codes, proposing } from './words.ts';

export const unknownDirectiveRule = defineRule({
  id: 'unknown-directive',
  severity: 'error',
  summary: 'a directive outside the vocabulary',
  messages: {
    unknown: (name: string, proposal: string | undefined, names: readonly string[]) =>
      `Unknown directive ${code(name)}${proposing(proposal, `; use ${names.length === 1 ? '' : 'one of '}${codes(names)}`)}`,
  },
});
