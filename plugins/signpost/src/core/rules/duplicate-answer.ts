/**
 * `duplicate-answer`: two answers of one question (or of an error card that goes on) read the same, so a reader cannot tell them
 * apart. Several answers may lead to one node (`int`, `long` and `short` to the same fix):
 * that is content, not a mistake. It is one, though, when an answer was copied and its target
 * left as it was, so that the node it was meant for (and all below it) is reached by nothing:
 * when an answer shares its target with an earlier one and an unreachable branch is the one
 * its words name, that is reported as `unreachable-node` at the answer, where the fix goes,
 * proposing the branch, and the branch's nodes are not reported again.
 */
import { defineRule } from './define.ts';
import { rewriteEdge, waysOn, type GraphNode, type Option } from '../graph/model.ts';
import { LIMITS } from '../parse/limits.ts';
import { problem, relatedPlace } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import { reachable, type RuleContext } from './context.ts';
import { unreachableNodeRule } from './unreachable-node.ts';

export const duplicateAnswerRule = defineRule({
  id: 'duplicate-answer',
  severity: 'error',
  summary: 'two answers of one question read the same',
  messages: {
    sameLabel: (label: string, line: number, sameTarget: boolean) =>
      `This answer reads “${label}”, like the answer on line ${line}, so readers cannot tell them apart; ${
        sameTarget ? 'both lead to the same node: remove this one' : 'reword one of them to say when to choose it'
      }`,
  },
});

/** An answer's words as a reader compares them: case, spacing and a closing full stop aside. */
function readAs(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?…]+$/u, '');
}

export function duplicateAnswers(context: RuleContext): void {
  const { guide, problems } = context;
  const orphans = orphanedBy(context);
  for (const node of guide.nodes) {
    // A question's answers, and those of an error card that goes on. Past the answers limit the
    // node is refused as it is (dead-end.ts): no answer-by-answer report.
    if ((node.kind !== 'question' && node.kind !== 'error') || node.options.length > LIMITS.options) continue;
    const byWords = new Map<string, Option>();
    const byTarget = new Map<string, Option>();
    for (const option of node.options) {
      const words = readAs(option.label);
      const alike = byWords.get(words);
      if (alike) {
        const finding = duplicateAnswerRule.say('sameLabel', shorten(option.label, 40), alike.position.start.line, alike.to === option.to);
        problems.push(
          problem(node.file, finding, option.position, [relatedPlace(node.file, alike.position, 'the answer that reads the same')]),
        );
        continue;
      }
      if (words) byWords.set(words, option);
      if (!option.to || option.to === node.id) continue;
      const earlier = byTarget.get(option.to);
      if (!earlier) {
        byTarget.set(option.to, option);
        continue;
      }
      const proposal = orphans.propose(option.label);
      if (proposal === undefined) continue;
      const finding = unreachableNodeRule.say(
        'copiedTarget',
        shorten(proposal),
        shorten(option.to),
        shorten(earlier.label, 40),
        earlier.position.start.line,
        rewriteEdge(option),
      );
      const orphan = guide.byId.get(proposal)!;
      problems.push(
        problem(node.file, finding, option.position, [
          relatedPlace(node.file, earlier.position, 'the other answer with this target'),
          relatedPlace(orphan.file, orphan.places.opening, 'the node nothing leads to'),
        ]),
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
