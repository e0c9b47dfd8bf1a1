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
import type { List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isOutcome, waysOn, type Guide, type GuideNode, type MatchPattern } from '../core/graph/model.ts';
import type { GuideMeta } from '../core/schemas/metadata.ts';
import { isCalloutDirective } from '../core/parse/vocabulary.ts';
import { isDirective } from '../core/parse/directives.ts';
import type { CodeHighlighter } from './highlight.ts';
import { nodeRender, renderFootnotes, renderPart, type PageComponent, type PageImage, type RenderContext } from './html.ts';
import { stringsFor, type UiStrings } from './strings.ts';
import { answersOf } from './map-plan.ts';

/** A way into a node: the node it is reached from, that node's question, and the answer that leads here. */
export interface WayIn {
  id: string;
  question: string;
  answer: string;
}

/**
 * Other answers of a question that leads to an outcome, for a reader who says the outcome did
 * not answer their question: the question's prompt and its other answers that end in an outcome.
 */
export interface Alternative {
  /** The question's id. */
  id: string;
  prompt: string;
  options: { label: string; to: string }[];
}

/** What the paste box needs of a card's pattern: all of it but its places in the file. */
export type PastePattern = Omit<MatchPattern, 'position' | 'within'> & { within?: { to: string } };

/** A card's pattern as the paste box needs it (`PastePattern`). */
function pastePattern({ position: _position, within, ...pattern }: MatchPattern): PastePattern {
  return { ...pattern, ...(within ? { within: { to: within.to } } : {}) };
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
      /** The shapes of the message in a paste: patterns as written, regular expressions with their key words and RE2 form. */
      patterns: PastePattern[];
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
  /** Ids the node had before (`moved-from`): each gets a page that sends readers here. */
  movedFrom: string[];
  /**
   * The nodes its content links to (`:link`, `[text](#id)`), each once, when it has any: ways on
   * a reader may take too, which a paste's scope follows (paste-scope.ts).
   */
  links?: string[];
}

/** The view of a checked node. */
export function toView(node: GuideNode, strings: UiStrings): NodeView {
  const links = [...new Set(node.links.map((link) => link.to))];
  const base = {
    id: node.id,
    title: node.title,
    draft: node.draft,
    movedFrom: node.movedFrom.map((former) => former.text),
    ...(links.length > 0 ? { links } : {}),
  };
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
        patterns: node.patterns.map(pastePattern),
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
  /**
   * The node's own content, without its answers, Reason, fix or escalation; for a question,
   * what is written before its answers.
   */
  body: string;
  /** A question's content written after its answers (`''` when there is none, and for other kinds). */
  after: string;
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
  /**
   * For an outcome: per question that leads here, its other answers that end in an outcome
   * (offered after "No" to "Did this answer your question?").
   */
  alternatives: Alternative[];
  /** What search engines and link previews show: the first paragraph, or the Reason (plain text). */
  description: string;
}

/**
 * The page with each of its parts of HTML (body, Reason, fix, escalation, footnotes) passed
 * through `change`: how the build puts in what only Astro renders (images, the site's components).
 */
export function mapHtml(page: PageNode, change: (html: string) => string): PageNode {
  const each = (html: string | undefined) => (html === undefined ? undefined : change(html));
  return {
    ...page,
    body: change(page.body),
    after: change(page.after),
    reason: each(page.reason),
    fix: each(page.fix),
    escalate: each(page.escalate),
    footnotes: change(page.footnotes),
  };
}

export interface PageGuide {
  slug: string;
  meta: GuideMeta;
  strings: UiStrings;
  start: PageNode;
  /** Every node in reading order: depth first from the start, answers in order. */
  nodes: PageNode[];
  byId: Map<string, PageNode>;
  /** The guide's own words, for search's "Did you mean". */
  vocabulary: string[];
  /** How many of the guide's nodes use each of its commonest words (see `words`). */
  commonWords: Record<string, number>;
}

/**
 * Nodes on one page of the one-page view: a guide of more has it in parts of this many, in
 * reading order. A page of 10,000 nodes would be 20 MB, more than a browser opens comfortably,
 * and alone took 300 MB of the build's memory.
 */
export const ONE_PAGE_NODES = 1000;

