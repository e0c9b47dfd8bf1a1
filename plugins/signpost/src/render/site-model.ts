/**
 * What the pages need of a checked guide: each node's HTML, the ways into it, the outcomes
 * beside it, and the guide in reading order.
 *
 * Each page holds only what is true of the node whatever way the reader came: the nodes that
 * lead to it (no trail from the start, which would be a path the reader may not have taken,
 * and would make the site grow with the square of a long chain). The trail of answers the
 * reader actually gave is the enhancement script's, from sessionStorage.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { isOutcome, waysOn, type Guide, type GuideNode } from '../core/graph/model.ts';
import type { GuideMeta } from '../core/schemas/metadata.ts';
import { nodeRender, renderFootnotes, renderPart, type PageComponent, type PageImage, type RenderContext } from './html.ts';
import type { CodeHighlighter } from './highlight.ts';
import { stringsFor, type UiStrings } from './strings.ts';

/** A way into a node: the node it is reached from, that node's question, and the answer that leads here. */
export interface WayIn {
  id: string;
  question: string;
  answer: string;
}

/**
 * A node as its page shows it: the graph node without its source tree and positions, so that
 * it can be stored by the content loader and read by the pages.
 */
export type NodeView =
  | (ViewBase & { kind: 'question'; prompt: string; options: { label: string; to: string }[] })
  | (ViewBase & { kind: 'step'; next: { to: string } | undefined })
  | (ViewBase & {
      kind: 'error';
      context: string | undefined;
      aliases: { text: string }[];
      /** The question above the answers of a card that goes on. */
      prompt: string;
      options: { label: string; to: string }[];
      next: { to: string } | undefined;
    })
  | (ViewBase & { kind: 'instructions' });

interface ViewBase {
  id: string;
  title: string;
  draft: boolean;
}

/** The view of a checked node. */
export function toView(node: GuideNode, strings: UiStrings): NodeView {
  const base = { id: node.id, title: node.title, draft: node.draft };
  switch (node.kind) {
    case 'question':
      return { ...base, kind: node.kind, prompt: node.prompt, options: node.options.map(({ label, to }) => ({ label, to })) };
    case 'step':
      return { ...base, kind: node.kind, next: node.next ? { to: node.next.to } : undefined };
    case 'error':
      return {
        ...base,
        kind: node.kind,
        context: node.context,
        aliases: node.aliases.map(({ text }) => ({ text })),
        prompt: node.prompt ?? strings.didTheFixWork,
        options: node.options.map(({ label, to }) => ({ label, to })),
        next: node.next ? { to: node.next.to } : undefined,
      };
    case 'instructions':
      return { ...base, kind: node.kind };
  }
}

