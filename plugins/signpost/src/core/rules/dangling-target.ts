/** `dangling-target`: answers, `next` and `:link`s that name no node, with the closest id. */
import { rewriteEdge, waysOn } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { say } from './catalogue.ts';
import { closest, shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function danglingTargets({ guide, ids, budget, exists, problems }: RuleContext): void {
  for (const node of guide.nodes) {
    for (const edge of [...waysOn(node), ...node.links]) {
      // An empty target was already reported as a missing `to`.
      if (exists(edge) || edge.to === '') continue;
      const proposal = closest(edge.to, ids, budget);
      problems.push(
        problem(node.file, say('dangling-target', 'unknownNode', shorten(edge.to), proposal, rewriteEdge(edge)), edge.position),
      );
    }
  }
}
