/** `dangling-target`: answers, `next`, `:link`s and a pattern's `within` that name no node, with the closest id. */
import { defineRule } from './define.ts';
import { code, proposing } from './words.ts';
import { rewriteEdge, waysOn, type Edge, type GraphNode } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export const danglingTargetRule = defineRule({
  id: 'dangling-target',
  severity: 'error',
  summary: "an option, `next`, `:link`, `[text](#id)` or `match`'s `within` names a node that does not exist",
  messages: {
    /** `rewrite` turns a proposed id into the text of the attribute that names it. */
    unknownNode: (target: string, proposal: string | undefined, rewrite?: (id: string) => string) => ({
      message: `Cannot find node ${code(target)}${proposing(proposal, `; add a node with ${code(`{#${target}}`)} or name an existing id`)}`,
      ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
    }),
  },
});

export function danglingTargets(context: RuleContext): void {
  const { guide, budget, exists, problems } = context;
  const report = (node: GraphNode, edge: Edge): void => {
    // An empty target was already reported as a missing `to`.
    if (exists(edge) || edge.to === '') return;
    const proposal = closest(edge.to, context.ids, budget);
    problems.push(problem(node.file, danglingTargetRule.say('unknownNode', shorten(edge.to), proposal, rewriteEdge(edge)), edge.position));
  };
  for (const node of guide.nodes) {
    for (const edge of waysOn(node)) report(node, edge);
    for (const edge of node.links) report(node, edge);
    if (node.kind === 'error') for (const { within } of node.patterns) if (within) report(node, within);
  }
}
