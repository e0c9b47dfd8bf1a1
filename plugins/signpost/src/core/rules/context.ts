/**
 * What every graph rule needs to know of a guide and to say where: the ids, a budget for
 * "did you mean" proposals, and the places of nodes as messages name them.
 */
import { relative } from 'node:path';
import type { Position } from 'unist';
import { reachedFrom, waysOn, type Edge, type ErrorNode, type GraphGuide, type GraphNode } from '../graph/model.ts';
import { Expressions } from '../match/matcher.ts';
import { RE2JS } from 're2js';
import { compileCardPatterns, type CardPatterns, type Proofs, type Wording } from './card-patterns.ts';
import type { Problem } from '../problems.ts';
import { proposalBudget } from '../suggest.ts';

/**
 * What the graph rules keep between the checks of one checker (core/memory.ts says what makes
 * each stale): a dev server's save costs what it changed.
 */
export interface RuleMemory {
  /** What the cards' patterns were proved to match, by guide folder (card-patterns.ts). */
  proofs: Map<string, Proofs>;
  /** What the last check kept of that in the parse cache (`KeptProofs`), by guide folder, as read: unchecked. */
  kept: Map<string, unknown>;
  /** The patterns' expressions, built (core/match/matcher.ts). */
  expressions: Expressions;
  /** What readers may paste of each card, by card (card-patterns.ts). */
  wordings: WeakMap<GraphNode<ErrorNode>, Wording[]>;
  /** A card's message and aliases as they compare, by card (duplicate-error-message.ts). */
  compared: WeakMap<GraphNode<ErrorNode>, string[]>;
}

/** A rule memory with nothing in it yet. */
export function ruleMemory(): RuleMemory {
  return { proofs: new Map(), kept: new Map(), expressions: new Expressions(RE2JS), wordings: new WeakMap(), compared: new WeakMap() };
}

export interface RuleContext {
  guide: GraphGuide;
  /** The guide's `index.mdx`, where guide-level problems (the start node) are reported. */
  indexFile: string;
  /** Every id of the guide, for proposals: listed the first time a rule asks. */
  readonly ids: string[];
  /** Shared by the rules, so that proposals stay cheap however many mistakes a guide has. */
  budget: ReturnType<typeof proposalBudget>;
  /** Where a node's id is written (`#id`), else the node. */
  idPlace: (node: GraphNode) => Position;
  /** Another node's place, as seen from `from`: `line 12, column 3`, or `more.mdx, line 1, column 1`. */
  where: (node: GraphNode, from: GraphNode) => string;
  /** Whether an answer, `next` or link names an existing node. */
  exists: (edge: Edge) => boolean;
  /** The ids reached from the start node by answers and `next`; undefined without a start node. Worked out once. */
  reached: () => Set<string> | undefined;
  /**
   * The ids of a node's branch: reached from it by answers and `next`, not through the start
   * (`reachedFrom` of graph/model.ts). Worked out once per node asked for.
   */
  branchOf: (id: string) => Set<string>;
  problems: Problem[];
  /** Nodes whose `unreachable-node` or `no-outcome` an earlier rule's problem already explains. */
  explained: { unreachable: Set<string>; loops: Set<string> };
  /** The cards' `match` patterns, compiled for the rules that prove them: once per validation. */
  cardPatterns: () => CardPatterns;
  /** What the checker keeps between checks. */
  memory: RuleMemory;
}

export function ruleContext(guide: GraphGuide, indexFile: string, memory: RuleMemory): RuleContext {
  const idPlace = (node: GraphNode) => node.places.id;
  let reached: Set<string> | undefined | null = null;
  let ids: string[] | undefined;
  let patterns: CardPatterns | undefined;
  const branches = new Map<string, Set<string>>();
  return {
    guide,
    indexFile,
    get ids() {
      return (ids ??= [...guide.byId.keys()]);
    },
    budget: proposalBudget(),
    idPlace,
    where: (node, from) => {
      const { line, column } = idPlace(node).start;
      const file = node.file === from.file ? '' : `${relative(guide.dir, node.file)}, `;
      return `${file}line ${line}, column ${column}`;
    },
    exists: (edge) => guide.byId.has(edge.to),
    reached: () => {
      if (reached === null) {
        const start = guide.start;
        reached = start !== undefined && guide.byId.has(start) ? reachable(guide, [start], waysOn) : undefined;
      }
      return reached;
    },
    branchOf: (id) => {
      let found = branches.get(id);
      if (!found) branches.set(id, (found = reachedFrom(guide.byId, id, guide.start)));
      return found;
    },
    problems: [],
    explained: { unreachable: new Set(), loops: new Set() },
    cardPatterns: () => (patterns ??= compileCardPatterns(guide, memory)),
    memory,
  };
}

/** The ids reached from `roots` by following `next` (breadth first). */
export function reachable(guide: GraphGuide, roots: string[], next: (node: GraphNode) => Iterable<{ to: string }>): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let index = 0; index < queue.length; index++) {
    const node = guide.byId.get(queue[index]!);
    if (!node) continue;
    for (const { to } of next(node)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
