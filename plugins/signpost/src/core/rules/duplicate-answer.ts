/**
 * `duplicate-answer`: two answers of one question lead to the same node. Most often an answer
 * was copied and its target left as it was, so the node it should lead to (and all below it)
 * is reached by nothing: the message proposes that node, and the nodes the fix would reach are
 * not reported again as unreachable.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import { rewriteEdge, waysOn, type GraphNode, type Option } from '../graph/model.ts';
import { LIMITS } from '../parse/limits.ts';
import { problem, relatedPlace } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import { reachable, type RuleContext } from './context.ts';

export const duplicateAnswerRule = defineRule({
  id: 'duplicate-answer',
  severity: 'error',
  summary: 'two answers of one question lead to the same node',
  messages: {
    sameTarget: (
      target: string,
      other: string,
      line: number,
      proposal: string | undefined,
      rewrite: ((id: string) => string) | undefined,
    ) => ({
      message: `This answer leads to ${code(target)}, like the answer “${other}” (line ${line})${
        proposal === undefined
          ? '; point it at the node it should lead to, or merge the two answers'
          : `; did you mean ${code(proposal)}, which nothing leads to?`
      }`,
      ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
    }),
  },
});

export function duplicateAnswers(context: RuleContext): void {
  const { guide, problems } = context;
  const orphans = orphanedBy(context);
  for (const node of guide.nodes) {
    // Past the answers limit the question is refused as it is (dead-end.ts): no answer-by-answer report.
    if (node.kind !== 'question' || node.options.length > LIMITS.options) continue;
    const first = new Map<string, Option>();
    for (const option of node.options) {
      if (!option.to || option.to === node.id) continue;
      const earlier = first.get(option.to);
      if (!earlier) {
        first.set(option.to, option);
        continue;
      }
      const proposal = orphans.propose(option.label);
      const finding = duplicateAnswerRule.say(
        'sameTarget',
        shorten(option.to),
        shorten(earlier.label, 40),
        earlier.position.start.line,
        proposal,
        rewriteEdge(option),
      );
      problems.push(
        problem(node.file, finding, option.position, [relatedPlace(node.file, earlier.position, 'the other answer with this target')]),
      );
    }
  }
}

/**
 * The tops of the branches nothing reaches (unreachable nodes no unreachable node leads to),
 * and a way to propose the one an answer was meant for: the only one, or the one its words
 * name. A proposed branch counts as explained: its nodes are not reported as unreachable.
 * Worked out at the first proposal: most guides never ask for one.
 */
export function orphanedBy(context: RuleContext): { propose: (words: string) => string | undefined } {
  const { guide, explained, budget } = context;
  let orphans: GraphNode[] | undefined;
  const orphansOf = (reached: Set<string>): GraphNode[] => {
    if (orphans) return orphans;
    const led = new Set<string>();
    for (const node of guide.nodes) if (!reached.has(node.id)) for (const { to } of waysOn(node)) if (to !== node.id) led.add(to);
    return (orphans = guide.nodes.filter((node) => node.id && !reached.has(node.id) && !led.has(node.id)));
  };
  const pick = (label: string, tops: GraphNode[]): string | undefined => {
    if (tops.length === 1) return tops[0]!.id;
    const words = label
      .toLowerCase()
      .split(/\W+/)
      .filter((word) => word.length > 2);
    const named = tops.filter((node) => words.some((word) => node.id.includes(word) || node.title.toLowerCase().includes(word)));
    if (named.length === 1) return named[0]!.id;
    return closest(
      label.toLowerCase().replace(/\W+/g, '-'),
      tops.map((node) => node.id),
      budget,
    );
  };
  return {
    propose: (label) => {
      const reached = context.reached();
      if (!reached) return undefined;
      const proposal = pick(label, orphansOf(reached));
      if (proposal) for (const id of reachable(guide, [proposal], waysOn)) if (!reached.has(id)) explained.unreachable.add(id);
      return proposal;
    },
  };
}
