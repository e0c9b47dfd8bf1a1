/**
 * `duplicate-error-message`: the same message (or alias) on two cards confuses search, unless
 * their patterns are scoped apart (`within`, one branch each).
 */
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

/**
 * Whether two cards' patterns are scoped apart: each has a pattern `within` a branch the other
 * card is not on (a guide with a branch per product version, the same message in each). A paste
 * on one branch's pages is matched to its own card only; above the branches, both are offered
 * side by side with the answers that lead to each.
 */
function scopedApart(a: GraphNode<ErrorNode>, b: GraphNode<ErrorNode>, branchOf: RuleContext['branchOf']): boolean {
  const outside = (card: GraphNode<ErrorNode>, other: GraphNode<ErrorNode>) =>
    card.patterns.some(({ within }) => within !== undefined && branchOf(within.to).has(card.id) && !branchOf(within.to).has(other.id));
  return outside(a, b) && outside(b, a);
}

export function duplicateErrorMessages({ guide, where, problems, memory, branchOf }: RuleContext): void {
  const messages = new Map<string, { node: GraphNode<ErrorNode>; which: number }[]>();
  for (const node of guide.nodes) {
    if (node.kind !== 'error' || !node.title) continue;
    comparedOf(node, memory.compared).forEach((key, which) => {
      const holders = messages.get(key);
      if (!holders) {
        messages.set(key, [{ node, which }]);
        return;
      }
      const first = holders.find((holder) => holder.node === node || !scopedApart(holder.node, node, branchOf));
      holders.push({ node, which });
      if (first && first.node !== node) {
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
