/**
 * `ambiguous-match`: a pattern of one card must not match what readers paste of another (its
 * examples, message and aliases), or a paste could land on the wrong card. Reported at the
 * pattern, naming the other card's line, once per pattern and card. A pattern scoped to a
 * branch (`within`) is not judged against the cards off that branch.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import { relative } from 'node:path';
import { problem, relatedPlace } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export const ambiguousMatchRule = defineRule({
  id: 'ambiguous-match',
  severity: 'error',
  summary: 'a `match` pattern of one card that matches an example, the message or an alias of another card',
  messages: {
    other: (id: string, what: 'example' | 'message' | 'alias', other: string, where: string, text: string) =>
      `This pattern of ${code(id)} also matches the ${what} of ${code(other)} (${where}): “${text}”; a reader who pastes it could land on the wrong card: make the pattern more specific`,
  },
});

export function ambiguousMatches({ guide, cardPatterns, problems, branchOf }: RuleContext): void {
  const { cards, wordings, matching, patternOf } = cardPatterns();
  const reported = new Set<string>();
  cards.forEach((other, otherIndex) => {
    for (const wording of wordings[otherIndex]!) {
      for (const pattern of matching(wording.text) ?? []) {
        if (pattern.card === otherIndex) continue;
        // A pattern scoped to a branch (`within`) that the other card is not on: on that branch's
        // pages the other card is not offered, and above it both are, side by side.
        const within = patternOf(pattern).within;
        if (within && !branchOf(within.to).has(other.id)) continue;
        const key = `${pattern.card}:${pattern.index}:${otherIndex}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const card = cards[pattern.card]!;
        const { line, column } = wording.position.start;
        const where = `${other.file === card.file ? '' : `${relative(guide.dir, other.file)}, `}line ${line}, column ${column}`;
        problems.push(
          problem(
            card.file,
            ambiguousMatchRule.say('other', shorten(card.id), wording.what, shorten(other.id), where, shorten(wording.text)),
            patternOf(pattern).position,
            [relatedPlace(other.file, wording.position, `the ${wording.what} of \`${shorten(other.id)}\` that the pattern matches`)],
          ),
        );
      }
    }
  });
}
