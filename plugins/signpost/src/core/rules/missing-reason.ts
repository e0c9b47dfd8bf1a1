/**
 * `missing-reason`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/missing-reason.md` explains it.
 */
import { defineRule } from './define.ts';

export const missingReasonRule = defineRule({
  id: 'missing-reason',
  severity: 'error',
  summary: 'an error card without a non-empty Reason',
  messages: {
    missing: (card: string) => `${card} has no Reason; add a \`:::reason\` saying why the error happens`,
    empty: (card: string) => `The Reason of ${card} is empty; say why the error happens`,
    onlyComments: (card: string) => `The Reason of ${card} holds only comments, which readers do not see; say why the error happens`,
  },
});
