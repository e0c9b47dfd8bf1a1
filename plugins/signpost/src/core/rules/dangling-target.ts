/** `dangling-target`: answers, `next` and `:link`s that name no node, with the closest id. */
import { rewriteEdge, waysOn, type Edge, type GuideNode } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { say } from './catalogue.ts';
import { closest, shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function danglingTargets(context: RuleContext): void {
  const { guide, budget, exists, problems } = context;
  const report = (node: GuideNode, edge: Edge): void => {
    // An empty target was already reported as a missing `to`.
    if (exists(edge) || edge.to === '') return;
    const proposal = closest(edge.to, context.ids, budget);
    problems.push(problem(node.file, say('dangling-target', 'unknownNode', shorten(edge.to), proposal, rewriteEdge(edge)), edge.position));
  };
  for (const node of guide.nodes) {
    for (const edge of waysOn(node)) report(node, edge);
    for (const edge of node.links) report(node, edge);
  }
}
