/**
 * `duplicate-answer`: two answers of one question lead to the same node. Most often an answer
 * was copied and its target left as it was, so the node it should lead to (and all below it)
 * is reached by nothing: the message proposes that node, and the nodes the fix would reach are
 * not reported again as unreachable.
 */
import { rewriteEdge, waysOn, type GuideNode, type Option } from '../graph/model.ts';
import { LIMITS } from '../parse/limits.ts';
import { problem, relatedPlace } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import { reachable, type RuleContext } from './context.ts';

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
      const finding = say(
        'duplicate-answer',
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

const targets = (node: GuideNode): string[] => waysOn(node).map((edge) => edge.to);

/**
 * The tops of the branches nothing reaches (unreachable nodes no unreachable node leads to),
 * and a way to propose the one an answer was meant for: the only one, or the one its words
 * name. A proposed branch counts as explained: its nodes are not reported as unreachable.
 */
export function orphanedBy(context: RuleContext): { propose: (words: string) => string | undefined } {
  const { guide, explained, budget } = context;
  const start = guide.start;
  const reached = start !== undefined && guide.byId.has(start) ? reachable(guide, [start], targets) : undefined;
  if (!reached) return { propose: () => undefined };
  const led = new Set<string>();
  for (const node of guide.nodes) if (!reached.has(node.id)) for (const to of targets(node)) if (to !== node.id) led.add(to);
  const orphans = guide.nodes.filter((node) => node.id && !reached.has(node.id) && !led.has(node.id));
  const pick = (label: string): string | undefined => {
    if (orphans.length === 1) return orphans[0]!.id;
    const words = label
      .toLowerCase()
      .split(/\W+/)
      .filter((word) => word.length > 2);
    const named = orphans.filter((node) => words.some((word) => node.id.includes(word) || node.title.toLowerCase().includes(word)));
    if (named.length === 1) return named[0]!.id;
    return closest(
      label.toLowerCase().replace(/\W+/g, '-'),
      orphans.map((node) => node.id),
      budget,
    );
  };
  return {
    propose: (label) => {
      const proposal = pick(label);
      if (proposal) for (const id of reachable(guide, [proposal], targets)) if (!reached.has(id)) explained.unreachable.add(id);
      return proposal;
    },
  };
}
