/**
 * The typed graph a guide becomes: what the pages, the search index, the map and the checks
 * are all built from. Every piece keeps the source position it came from.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { GuideMeta } from '../schemas/metadata.ts';

export const NODE_KINDS = ['question', 'step', 'error', 'instructions'] as const;
/** What a node is: a question, a step, or an outcome (an error card or instructions). */
export type NodeKind = (typeof NODE_KINDS)[number];

/** A reference from one node to another: an answer, a step's `next`, or a `:link` in text. */
export interface Edge {
  /** The id of the target node, as written. */
  to: string;
  /** Where the target is named (the `to` or `next` attribute), for error reports. */
  position: Position;
  /** The attribute at `position`, when it is the attribute's own place: what a fix rewrites. */
  attribute?: 'to' | 'next' | 'within';
}

/** The text of an edge's attribute naming another target, for a proposed fix: `to="x"`. */
export function rewriteEdge(edge: Edge): ((id: string) => string) | undefined {
  const name = edge.attribute;
  return name ? (id) => `${name}="${id}"` : undefined;
}

/** One answer of a question. */
export interface Option extends Edge {
  /** The answer as the reader sees it, as plain text. */
  label: string;
}

/**
 * A file or page a node's content points at: an image or video shown, a file or page linked.
 * Checked against the guide folder and the site every run (`rules/broken-file.ts`), not when
 * the file is parsed: the file may come or go while the guide's text stays the same.
 */
export interface FileRef {
  /** The path as written, without `#fragment` or `?query`, percent-decoded. */
  path: string;
  /**
   * `image`: shown, so an image file; `video`, `poster`, `captions`: a video's files; `file`: a
   * relative link to a file beside the guide; `page`: a link from the site's root (`/pricing/`).
   */
  kind: 'image' | 'video' | 'poster' | 'captions' | 'file' | 'page';
  position: Position;
}

/** A piece of text with the place it was written. */
export interface Located {
  text: string;
  position: Position;
  /** It holds something, but only comments: nothing a reader sees. */
  onlyComments?: true;
}

/**
 * A shape the card's message may take in a paste (`::match[…]` or `::match{regex="…"}`), checked
 * when read: only valid patterns get here (see core/match/).
 */
export interface MatchPattern {
  /** As written: text with placeholders (`Failed to create geocompany {id}`), or a regular expression. */
  text: string;
  regex: boolean;
  /** For a regular expression: words a matching line holds at least one of (core/match/regex.ts). */
  keys?: string[];
  /** For a regular expression: the same in RE2's syntax, as the matcher runs it (core/match/regex.ts). */
  expression?: string;
  /** For a regular expression: the literal text any match holds, in characters (core/match/regex.ts). */
  specificity?: number;
  position: Position;
  /**
   * `within="node-id"`: the pattern applies only to a paste made on a page from which that node
   * is reached, or on a page of that node's branch (core/graph/match-scope.ts).
   */
  within?: Edge;
}

interface NodeBase {
  id: string;
  /** The heading (for an error card: the message as the reader sees it on screen). */
  title: string;
  draft: boolean;
  /** Absolute path of the file that holds the node. */
  file: string;
  /** The whole directive's position. */
  position: Position;
  /** The directive itself, for rendering. The graph rules see nodes without it (`GraphNode`). */
  tree: ContainerDirective;
  /** Where the node's opening, `#id` and `title` are written: what the graph rules report at. */
  places: NodePlaces;
  /** `:link` and `[text](#id)` references in the node's content. */
  links: Edge[];
  /** Ids the node had before (`moved-from`): each old URL leads to its page. */
  movedFrom: Located[];
  /** Images, videos, files and pages the content points at. */
  files: FileRef[];
}

export interface QuestionNode extends NodeBase {
  kind: 'question';
  /** The question asked (the `prompt` attribute, else the title). */
  prompt: string;
  options: Option[];
}

export interface StepNode extends NodeBase {
  kind: 'step';
  next: Edge | undefined;
}

