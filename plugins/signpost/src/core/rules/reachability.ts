/**
 * `missing-start`, `unreachable-node` and `no-outcome`: the guide starts at a node that exists,
 * every node can be reached from it, and from every node an outcome can be reached.
 */
import { isOutcome, waysOn } from '../graph/model.ts';
import { openingOf } from '../parse/directives.ts';
import { problem } from '../problems.ts';
import { closest, shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import { reachable, type RuleContext } from './context.ts';

export function missingStart({ guide, indexFile, ids, budget, problems }: RuleContext): void {
  const start = guide.start;
  if (start === undefined || guide.byId.has(start) || guide.nodes.length === 0) return;
  const proposal = closest(start, ids, budget);
  problems.push(problem(indexFile, say('missing-start', 'unknown', shorten(start), proposal), guide.startPosition));
}

export function unreachableNodes({ guide, problems, explained }: RuleContext): void {
  const start = guide.start;
  if (start === undefined || !guide.byId.has(start)) return;
  const reached = reachable(guide, [start], (node) => waysOn(node).map((edge) => edge.to));
  for (const node of guide.nodes) {
    if (!node.id || reached.has(node.id) || guide.byId.get(node.id) !== node || explained.unreachable.has(node.id)) continue;
    problems.push(problem(node.file, say('unreachable-node', 'unreachable', shorten(node.id), shorten(start)), openingOf(node.tree)));
  }
}

/**
 * Walks backwards from the outcomes. Nodes already reported as dead ends or with a dangling
 * target count as leading out, so that one mistake is not reported twice.
 */
export function noOutcome({ guide, exists, problems, explained }: RuleContext): void {
  const leadsOut = guide.nodes
    .filter(
      (node) => isOutcome(node) || explained.loops.has(node.id) || waysOn(node).length === 0 || waysOn(node).some((edge) => !exists(edge)),
    )
    .map((node) => node.id);
  const predecessors = new Map<string, string[]>();
  for (const node of guide.nodes) {
    for (const edge of waysOn(node)) {
      const before = predecessors.get(edge.to);
      if (before) before.push(node.id);
      else predecessors.set(edge.to, [node.id]);
    }
  }
  const canFinish = reachable(guide, leadsOut, (node) => predecessors.get(node.id) ?? []);
  for (const node of guide.nodes) {
    if (!node.id || canFinish.has(node.id) || guide.byId.get(node.id) !== node) continue;
    problems.push(problem(node.file, say('no-outcome', 'loops', shorten(node.id)), openingOf(node.tree)));
  }
}
