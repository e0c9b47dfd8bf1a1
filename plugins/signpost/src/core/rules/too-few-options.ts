/**
 * `too-few-options`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/too-few-options.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const tooFewOptionsRule = defineRule({
  id: 'too-few-options',
  severity: 'error',
  summary: 'a question with fewer than two options',
  messages: {
    oneAnswer: (id: string, to: string) =>
      `Question ${code(id)} has 1 answer; a question needs at least 2 (for a single way on, make it a \`step\` with \`next="${to}"\`)`,
    /** An error card that goes on with one answer. */
    cardOneAnswer: (card: string, to: string) => `${card} has 1 answer; give it at least 2, or go on with \`next="${to}"\` instead`,
  },
});
