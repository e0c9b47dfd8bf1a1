/**
 * What the pages need of a checked guide: each node's HTML, the way from the start to it,
 * where it can be reached from, the outcomes beside it, and the guide in reading order.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { isOutcome, waysOn, type Guide, type GuideNode } from '../model.ts';
import type { GuideMeta } from '../schemas/metadata.ts';
import { renderBlocks, type RenderContext } from './html.ts';
import { stringsFor, type UiStrings } from './strings.ts';

/** One answer on the way to a node: the node it was given on, its question and the answer. */
export interface TrailStep {
  id: string;
  question: string;
  answer: string;
}

export interface PageNode {
  node: GuideNode;
  /** The node's own content, without its answers, Reason, fix or escalation. */
  body: string;
  reason: string | undefined;
  fix: string | undefined;
  /** The escalation text; `''` when the card escalates without words of its own. */
  escalate: string | undefined;
  /** The shortest way from the start: what a reader without JavaScript sees as the trail. */
  trail: TrailStep[];
  /** Other outcomes of the questions that lead here (for "did this answer your question?"). */
  siblings: GuideNode[];
}

export interface PageGuide {
  slug: string;
  meta: GuideMeta;
  strings: UiStrings;
  start: PageNode;
  /** Every node in reading order: depth first from the start, answers in order. */
  nodes: PageNode[];
  byId: Map<string, PageNode>;
}

/** Paths of a guide's pages under the site's base (`/` or `/help/`), with trailing slashes. */
export class SitePaths {
  readonly base: string;
  constructor(base: string) {
    this.base = base.endsWith('/') ? base : `${base}/`;
  }
  home(): string {
    return this.base;
  }
  guide(slug: string): string {
    return `${this.base}${slug}/`;
  }
  node(slug: string, id: string): string {
    return `${this.base}${slug}/${id}/`;
  }
  all(slug: string): string {
    return `${this.base}${slug}/all/`;
  }
  errors(slug: string): string {
    return `${this.base}${slug}/errors/`;
  }
  map(slug: string): string {
    return `${this.base}${slug}/map/`;
  }
  asset(path: string): string {
    return `${this.base}${path}`;
  }
}

function part(node: GuideNode, name: string): ContainerDirective | { children: RootContent[] } | undefined {
  for (const child of node.tree.children) {
    if (child.type === 'containerDirective' && child.name === name) return child;
    // `::escalate[Call us]`: the label is the text.
    if (child.type === 'leafDirective' && child.name === name) {
      return { children: child.children.length > 0 ? [{ type: 'paragraph', children: child.children }] : [] };
    }
  }
  return undefined;
}

/** Builds the page model of a guide that passed `check`. */
export function pageGuide(guide: Guide, paths: SitePaths): PageGuide {
  if (!guide.meta) throw new Error(`Guide ${guide.slug} has no valid metadata; run check first`);
  const meta = guide.meta;
  const strings = stringsFor(meta.lang);
  const context: RenderContext = { nodeHref: (id) => paths.node(guide.slug, id), strings };
  const render = (children: RootContent[] | undefined): string | undefined =>
    children === undefined ? undefined : renderBlocks(children, context);

  // Shortest ways from the start, answers tried in order: the trail without JavaScript.
  const via = new Map<string, TrailStep>();
  const queue = [meta.start];
  const seen = new Set(queue);
  for (let index = 0; index < queue.length; index++) {
    const node = guide.byId.get(queue[index]!)!;
    for (const edge of waysOn(node)) {
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
      const answer = 'label' in edge ? (edge as { label: string }).label : strings.continue;
      via.set(edge.to, { id: node.id, question: node.kind === 'question' ? node.prompt : node.title, answer });
    }
  }
  const trailTo = (id: string): TrailStep[] => {
    const steps: TrailStep[] = [];
    for (let step = via.get(id); step; step = via.get(step.id)) steps.unshift(step);
    return steps;
  };

  const parents = new Map<string, GuideNode[]>();
  for (const node of guide.nodes) {
    for (const edge of waysOn(node)) {
      const known = parents.get(edge.to);
      if (known) known.push(node);
      else parents.set(edge.to, [node]);
    }
  }
  const siblingsOf = (node: GuideNode): GuideNode[] => {
    const found = new Map<string, GuideNode>();
    for (const parent of parents.get(node.id) ?? []) {
      for (const edge of waysOn(parent)) {
        const other = guide.byId.get(edge.to);
        if (other && other !== node && isOutcome(other)) found.set(other.id, other);
      }
    }
    return [...found.values()];
  };

  // Reading order: depth first from the start, so each branch reads through to its outcomes.
  const order: GuideNode[] = [];
  const visited = new Set<string>();
  const visit = (id: string): void => {
    const node = guide.byId.get(id);
    if (!node || visited.has(id)) return;
    visited.add(id);
    order.push(node);
    for (const edge of waysOn(node)) visit(edge.to);
  };
  visit(meta.start);

  const nodes = order.map((node): PageNode => {
    const label = node.tree.children[0];
    const body = node.tree.children.filter((child) => !(child === label && child.type === 'paragraph' && child.data?.directiveLabel));
    return {
      node,
      body: render(body) ?? '',
      reason: render(part(node, 'reason')?.children),
      fix: render(part(node, 'fix')?.children),
      escalate: render(part(node, 'escalate')?.children),
      trail: trailTo(node.id),
      siblings: isOutcome(node) ? siblingsOf(node) : [],
    };
  });
  const byId = new Map(nodes.map((page) => [page.node.id, page]));
  return { slug: guide.slug, meta, strings, start: byId.get(meta.start)!, nodes, byId };
}