export interface ErrorNode extends NodeBase {
  kind: 'error';
  /** Where the message appears, e.g. the dialog "Connect Selling Partners". */
  context: string | undefined;
  /** Other wordings of the message that search should match. */
  aliases: Located[];
  /** Shapes of the message in a pasted text (`::match`). */
  patterns: MatchPattern[];
  /**
   * How many of its `::match` patterns were left out as invalid (`invalid-pattern` and the
   * like report each): its examples are not reported for matching none of the patterns left.
   */
  refusedPatterns: number;
  /** Lines as readers paste them, which the patterns must match (`::example`). */
  examples: Located[];
  reason: Located | undefined;
  fix: Located | undefined;
  /** Where the card escalates to support, if it does. */
  escalate: Position | undefined;
  /** The escalation's own words (`''` for a bare `::escalate`). */
  escalateText: string;
  /** The question asked above the card's answers (its `prompt`, else the guide's "Did the fix work?"). */
  prompt: string | undefined;
  /** Answers after How to fix, for a card that goes on ("Did the fix work?"). */
  options: Option[];
  /** The node the reader continues to after How to fix. */
  next: Edge | undefined;
}

export interface InstructionsNode extends NodeBase {
  kind: 'instructions';
  /** Where the card escalates to support, if it does. */
  escalate: Position | undefined;
  /** The escalation's own words (`''` for a bare `::escalate`). */
  escalateText: string;
}

export type GuideNode = QuestionNode | StepNode | ErrorNode | InstructionsNode;

/** Where the parts of a node's opening are written (`:::error{#id title="…"}`). */
export interface NodePlaces {
  /** The opening line of the directive. */
  opening: Position;
  /** `#id`, else the opening. */
  id: Position;
  /** `title="…"` as written on the node itself, when it is. */
  title?: Position;
}

/** A node as the graph rules see it: its fields and places, not its tree. */
export type GraphNode<N extends GuideNode = GuideNode> = N extends GuideNode ? Omit<N, 'tree'> : never;

/** A guide as the graph rules see it (rules/validate.ts): nodes without their trees. */
export type GraphGuide = Omit<Guide, 'nodes' | 'byId'> & {
  readonly nodes: readonly GraphNode[];
  readonly byId: ReadonlyMap<string, GraphNode>;
};
export type OutcomeNode = ErrorNode | InstructionsNode;

/** Whether a node ends the reader's walk. */
export function isOutcome<N extends { kind: NodeKind }>(node: N): node is Extract<N, { kind: 'error' | 'instructions' }> {
  return node.kind === 'error' || node.kind === 'instructions';
}

/** Anything shaped like a node: a graph node, or a page's view of one. */
type WithWays<E> =
  | { kind: 'question'; options: E[] }
  | { kind: 'step'; next: E | undefined }
  | { kind: 'error'; options: E[]; next: E | undefined }
  | { kind: 'instructions' };

/** The ways on from a node, in the order the reader sees them (an error card may go on too). */
export function waysOn<E extends { to: string }>(node: WithWays<E>): E[] {
  if (node.kind === 'question') return node.options;
  if (node.kind === 'step') return node.next ? [node.next] : [];
  if (node.kind === 'error') return node.next ? [...node.options, node.next] : node.options;
  return [];
}

/** A whole guide: its metadata and its nodes, in reading order (files, then source order). */
export interface Guide {
  /** The folder name: the guide's URL segment. */
  slug: string;
  /** Absolute path of the guide folder. */
  dir: string;
  /** Absolute paths of the `.mdx` files read, `index.mdx` first. */
  files: string[];
  /** The validated metadata, or undefined when it is missing or invalid. */
  meta: GuideMeta | undefined;
  /** The id of the start node as written, even when other metadata is invalid. */
  start: string | undefined;
  /** Where the `start` field is written, for `missing-start` reports. */
  startPosition: Position | undefined;
  nodes: GuideNode[];
  /** First node of each id (duplicates are reported, not kept). */
  byId: Map<string, GuideNode>;
}

/**
 * The ids reached from the node `from` by answers, `next` and the links of its content (a
 * reader may follow those too), `from` itself among them. An answer or a link back to the
 * start (`start`) is starting over, not going on: the start and what only
 * it leads to are not reached through it, unless `from` is the start. This is a branch's reach,
 * which a paste's scope and a pattern's `within` are (core/graph/match-scope.ts).
 */
export function reachedFrom<E extends { to: string }>(
  byId: ReadonlyMap<string, WithWays<E> & { id: string; links?: readonly (string | { to: string })[] }>,
  from: string,
  start: string | undefined,
): Set<string> {
  const reached = new Set<string>([from]);
  const queue = [from];
  for (let index = 0; index < queue.length; index++) {
    const node = byId.get(queue[index]!);
    const links = (node?.links ?? []).map((link) => (typeof link === 'string' ? { to: link } : link));
    for (const { to } of node ? [...waysOn(node), ...links] : []) {
      if (reached.has(to) || to === start) continue;
      reached.add(to);
      queue.push(to);
    }
  }
  return reached;
}
