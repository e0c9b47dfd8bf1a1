/**
 * `missing-start`: the guide names no start node, or an invalid or unknown one. Whether `start`
 * is there and valid is a file rule over the frontmatter's fields; whether its node exists is
 * a whole-guide rule (reachability.ts). `docs/missing-start.md` explains it.
 */
import { factsOfType } from '../parse/file-model.ts';
import { code, proposing } from './words.ts';
import { defineRule } from './define.ts';

export const missingStartRule = defineRule(
  {
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
  },
  (file, report) => {
    for (const { field, missing, reason, place } of factsOfType(file, 'field-refused')) {
      if (field === 'start') report(missing ? missingStartRule.say('none') : missingStartRule.say('invalid', reason), place);
    }
  },
);
