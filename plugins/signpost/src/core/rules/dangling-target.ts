/** `dangling-target`: answers, `next` and `:link`s that name no node, with the closest id. */
import { waysOn } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function danglingTargets({ guide, ids, budget, exists, problems }: RuleContext): void {
  for (const node of guide.nodes) {
    for (const edge of [...waysOn(node), ...node.links]) {
      // An empty target was already reported as a missing `to`.
      if (exists(edge) || edge.to === '') continue;
      const proposal = closest(edge.to, ids, budget);
      const advice = proposal ? `; did you mean \`${proposal}\`?` : `; add a node with \`{#${shorten(edge.to)}}\` or name an existing id`;
      problems.push(problem(node.file, 'dangling-target', `Cannot find node \`${shorten(edge.to)}\`${advice}`, edge.position));
    }
  }
}
