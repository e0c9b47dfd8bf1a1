/**
 * `missing-reason`: an error card without a non-empty Reason (`:::reason`): none, an empty one, or one
 * of comments only. A file rule over the cards extraction built. `docs/missing-reason.md` explains it.
 */
import { checkCardSection } from './card-section.ts';
import { defineRule } from './define.ts';

export const missingReasonRule = defineRule(
  {
    id: 'missing-reason',
    severity: 'error',
    summary: 'an error card without a non-empty Reason',
    messages: {
      missing: (card: string) => `${card} has no Reason; add a \`:::reason\` saying why the error happens`,
      empty: (card: string) => `The Reason of ${card} is empty; say why the error happens`,
      onlyComments: (card: string) => `The Reason of ${card} holds only comments, which readers do not see; say why the error happens`,
    },
  },
  (file, report) => checkCardSection(file, report, missingReasonRule, 'reason'),
);
