/**
 * `self-target`: an answer or `next` that leads back to its own node sends the reader round in
 * a circle. Like a copied answer, it most often leaves the node it should lead to orphaned:
 * that node is proposed, and not reported again as unreachable.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import { rewriteEdge, waysOn } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';
import { orphanedBy } from './duplicate-answer.ts';

export const selfTargetRule = defineRule({
  id: 'self-target',
  severity: 'error',
  summary: 'an answer or `next` that leads back to its own node',
  messages: {
    answer: (id: string, proposal: string | undefined, rewrite: ((id: string) => string) | undefined) => ({
      message: `This answer leads back to question ${code(id)} itself, so the reader goes round in a circle${
        proposal === undefined ? '; point it at the node that follows' : `; did you mean ${code(proposal)}, which nothing leads to?`
      }`,
      ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
    }),
    next: (id: string, proposal: string | undefined, rewrite: ((id: string) => string) | undefined) => ({
      message: `\`next\` leads back to step ${code(id)} itself${
        proposal === undefined ? '; name the node that follows' : `; did you mean ${code(proposal)}, which nothing leads to?`
      }`,
      ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
    }),
  },
});

export function selfTargets(context: RuleContext): void {
  const { guide, problems, explained } = context;
  const orphans = orphanedBy(context);
  for (const node of guide.nodes) {
    if (!node.id) continue;
    for (const edge of waysOn(node)) {
      if (edge.to !== node.id) continue;
      const proposal = orphans.propose('label' in edge ? String(edge.label) : node.title);
      const key = node.kind === 'question' ? 'answer' : 'next';
      problems.push(problem(node.file, selfTargetRule.say(key, shorten(node.id), proposal, rewriteEdge(edge)), edge.position));
      // A step that only leads to itself is this mistake, not also a loop without an outcome.
      explained.loops.add(node.id);
    }
  }
}
