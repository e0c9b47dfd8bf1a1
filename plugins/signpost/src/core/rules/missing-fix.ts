/**
 * `missing-fix`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/missing-fix.md` explains it.
 */
import { defineRule } from './define.ts';

export const missingFixRule = defineRule({
  id: 'missing-fix',
  severity: 'error',
  summary: 'an error card without a non-empty How to fix',
  messages: {
    missing: (card: string) => `${card} has no How to fix; add a \`:::fix\` saying what the reader does about it`,
    empty: (card: string) => `The How to fix of ${card} is empty; say what the reader does about it`,
    onlyComments: (card: string) =>
      `The How to fix of ${card} holds only comments, which readers do not see; say what the reader does about it`,
  },
});
