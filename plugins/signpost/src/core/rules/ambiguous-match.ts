/**
 * `ambiguous-match`: a pattern of one card must not match what readers paste of another (its
 * examples, message and aliases), or a paste could land on the wrong card. Reported at the
 * pattern, naming the other card's line, once per pattern and card.
 */
import { relative } from 'node:path';
import { problem, relatedPlace } from '../problems.ts';
import { shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import { cardPatterns } from './card-patterns.ts';
import type { RuleContext } from './context.ts';

export function ambiguousMatches({ guide, problems }: RuleContext): void {
  const { cards, wordings, matching, patternOf } = cardPatterns(guide);
  const reported = new Set<string>();
  cards.forEach((other, otherIndex) => {
    for (const wording of wordings[otherIndex]!) {
      for (const pattern of matching(wording.text)) {
        if (pattern.card === otherIndex) continue;
        const key = `${pattern.card}:${pattern.index}:${otherIndex}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const card = cards[pattern.card]!;
        const { line, column } = wording.position.start;
        const where = `${other.file === card.file ? '' : `${relative(guide.dir, other.file)}, `}line ${line}, column ${column}`;
        problems.push(
          problem(
            card.file,
            say('ambiguous-match', 'other', shorten(card.id), wording.what, shorten(other.id), where, shorten(wording.text)),
            patternOf(pattern).position,
            [relatedPlace(other.file, wording.position, `the ${wording.what} of \`${shorten(other.id)}\` that the pattern matches`)],
          ),
        );
      }
    }
  });
}
