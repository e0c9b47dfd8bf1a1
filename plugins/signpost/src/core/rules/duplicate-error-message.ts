/** `duplicate-error-message`: the same message (or alias) on two cards confuses search. */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import type { Position } from 'unist';
import type { ErrorNode, GraphNode } from '../graph/model.ts';
import { problem, relatedPlace } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext, RuleMemory } from './context.ts';

export const duplicateErrorMessageRule = defineRule({
  id: 'duplicate-error-message',
  severity: 'error',
  summary: 'two error cards of one guide show the same message',
  messages: {
    same: (id: string, other: string, where: string, text: string) =>
      `Error card ${code(id)} shows the same message as ${code(other)} (${where}): “${text}”; merge the cards or tell the messages apart`,
  },
});

/** Messages compare without case, surrounding quotes and repeated spaces. */
function normalize(message: string): string {
  return message
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^["'“”\s]+|["'“”\s]+$/g, '');
}

/**
 * A card's message and aliases as they compare, kept by card (`compared`, the checker's): a
 * card of a file unchanged since the last check (the dev server's) is the same object.
 */
function comparedOf(card: GraphNode<ErrorNode>, compared: RuleMemory['compared']): string[] {
  let keys = compared.get(card);
  if (!keys) compared.set(card, (keys = [card.title, ...card.aliases.map((alias) => alias.text)].map(normalize)));
  return keys;
}

/** The card's message (0) or one of its aliases, with its place. */
function wordingOf(card: GraphNode<ErrorNode>, which: number): { text: string; position: Position } {
  return which === 0 ? { text: card.title, position: card.places.title ?? card.position } : card.aliases[which - 1]!;
}

export function duplicateErrorMessages({ guide, where, problems, memory }: RuleContext): void {
  const messages = new Map<string, { node: GraphNode<ErrorNode>; which: number }>();
  for (const node of guide.nodes) {
    if (node.kind !== 'error' || !node.title) continue;
    comparedOf(node, memory.compared).forEach((key, which) => {
      const first = messages.get(key);
      if (!first) {
        messages.set(key, { node, which });
      } else if (first.node !== node) {
        const wording = wordingOf(node, which);
        const earlier: GraphNode = first.node;
        problems.push(
          problem(
            node.file,
            duplicateErrorMessageRule.say('same', shorten(node.id), shorten(earlier.id), where(earlier, node), wording.text),
            wording.position,
            [relatedPlace(earlier.file, wordingOf(first.node, first.which).position, `the same message on \`${shorten(earlier.id)}\``)],
          ),
        );
      }
    });
  }
}
