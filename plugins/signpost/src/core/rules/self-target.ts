/**
 * `self-target`: an answer or `next` that leads back to its own node sends the reader round in
 * a circle. Like a copied answer, it most often leaves the node it should lead to orphaned:
 * that node is proposed, and not reported again as unreachable.
 */
import { rewriteEdge, waysOn } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import type { RuleContext } from './context.ts';
import { orphanedBy } from './duplicate-answer.ts';

export function selfTargets(context: RuleContext): void {
  const { guide, problems, explained } = context;
  const orphans = orphanedBy(context);
  for (const node of guide.nodes) {
    if (!node.id) continue;
    for (const edge of waysOn(node)) {
      if (edge.to !== node.id) continue;
      const proposal = orphans.propose('label' in edge ? String(edge.label) : node.title);
      const key = node.kind === 'question' ? 'answer' : 'next';
      problems.push(problem(node.file, say('self-target', key, shorten(node.id), proposal, rewriteEdge(edge)), edge.position));
      // A step that only leads to itself is this mistake, not also a loop without an outcome.
      explained.loops.add(node.id);
    }
  }
}
