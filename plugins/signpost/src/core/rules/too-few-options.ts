/**
 * `too-few-options`: a question, or an error card that goes on by answers, with fewer than two.
 * A question's count is a whole-guide check (dead-end.ts, beside its dead ends); an error
 * card's is a file rule over the nodes extraction built. `docs/too-few-options.md` explains it.
 */
import { describe } from '../parse/describe.ts';
import { code } from './words.ts';
import { defineRule } from './define.ts';

export const tooFewOptionsRule = defineRule(
  {
    id: 'too-few-options',
    severity: 'error',
    summary: 'a question with fewer than two options',
    messages: {
      oneAnswer: (id: string, to: string) =>
        `Question ${code(id)} has 1 answer; a question needs at least 2 (for a single way on, make it a \`step\` with \`next="${to}"\`)`,
      /** An error card that goes on with one answer. */
      cardOneAnswer: (card: string, to: string) => `${card} has 1 answer; give it at least 2, or go on with \`next="${to}"\` instead`,
    },
  },
  (file, report) => {
    for (const node of file.nodes) {
      // A card that also names `next` goes on twice, which is `misplaced-directive`'s.
      if (node.kind !== 'error' || node.options.length !== 1 || node.next !== undefined) continue;
      report(tooFewOptionsRule.say('cardOneAnswer', describe('error', node.id), node.options[0]!.to), node.options[0]!.position);
    }
  },
);
