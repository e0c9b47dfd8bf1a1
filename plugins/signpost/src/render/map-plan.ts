/**
 * Which nodes each map of a guide draws. A guide is drawn as a tree: each node once, under
 * the answer that first reaches it from the start (breadth first, answers in order); every
 * other answer that leads to it ends in a small reference to it instead of a line across the
 * map. A guide too large for one readable picture is split: the map of the start holds the
 * nodes nearest the start, up to a budget of boxes, and each branch that does not fit is a box
 * that opens the branch's own map, split the same way. Every node is drawn in full on exactly
 * one map, and the work is linear in nodes and answers whatever the guide's shape.
 */
import type { NodeView } from './site-model.ts';

/**
 * Boxes one map aims at: nodes, references and branches. About 40 answers of a guide of
 * questions with 2 to 5 answers, a picture that fits a few screens; a map's root is drawn with
 * all its answers whatever their number.
 */
export const MAP_BOXES = 80;

/** What one answer of a drawn node leads to on its map. */
export type MapTarget =
  /** The node itself, drawn under this answer. */
  | { type: 'node'; id: string }
  /** The root of another map: a box that opens that map. */
  | { type: 'branch'; id: string }
  /** A node drawn elsewhere (under another answer, or on another map): a reference to it. */
  | { type: 'ref'; id: string };

export interface MapPlan {
  /** The node the map starts from: the guide's start for the first map. */
  root: string;
  /** The map this one is a branch of, by its root (none for the first map). */
  parent: string | undefined;
  /** The nodes drawn in full, root first, breadth first. */
  nodes: string[];
  /** Per drawn node, what each of its answers leads to, in order. */
  targets: Map<string, { label: string; target: MapTarget }[]>;
}

/** A node's answers as the map labels them: an option's label, or "Continue" for `next`. */
export function answersOf(node: NodeView, continueLabel: string): { label: string; to: string }[] {
  if (node.kind === 'question') return node.options;
  if (node.kind === 'step') return node.next ? [{ label: continueLabel, to: node.next.to }] : [];
  if (node.kind === 'error') return [...node.options, ...(node.next ? [{ label: continueLabel, to: node.next.to }] : [])];
  return [];
}

/**
 * A node's answers with one way per node they lead to, where the first of them stands,
 * labelled with all their labels: several answers to one node are one arrow on the map.
 */
export function oneWayPerTarget(ways: { label: string; to: string }[]): { label: string; to: string }[] {
  const byTarget = new Map<string, { label: string; to: string }>();
  for (const way of ways) {
    const first = byTarget.get(way.to);
    if (first) first.label = `${first.label} / ${way.label}`;
    else byTarget.set(way.to, { label: way.label, to: way.to });
  }
  return [...byTarget.values()];
}

/**
 * The maps of a guide: the first is the start's; nodes no answer reaches (a guide that passes
 * `check` has none) are roots of maps of their own.
 */
export function planMaps(nodes: NodeView[], start: string, continueLabel: string, budget = MAP_BOXES): MapPlan[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const answers = new Map(
    nodes.map((node) => [node.id, oneWayPerTarget(answersOf(node, continueLabel).filter((way) => byId.has(way.to)))]),
  );
  // The tree: each node under the first answer that reaches it, breadth first from the start.
  const treeEdge = new Map<string, string>();
  const seen = new Set<string>();
  const roots: string[] = [];
  for (const root of [start, ...nodes.map((node) => node.id)]) {
    if (seen.has(root) || !byId.has(root)) continue;
    roots.push(root);
    seen.add(root);
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      answers.get(id)!.forEach((way, index) => {
        if (seen.has(way.to)) return;
        seen.add(way.to);
        treeEdge.set(way.to, `${id}>${index}`);
        queue.push(way.to);
      });
    }
  }
  const isTreeEdge = (from: string, index: number, to: string): boolean => treeEdge.get(to) === `${from}>${index}`;

  const plans: MapPlan[] = [];
  const pending: { root: string; parent: string | undefined }[] = roots.map((root) => ({ root, parent: undefined }));
  for (let next = 0; next < pending.length; next++) {
    const { root, parent } = pending[next]!;
    const plan: MapPlan = { root, parent, nodes: [], targets: new Map() };
    // Every answer of a drawn node is a box on this map; a child is drawn in full only while
    // its own answers still fit in the budget, else it is a branch with a map of its own. A
    // child without answers costs nothing (its box is its answer's): it is always drawn.
    let boxes = 1 + answers.get(root)!.length;
    const drawn = new Set([root]);
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      plan.nodes.push(id);
      const targets = answers.get(id)!.map((way, index) => {
        if (!isTreeEdge(id, index, way.to)) return { label: way.label, target: { type: 'ref', id: way.to } as MapTarget };
        const cost = answers.get(way.to)!.length;
        if (cost === 0 || boxes + cost <= budget) {
          boxes += cost;
          drawn.add(way.to);
          queue.push(way.to);
          return { label: way.label, target: { type: 'node', id: way.to } as MapTarget };
        }
        pending.push({ root: way.to, parent: root });
        return { label: way.label, target: { type: 'branch', id: way.to } as MapTarget };
      });
      plan.targets.set(id, targets);
    }
    plans.push(plan);
  }
  return plans;
}