/** The one-page view's parts: the guide's nodes in reading order, `ONE_PAGE_NODES` a part. */
export function onePageParts<T>(nodes: T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < nodes.length || parts.length === 0; start += ONE_PAGE_NODES)
    parts.push(nodes.slice(start, start + ONE_PAGE_NODES));
  return parts;
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
  /** The one-page view, or its part `number` (from 1) for a guide in parts (see `onePageParts`). */
  all(slug: string, number = 1): string {
    return number === 1 ? `${this.base}${slug}/all/` : `${this.base}${slug}/all/${number}/`;
  }
  errors(slug: string): string {
    return `${this.base}${slug}/errors/`;
  }
  map(slug: string): string {
    return `${this.base}${slug}/map/`;
  }
  /** The map of a branch of a guide too large for one map, by the node it starts from. */
  mapOf(slug: string, root: string): string {
    return `${this.base}${slug}/map/${root}/`;
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

/**
 * Moves the headings of rendered content so that its highest is at `top`: a writer's `###`
 * under a page's h1 becomes an h2, so that the page's outline never skips a level (screen
 * readers navigate by it). The HTML is the renderer's own, so a `<h` is always a tag.
 */
export function nestHeadings(html: string, top: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
  if (levels.length === 0) return html;
  const shift = top - Math.min(...levels);
  if (shift === 0) return html;
  return html.replace(
    /<(\/?)h([1-6])([\s>])/g,
    (_, slash: string, level: string, after: string) => `<${slash}h${Math.min(6, Math.max(1, Number(level) + shift))}${after}`,
  );
}

/** The longest description, as search engines show it. */
const DESCRIPTION_LENGTH = 160;

/** Readable text of Markdown blocks: each paragraph, heading or list item a sentence. */
export function plainText(children: readonly RootContent[]): string {
  const parts: string[] = [];
  const stack = [...children].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell') {
      const text = toString(child).replace(/\s+/g, ' ').trim();
      if (text) parts.push(/[.!?:;…]$/.test(text) ? text : `${text}.`);
    } else if ('children' in child) {
      stack.push(...[...(child.children as RootContent[])].reverse());
    }
  }
  return parts.join(' ');
}

/** Text cut to a search engine's snippet, at a word. */
export function snippet(text: string, max = DESCRIPTION_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** The first paragraph of a node's own content, skipping directive labels. */
function firstParagraph(children: readonly RootContent[]): RootContent | undefined {
  const stack = [...children].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (child.type === 'paragraph' && !child.data?.directiveLabel) return child;
    if ('children' in child) stack.push(...[...(child.children as RootContent[])].reverse());
  }
  return undefined;
}

/**
 * How to fix as numbered steps: a bulleted list of two or more steps becomes a numbered one,
 * so that a reader (and support) can say which step they are on. Task lists stay as they are.
 */
function numbered(children: RootContent[] | undefined): RootContent[] | undefined {
  return children?.map((child) =>
    child.type === 'list' && !child.ordered && child.children.length > 1 && child.children.every((item) => item.checked == null)
      ? ({ ...child, ordered: true, start: 1 } satisfies List)
      : child,
  );
}

/** A word is common in a guide when at least this share of its nodes use it. */
const COMMON_SHARE = 0.1;
/** Common words kept at most, the commonest first. */
const COMMON_WORDS = 400;

/**
 * The guide's words (lowercase, three letters or more), for suggesting a spelling; and how
 * many of its nodes use each of its commonest words, with which search leaves out of a long
 * query the words nearly every page holds (each costs the reader a large part of the index).
 */
