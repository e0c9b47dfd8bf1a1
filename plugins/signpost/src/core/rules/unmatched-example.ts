/**
 * `unmatched-example`: every example of a card must be matched by one of the card's own
 * patterns; so must its message and aliases once it has patterns: they are what readers copy.
 */
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import { cardPatterns } from './card-patterns.ts';
import type { RuleContext } from './context.ts';

export function unmatchedExamples({ guide, problems }: RuleContext): void {
  const { cards, wordings, matching } = cardPatterns(guide);
  cards.forEach((card, index) => {
    if (card.patterns.length === 0 && card.examples.length === 0) return;
    for (const wording of wordings[index]!) {
      // Without patterns, the examples are what is wrong: the message lands by its words alone.
      if (wording.what !== 'example' && card.patterns.length === 0) continue;
      if (matching(wording.text).some((pattern) => pattern.card === index)) continue;
      const finding =
        wording.what !== 'example'
          ? say('unmatched-example', 'wording', wording.what, shorten(card.id))
          : card.patterns.length === 0
            ? say('unmatched-example', 'noPattern', shorten(card.id))
            : say('unmatched-example', 'example', shorten(card.id));
      problems.push(problem(card.file, finding, wording.position));
    }
  });
}
