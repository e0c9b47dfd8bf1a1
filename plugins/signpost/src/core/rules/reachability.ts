/**
 * `missing-start`, `unreachable-node` and `no-outcome`: the guide starts at a node that exists,
 * every node can be reached from it, and from every node an outcome can be reached.
 */
import { missingStartRule } from './missing-start.ts';
import { noOutcomeRule } from './no-outcome.ts';
import { unreachableNodeRule } from './unreachable-node.ts';
import { isOutcome, waysOn, type GraphNode } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function missingStart(context: RuleContext): void {
  const { guide, indexFile, budget, problems } = context;
  const start = guide.start;
  if (start === undefined || guide.byId.has(start) || guide.nodes.length === 0) return;
  const proposal = closest(start, context.ids, budget);
  problems.push(problem(indexFile, missingStartRule.say('unknown', shorten(start), proposal), guide.startPosition));
}

export function unreachableNodes({ guide, reached: reach, problems, explained }: RuleContext): void {
  const start = guide.start;
  const reached = reach();
  if (start === undefined || !reached) return;
  for (const node of guide.nodes) {
    if (!node.id || reached.has(node.id) || guide.byId.get(node.id) !== node || explained.unreachable.has(node.id)) continue;
    problems.push(problem(node.file, unreachableNodeRule.say('unreachable', shorten(node.id), shorten(start)), node.places.opening));
  }
}

/**
 * Walks backwards from the outcomes. Nodes already reported as dead ends or with a dangling
 * target count as leading out, so that one mistake is not reported twice.
 */
export function noOutcome({ guide, exists, problems, explained }: RuleContext): void {
  // Most nodes have one way in: a node, not a list of one.
  const predecessors = new Map<string, GraphNode | GraphNode[]>();
  const canFinish = new Set<string>();
  const queue: GraphNode[] = [];
  for (const node of guide.nodes) {
    const ways = waysOn(node);
    let leadsOut = isOutcome(node) || ways.length === 0 || explained.loops.has(node.id);
    for (const edge of ways) {
      if (!exists(edge)) leadsOut = true;
      const before = predecessors.get(edge.to);
      if (!before) predecessors.set(edge.to, node);
      else if (Array.isArray(before)) before.push(node);
      else predecessors.set(edge.to, [before, node]);
    }
    if (leadsOut && !canFinish.has(node.id)) {
      canFinish.add(node.id);
      queue.push(node);
    }
  }
  // Backwards, breadth first; a node without an id leads nowhere back.
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index]!;
    if (!node.id) continue;
    const ways = predecessors.get(node.id);
    for (const before of ways === undefined ? [] : Array.isArray(ways) ? ways : [ways]) {
      if (canFinish.has(before.id)) continue;
      canFinish.add(before.id);
      queue.push(before);
    }
  }
  for (const node of guide.nodes) {
    if (!node.id || canFinish.has(node.id) || guide.byId.get(node.id) !== node) continue;
    problems.push(problem(node.file, noOutcomeRule.say('loops', shorten(node.id)), node.places.opening));
  }
}
