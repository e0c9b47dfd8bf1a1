/**
 * `dangling-target`: answers, `next`, `:link`s and a pattern's `within` that name no node, with
 * the closest id; and a `within` that names a node the card cannot be reached from, whose
 * pattern would then apply on no page of that node's branch.
 */
import { defineRule } from './define.ts';
import { code, proposing } from './words.ts';
import { rewriteEdge, waysOn, type Edge, type ErrorNode, type GraphNode } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export const danglingTargetRule = defineRule({
  id: 'dangling-target',
  severity: 'error',
  summary:
    "an option, `next`, `:link`, `[text](#id)` or `match`'s `within` names a node that does not exist, or `within` a node its card cannot be reached from",
  messages: {
    /** `rewrite` turns a proposed id into the text of the attribute that names it. */
    unknownNode: (target: string, proposal: string | undefined, rewrite?: (id: string) => string) => ({
      message: `Cannot find node ${code(target)}${proposing(proposal, `; add a node with ${code(`{#${target}}`)} or name an existing id`)}`,
      ...(proposal !== undefined && rewrite ? { expected: [rewrite(proposal)] } : {}),
    }),
    /** `proposal`: a node of a close id that leads to the card; `nearest`: else the nearest that does. */
    notLeading: (target: string, card: string, proposal: string | undefined, nearest: string | undefined) => ({
      message: `Node ${code(target)} does not lead to ${code(card)}: the card cannot be reached from it, so this pattern applies on no page of ${code(target)}'s branch${proposing(
        proposal,
        nearest === undefined
          ? '; name a node the card is reached from'
          : `; name a node the card is reached from, such as ${code(nearest)}`,
      )}`,
      ...(proposal !== undefined ? { expected: [`within="${proposal}"`] } : {}),
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
  let leading: ((card: string) => string[]) | undefined;
  for (const node of guide.nodes) {
    for (const edge of waysOn(node)) report(node, edge);
    for (const edge of node.links) report(node, edge);
    if (node.kind !== 'error') continue;
    for (const { within } of node.patterns) {
      if (!within) continue;
      if (!exists(within)) report(node, within);
      else if (!context.branchOf(within.to).has(node.id)) {
        leading ??= leadingTo(guide.nodes, guide.start);
        reportNotLeading(context, node as GraphNode<ErrorNode>, within, leading(node.id));
      }
    }
  }
}

/** A `within` node the card is not on the branch of: at the attribute, with the nodes that do lead to it to propose. */
function reportNotLeading(context: RuleContext, card: GraphNode<ErrorNode>, within: Edge, leaders: string[]): void {
  const others = leaders.filter((id) => id !== card.id);
  const proposal = closest(within.to, others, context.budget);
  const finding = danglingTargetRule.say('notLeading', shorten(within.to), shorten(card.id), proposal, others[0]);
  context.problems.push(problem(card.file, finding, within.position));
}

/**
 * The nodes a node is reached from, as a branch reaches (`reachedFrom` of graph/model.ts: by
 * answers, `next` and links, never through the start), nearest first, the node itself first:
 * a walk backwards from it, over a map of the ways in built once.
 */
function leadingTo(nodes: readonly GraphNode[], start: string | undefined): (card: string) => string[] {
  const ways = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.id) continue;
    for (const { to } of [...waysOn(node), ...node.links]) {
      // A way back to the start is starting over: nothing is reached through it.
      if (to === start) continue;
      const before = ways.get(to);
      if (before) before.push(node.id);
      else ways.set(to, [node.id]);
    }
  }
  return (card) => {
    const seen = new Set([card]);
    const queue = [card];
    for (let index = 0; index < queue.length; index++) {
      for (const from of ways.get(queue[index]!) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        queue.push(from);
      }
    }
    return queue;
  };
}
