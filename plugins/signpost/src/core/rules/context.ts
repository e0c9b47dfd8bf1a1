/**
 * What every graph rule needs to know of a guide and to say where: the ids, a budget for
 * "did you mean" proposals, and the places of nodes as messages name them.
 */
import { relative } from 'node:path';
import type { Position } from 'unist';
import type { Edge, Guide, GuideNode } from '../graph/model.ts';
import { attributePlace } from '../parse/directives.ts';
import type { Problem } from '../problems.ts';
import { proposalBudget } from '../suggest.ts';

export interface RuleContext {
  guide: Guide;
  /** The guide's `index.mdx`, where guide-level problems (the start node) are reported. */
  indexFile: string;
  /** Every id of the guide, for proposals. */
  ids: string[];
  /** Shared by the rules, so that proposals stay cheap however many mistakes a guide has. */
  budget: ReturnType<typeof proposalBudget>;
  /** Where a node's id is written (`#id`), else the node. */
  idPlace: (node: GuideNode) => Position;
  /** Another node's place, as seen from `from`: `line 12, column 3`, or `more.mdx, line 1, column 1`. */
  where: (node: GuideNode, from: GuideNode) => string;
  /** Whether an answer, `next` or link names an existing node. */
  exists: (edge: Edge) => boolean;
  problems: Problem[];
  /** Nodes whose `unreachable-node` or `no-outcome` an earlier rule's problem already explains. */
  explained: { unreachable: Set<string>; loops: Set<string> };
}

export function ruleContext(guide: Guide, indexFile: string): RuleContext {
  // Ids are written as `#id`: a node that has one always has its place.
  const idPlace = (node: GuideNode) => attributePlace(node.tree, 'id') ?? node.position;
  return {
    guide,
    indexFile,
    ids: [...guide.byId.keys()],
    budget: proposalBudget(),
    idPlace,
    where: (node, from) => {
      const { line, column } = idPlace(node).start;
      const file = node.file === from.file ? '' : `${relative(guide.dir, node.file)}, `;
      return `${file}line ${line}, column ${column}`;
    },
    exists: (edge) => guide.byId.has(edge.to),
    problems: [],
    explained: { unreachable: new Set(), loops: new Set() },
  };
}

/** The ids reached from `roots` by following `next` (breadth first). */
export function reachable(guide: Guide, roots: string[], next: (node: GuideNode) => string[]): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let index = 0; index < queue.length; index++) {
    const node = guide.byId.get(queue[index]!);
    if (!node) continue;
    for (const target of next(node)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
