/**
 * `missing-start`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/missing-start.md` explains it.
 */
import { defineRule } from './define.ts';
import { code, proposing } from './words.ts';

export const missingStartRule = defineRule({
  id: 'missing-start',
  severity: 'error',
  summary: 'the guide names no start node, or an unknown one',
  messages: {
    unknown: (start: string, proposal: string | undefined) => ({
      message: `Start node ${code(start)} does not exist${proposing(proposal, '; set `start` to the id of the first node')}`,
      ...(proposal ? { expected: [proposal] } : {}),
    }),
    none: () => 'The guide names no start node; add `start: <id of the first node>` to the frontmatter',
    invalid: (reason: string) => `Invalid \`start\`: ${reason}`,
  },
});
