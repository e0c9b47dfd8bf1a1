/** `duplicate-id`: every occurrence of an id used twice is reported, each naming the others. */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import type { GraphNode } from '../graph/model.ts';
import { problem, relatedPlace } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export const duplicateIdRule = defineRule({
  id: 'duplicate-id',
  severity: 'error',
  summary: 'two nodes of one guide share an id, or a former id (`moved-from`)',
  messages: {
    duplicate: (id: string, places: string, more: number) =>
      `Duplicate id ${code(id)}, also used at ${places}${more > 0 ? ` and ${more} more places` : ''}; ids must be unique in a guide, rename one`,
    formerIsNode: (formerId: string, node: string, where: string) =>
      `${code(formerId)} is listed in \`moved-from\` but is still the id of ${node} (${where}); a URL can lead to one page only: remove it from \`moved-from\`, or rename that node`,
    formerTwice: (formerId: string, other: string, where: string) =>
      `${code(formerId)} is also listed in \`moved-from\` of ${other} (${where}); an old URL can lead to one page only: keep it on one node`,
  },
});

/** Places a `duplicate-id` message lists before it says how many more there are. */
const DUPLICATES_LISTED = 3;

export function duplicateIds({ guide, idPlace, where, problems }: RuleContext): void {
  // The first node of each id is in `guide.byId`: only the ids of the others are used twice.
  const byId = new Map<string, GraphNode[]>();
  for (const node of guide.nodes) {
    const first = guide.byId.get(node.id);
    if (!node.id || first === node) continue;
    const same = byId.get(node.id);
    if (same) same.push(node);
    else byId.set(node.id, [first!, node]);
  }
  for (const [id, nodes] of byId) {
    if (nodes.length < 2) continue;
    for (const node of nodes) {
      // A few places say where to look; all of them would make each message as long as the guide.
      const others = nodes
        .slice(0, DUPLICATES_LISTED + 1)
        .filter((other) => other !== node)
        .slice(0, DUPLICATES_LISTED);
      const listed = others.map((other) => where(other, node)).join('; ');
      const more = Math.max(0, nodes.length - 1 - DUPLICATES_LISTED);
      problems.push(
        problem(
          node.file,
          duplicateIdRule.say('duplicate', shorten(id), listed, more),
          idPlace(node),
          others.map((other) => relatedPlace(other.file, idPlace(other), 'the other node with this id')),
        ),
      );
    }
  }
}