function words(guide: Guide): { vocabulary: string[]; commonWords: Record<string, number> } {
  const known = new Set<string>();
  const nodesWith = new Map<string, number>();
  for (const node of guide.nodes) {
    // Not the pasted lines of `example` (ids, hosts, times) or the patterns: words readers mean.
    const shown = node.tree.children.filter(
      (child) => !(child.type === 'leafDirective' && (child.name === 'match' || child.name === 'example')),
    );
    const text = [node.title, node.kind === 'question' ? node.prompt : '', toString({ ...node.tree, children: shown })].join(' ');
    const own = new Set<string>();
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length > 32) continue;
      own.add(word);
      if (word.length >= 3 && !/^\d+$/.test(word)) known.add(word);
    }
    for (const word of own) nodesWith.set(word, (nodesWith.get(word) ?? 0) + 1);
  }
  const floor = Math.max(2, Math.ceil(guide.nodes.length * COMMON_SHARE));
  const common = [...nodesWith]
    .filter(([word, count]) => word && count >= floor)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, COMMON_WORDS);
  return { vocabulary: [...known].sort(), commonWords: Object.fromEntries(common) };
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

  const list = new Intl.ListFormat(meta.lang, { type: 'disjunction' });
  const describe = (node: GuideNode, body: RootContent[]): string => {
    const reason = node.kind === 'error' ? part(node, 'reason')?.children : undefined;
    // The node's own words: not its answers, Reason, fix or escalation, which are directives too.
    const own = body.filter(
      (child) => !((child.type === 'containerDirective' || child.type === 'leafDirective') && !isCalloutDirective(child.name)),
    );
    const paragraph = firstParagraph(own);
    const text = reason
      ? plainText(reason)
      : paragraph
        ? plainText([paragraph])
        : node.kind === 'question'
          ? `${node.prompt} ${list.format(node.options.map((option) => option.label))}.`
          : node.title;
    return snippet(text);
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
  const views = order.map((node) => toView(node, strings));
  const facts = wayFacts(views, meta.start, strings.continue);

  const nodes = order.map((node, index): PageNode => {
    const label = node.tree.children[0];
    const body = node.tree.children.filter((child) => !(child === label && child.type === 'paragraph' && child.data?.directiveLabel));
    // A question's content stands where it is written: before its answers, or after them.
    const answersAt = node.kind === 'question' ? body.findIndex((child) => isDirective(child) && child.name === 'option') : -1;
    const rendering = nodeRender(context, node.id, node.file, node.tree);
    const render = (children: RootContent[] | undefined): string | undefined =>
      children === undefined ? undefined : renderPart(children, rendering);
    const parts = {
      body: render(answersAt === -1 ? body : body.slice(0, answersAt)) ?? '',
      after: answersAt === -1 ? '' : (render(body.slice(answersAt)) ?? ''),
      reason: render(part(node, 'reason')?.children),
      fix: render(numbered(part(node, 'fix')?.children)),
      escalate: render(part(node, 'escalate')?.children),
    };
    return {
      node: views[index]!,
      ...parts,
      footnotes: renderFootnotes(rendering),
      images: rendering.images,
      files: [...rendering.files],
      components: rendering.components,
      ...facts.get(node.id)!,
      description: describe(node, body),
    };
  });
  const byId = new Map(nodes.map((page) => [page.node.id, page]));
  return { slug: guide.slug, meta, strings, start: byId.get(meta.start)!, nodes, byId, ...words(guide) };
}

/** What a page says about the ways into its node, worked out from the whole guide. */
export type WayFacts = Pick<PageNode, 'reachedFrom' | 'parent' | 'depth' | 'alternatives'>;

/**
 * The ways into each node of a guide, from the views of its nodes in reading order: where it
 * is reached from, its one parent if it has one, its depth, and for an outcome the other
 * answers of the questions that lead to it. The loader does not store them: the pages work
 * them out from the nodes (see site-data.ts), which keeps Astro's data store small.
 */
export function wayFacts(views: readonly NodeView[], start: string, continueLabel: string): Map<string, WayFacts> {
  const byId = new Map(views.map((view) => [view.id, view]));
  const rank = new Map(views.map((view, index) => [view.id, index]));
  // Fewest answers from the start, for the map's layers.
  const depth = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const view = byId.get(queue[index]!);
    for (const edge of view ? waysOn(view) : []) {
      if (depth.has(edge.to)) continue;
      depth.set(edge.to, depth.get(view!.id)! + 1);
      queue.push(edge.to);
    }
  }
  const parents = new Map<string, Set<NodeView>>();
  const waysIn = new Map<string, WayIn[]>();
  for (const view of views) {
    const question = view.kind === 'question' ? view.prompt : view.title;
    for (const { label, to } of answersOf(view, continueLabel)) {
      const ways = waysIn.get(to) ?? [];
      ways.push({ id: view.id, question, answer: label });
      waysIn.set(to, ways);
      parents.set(to, (parents.get(to) ?? new Set()).add(view));
    }
  }
  const byRank = <T extends { id: string }>(list: T[]): T[] => list.toSorted((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  const alternativesTo = (view: NodeView): Alternative[] =>
    [...(parents.get(view.id) ?? [])].flatMap((parent) => {
      if (parent.kind !== 'question') return [];
      const seen = new Set<string>([view.id]);
      const others = parent.options.flatMap(({ label, to }) => {
        const other = byId.get(to);
        if (seen.has(to) || !other || !isOutcome(other)) return [];
        seen.add(to);
        return [{ label, to }];
      });
      return others.length > 0 ? [{ id: parent.id, prompt: parent.prompt, options: others }] : [];
    });
  return new Map(
    views.map((view) => {
      const from = parents.get(view.id);
      return [
        view.id,
        {
          reachedFrom: view.id === start ? [] : byRank(waysIn.get(view.id) ?? []),
          parent: view.id !== start && from?.size === 1 ? [...from][0]!.id : undefined,
          depth: depth.get(view.id) ?? 0,
          alternatives: isOutcome(view) ? byRank(alternativesTo(view)) : [],
        },
      ];
    }),
  );
}
