/**
 * `missing-fix`: an error card without a non-empty How to fix (`:::fix`): none, an empty one, or one
 * of comments only. A file rule over the cards extraction built. `docs/missing-fix.md` explains it.
 */
import { checkCardSection } from './card-section.ts';
import { defineRule } from './define.ts';

export const missingFixRule = defineRule(
  {
    id: 'missing-fix',
    severity: 'error',
    summary: 'an error card without a non-empty How to fix',
    messages: {
      missing: (card: string) => `${card} has no How to fix; add a \`:::fix\` saying what the reader does about it`,
      empty: (card: string) => `The How to fix of ${card} is empty; say what the reader does about it`,
      onlyComments: (card: string) =>
        `The How to fix of ${card} holds only comments, which readers do not see; say what the reader does about it`,
    },
  },
  (file, report) => checkCardSection(file, report, missingFixRule, 'fix'),
);
