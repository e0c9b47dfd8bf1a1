/**
 * `unmatched-example`: every example of a card must be matched by one of the card's own
 * patterns; so must its message and aliases once it has patterns: they are what readers copy.
 * A card with a pattern left out as invalid (reported there) is not judged by the patterns
 * left: the one refused may be the one that matches, once corrected.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export const unmatchedExampleRule = defineRule({
  id: 'unmatched-example',
  severity: 'error',
  summary: "an example, or the message or an alias of a card with patterns, that none of its card's `match` patterns matches",
  messages: {
    example: (id: string) =>
      `No pattern of ${code(id)} matches this example; correct the example, or add a \`::match\` pattern that matches it`,
    noPattern: (id: string) =>
      `${code(id)} has no \`::match\` pattern, so this example leads nowhere; add a pattern that matches it, such as \`::match[…{id}…]\``,
    allRefused: (id: string, refused: number) =>
      `${refused === 1 ? `The one \`::match\` pattern of ${code(id)} is` : `All ${refused} \`::match\` patterns of ${code(id)} are`} refused (each reported at its line), so this example leads nowhere yet; correct ${refused === 1 ? 'it' : 'them'}, and the example is proved against ${refused === 1 ? 'it' : 'them'}`,
    wording: (what: 'message' | 'alias', id: string) =>
      `This ${what} of ${code(id)} matches none of its patterns, and readers paste it as it is; add a pattern that matches it`,
  },
});

export function unmatchedExamples({ cardPatterns, problems }: RuleContext): void {
  const { cards, wordings, matching } = cardPatterns();
  cards.forEach((card, index) => {
    if (card.patterns.length === 0 && card.examples.length === 0) return;
    // Some patterns refused, some left: what the ones left do not match, a refused one may.
    if (card.refusedPatterns > 0 && card.patterns.length > 0) return;
    for (const wording of wordings[index]!) {
      // Without patterns, the examples are what is wrong: the message lands by its words alone.
      if (wording.what !== 'example' && card.patterns.length === 0) continue;
      // A line past the budget was not tried: `limit-exceeded` says so (card-patterns.ts).
      const matched = matching(wording.text);
      if (!matched || matched.some((pattern) => pattern.card === index)) continue;
      const finding =
        wording.what !== 'example'
          ? unmatchedExampleRule.say('wording', wording.what, shorten(card.id))
          : card.patterns.length > 0
            ? unmatchedExampleRule.say('example', shorten(card.id))
            : card.refusedPatterns > 0
              ? unmatchedExampleRule.say('allRefused', shorten(card.id), card.refusedPatterns)
              : unmatchedExampleRule.say('noPattern', shorten(card.id));
      problems.push(problem(card.file, finding, wording.position));
    }
  });
}