export interface PageNode {
  node: NodeView;
  /** The node's own content, without its answers, Reason, fix or escalation. */
  body: string;
  reason: string | undefined;
  fix: string | undefined;
  /** The escalation text; `''` when the card escalates without words of its own. */
  escalate: string | undefined;
  /** The node's footnotes (`''` when it has none), shown after everything else. */
  footnotes: string;
  /** Images beside the guide, in the order of their placeholders (`<img data-signpost-image="0">`). */
  images: PageImage[];
  /** Files beside the guide the node links to or plays (absolute paths), which the site serves. */
  files: string[];
  /** The site's own components in the node, in the order of their placeholders. */
  components: PageComponent[];
  /** Every way into the node from another one, in reading order (none for the start). */
  reachedFrom: WayIn[];
  /** The one node that leads here, when there is exactly one: where Back goes without JavaScript. */
  parent: string | undefined;
  /** The fewest answers from the start to the node: its layer on the map. */
  depth: number;
  /** Other outcomes of the questions that lead here (for "did this answer your question?"). */
  siblings: { id: string; title: string }[];
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

/** What the site adds to rendering: colours for code, and the URLs of its pages and files. */
export interface RenderOptions {
  highlighter?: CodeHighlighter;
  /** The URL of a file beside the guide (absolute path in). */
  fileHref?: (file: string) => string;
  /** The URL of a path from the site's root; by default under the base of `paths`. */
  siteHref?: (path: string) => string;
  /** The names of the site's own components. */
  siteComponents?: ReadonlySet<string>;
}

/** Builds the page model of a guide that passed `check`. */
export function pageGuide(guide: Guide, paths: SitePaths, options: RenderOptions = {}): PageGuide {
  if (!guide.meta) throw new Error(`Guide ${guide.slug} has no valid metadata; run check first`);
  const meta = guide.meta;
  const strings = stringsFor(meta.lang);
  const context: RenderContext = {
    nodeHref: (id) => paths.node(guide.slug, id),
    siteHref: options.siteHref ?? ((path) => paths.asset(path.replace(/^\/+/, ''))),
    ...(options.fileHref ? { fileHref: options.fileHref } : {}),
    ...(options.highlighter ? { highlighter: options.highlighter } : {}),
    ...(options.siteComponents ? { siteComponents: options.siteComponents } : {}),
    strings,
    lang: meta.lang,
  };

  // Fewest answers from the start, for the map's layers.
  const depth = new Map<string, number>([[meta.start, 0]]);
  const queue = [meta.start];
  for (let index = 0; index < queue.length; index++) {
    const node = guide.byId.get(queue[index]!)!;
    for (const edge of waysOn(node)) {
      if (depth.has(edge.to)) continue;
      depth.set(edge.to, depth.get(node.id)! + 1);
      queue.push(edge.to);
    }
  }

  const parents = new Map<string, Set<GuideNode>>();
  const waysIn = new Map<string, WayIn[]>();
  for (const node of guide.nodes) {
    const question = node.kind === 'question' ? node.prompt : node.title;
    for (const edge of waysOn(node)) {
      const answer = 'label' in edge ? (edge as { label: string }).label : strings.continue;
      const ways = waysIn.get(edge.to) ?? [];
      ways.push({ id: node.id, question, answer });
      waysIn.set(edge.to, ways);
      parents.set(edge.to, (parents.get(edge.to) ?? new Set()).add(node));
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
  // With a stack of its own, not recursion: a chain of thousands of steps is a valid guide.
  const order: GuideNode[] = [];
  const visited = new Set<string>();
  const stack: { targets: string[]; next: number }[] = [];
  const enter = (id: string): void => {
    const node = guide.byId.get(id);
    if (!node || visited.has(id)) return;
    visited.add(id);
    order.push(node);
    stack.push({ targets: waysOn(node).map((edge) => edge.to), next: 0 });
  };
  enter(meta.start);
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.next < top.targets.length) enter(top.targets[top.next++]!);
    else stack.pop();
  }
  const rank = new Map(order.map((node, index) => [node.id, index]));
  const ordered = (ways: WayIn[]): WayIn[] => ways.toSorted((a, b) => rank.get(a.id)! - rank.get(b.id)!);

  const nodes = order.map((node): PageNode => {
    const label = node.tree.children[0];
    const body = node.tree.children.filter((child) => !(child === label && child.type === 'paragraph' && child.data?.directiveLabel));
    const rendering = nodeRender(context, node.id, node.file, node.tree);
    const render = (children: RootContent[] | undefined): string | undefined =>
      children === undefined ? undefined : renderPart(children, rendering);
    const parts = {
      body: render(body) ?? '',
      reason: render(part(node, 'reason')?.children),
      fix: render(part(node, 'fix')?.children),
      escalate: render(part(node, 'escalate')?.children),
    };
    return {
      node: toView(node, strings),
      ...parts,
      footnotes: renderFootnotes(rendering),
      images: rendering.images,
      files: [...rendering.files],
      components: rendering.components,
      reachedFrom: node.id === meta.start ? [] : ordered(waysIn.get(node.id) ?? []),
      parent: node.id !== meta.start && parents.get(node.id)?.size === 1 ? [...parents.get(node.id)!][0]!.id : undefined,
      depth: depth.get(node.id) ?? 0,
      siblings: isOutcome(node) ? siblingsOf(node).map(({ id, title }) => ({ id, title })) : [],
    };
  });
  const byId = new Map(nodes.map((page) => [page.node.id, page]));
  return { slug: guide.slug, meta, strings, start: byId.get(meta.start)!, nodes, byId };
}
