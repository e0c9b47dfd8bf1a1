/**
 * Where the reader is, as the paste matcher needs it (scripts/paste.ts): on a page that goes on
 * (a question, a step, a card with answers), a paste is matched to the cards reached from there
 * only (by answers, `next` and the links of the content, which a reader may follow too), and a pattern scoped `within` a node applies only above that node or on its branch. The
 * start page, an outcome and the pages of no one node (the error index, the list of guides)
 * match every card.
 *
 * Worked out once per build for every page: the cards each node reaches, as bits, by a fixed
 * point over the graph (linear in its answers for a guide without loops back), then written on
 * each page as ranges of card numbers (`3-17 40`), which are few: cards are numbered in reading
 * order, depth first, so a branch's cards stand together. An answer back to the start is
 * starting over, not going on: it does not bring the whole guide into a branch.
 *
 * Also the shortest way to each card from the start, as its answers ("Version 6 › Linux"), for
 * the cards a paste matches equally well (`match-names.json`).
 */
import { reachedFrom } from '../core/graph/model.ts';
import { answersOf } from './map-plan.ts';
import { scopeTargets, type PasteNames } from './paste-data.ts';
import type { NodeView, PageGuide } from './site-model.ts';

/** What a page says of its scope, as `data-*` attributes of its `<html>`: none for one that matches every card. */
export interface PageScope {
  /** The cards reached from the page, as ranges of their numbers in `match.json`: `3-17 40`. */
  'paste-cards': string;
  /** The `within` targets (their numbers, see `scopeTargets`) whose patterns apply on the page. */
  'paste-within': string;
}

/** Each guide's cards' bits by node, and the first number of its cards among the site's. */
interface GuideScopes {
  offset: number;
  words: number;
  bits: Map<string, Uint32Array>;
  targets: { number: number; branch: Set<string>; above: Set<string> }[];
}

const known = new WeakMap<readonly PageGuide[], Map<string, GuideScopes>>();

/** The scope of a node's page, or undefined for a page that matches every card. */
export function pageScope(guides: readonly PageGuide[], slug: string, id: string): PageScope | undefined {
  let scopes = known.get(guides);
  if (!scopes) known.set(guides, (scopes = scopesOf(guides)));
  const guide = guides.find((found) => found.slug === slug);
  const found = scopes.get(slug);
  const view = guide?.byId.get(id)?.node;
  if (!guide || !found || !view || id === guide.meta.start || answersOf(view, '').length === 0) return undefined;
  const bits = found.bits.get(id)!;
  const ranges: string[] = [];
  let from = -1;
  const total = found.words * 32;
  for (let card = 0; card <= total; card++) {
    const set = card < total && (bits[card >>> 5]! & (1 << (card & 31))) !== 0;
    if (set && from < 0) from = card;
    else if (!set && from >= 0) {
      const [first, last] = [found.offset + from, found.offset + card - 1];
      ranges.push(first === last ? `${first}` : `${first}-${last}`);
      from = -1;
    }
  }
  const within = found.targets.filter((target) => target.branch.has(id) || target.above.has(id)).map((target) => target.number);
  return { 'paste-cards': ranges.join(' '), 'paste-within': within.join(' ') };
}

function scopesOf(guides: readonly PageGuide[]): Map<string, GuideScopes> {
  const targets = scopeTargets(guides.map((guide) => ({ cards: cardsOf(guide) })));
  const scopes = new Map<string, GuideScopes>();
  let offset = 0;
  guides.forEach((guide, g) => {
    const cards = cardsOf(guide);
    const views = new Map(guide.nodes.map(({ node }) => [node.id, node]));
    const start = guide.meta.start;
    scopes.set(guide.slug, {
      offset,
      words: Math.ceil(cards.length / 32),
      bits: cardBits(
        guide.nodes.map(({ node }) => node),
        views,
        start,
      ),
      targets: [...targets]
        .filter(([key]) => key.startsWith(`${g}/`))
        .map(([key, number]) => {
          const id = key.slice(`${g}/`.length);
          return { number, branch: reachedFrom(views, id, start), above: leadingTo(guide.nodes, id, start) };
        }),
    });
    offset += cards.length;
  });
  return scopes;
}

/** Where a reader may go on from a node: its answers and `next`, and the nodes its content links to. */
function onward(node: NodeView): string[] {
  return [...answersOf(node, '').map(({ to }) => to), ...(node.links ?? [])];
}

function cardsOf(guide: PageGuide): Extract<NodeView, { kind: 'error' }>[] {
  return guide.nodes.flatMap(({ node }) => (node.kind === 'error' ? [node] : []));
}

/**
 * For each node, the bits of the cards it reaches (itself among them), not through the start:
 * each node's bits are its own and those of the nodes it leads to, until nothing changes. In
 * reverse reading order a guide without loops back is done in one pass (and one to see it is).
 */
function cardBits(nodes: NodeView[], views: Map<string, NodeView>, start: string): Map<string, Uint32Array> {
  const cards = nodes.filter((node) => node.kind === 'error');
  const words = Math.ceil(cards.length / 32);
  const bits = new Map(nodes.map((node) => [node.id, new Uint32Array(words)]));
  cards.forEach((card, index) => (bits.get(card.id)![index >>> 5]! |= 1 << (index & 31)));
  const reversed = nodes.toReversed();
  for (let changed = true; changed;) {
    changed = false;
    for (const node of reversed) {
      const own = bits.get(node.id)!;
      for (const to of onward(node)) {
        const next = to === start || !views.has(to) ? undefined : bits.get(to);
        if (!next || next === own) continue;
        for (let word = 0; word < words; word++) {
          // Unsigned, as the array holds it: a card in bit 31 would otherwise differ forever.
          const joined = (own[word]! | next[word]!) >>> 0;
          if (joined !== own[word]) {
            own[word] = joined;
            changed = true;
          }
        }
      }
    }
  }
  return bits;
}

/** The nodes from which `id` is reached, not through the start (the start among them when it leads there). */
function leadingTo(nodes: PageGuide['nodes'], id: string, start: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const { node } of nodes) {
    for (const to of onward(node)) {
      const list = into.get(to);
      if (list) list.push(node.id);
      else into.set(to, [node.id]);
    }
  }
  const found = new Set<string>([id]);
  const queue = [id];
  for (let index = 0; index < queue.length; index++) {
    if (queue[index] === start) continue;
    for (const from of into.get(queue[index]!) ?? []) {
      if (found.has(from)) continue;
      found.add(from);
      queue.push(from);
    }
  }
  return found;
}

/**
 * The shortest way from each guide's start to each of its cards, as the answers given on it
 * (breadth first, answers in order): written once for the nodes on some card's way, each with
 * the answer that leads to it and the node before it (`PasteNames['a']`).
 */
export function pastePaths(guides: readonly PageGuide[]): Pick<PasteNames, 'a' | 'k'> {
  const a: [number, string][] = [];
  const k: number[] = [];
  for (const guide of guides) {
    const views = new Map(guide.nodes.map(({ node }) => [node.id, node]));
    const start = guide.meta.start;
    const via = new Map<string, { from: string; label: string }>();
    const queue = [start];
    const seen = new Set(queue);
    for (let index = 0; index < queue.length; index++) {
      const node = views.get(queue[index]!);
      for (const { label, to } of node ? answersOf(node, guide.strings.continue) : []) {
        if (seen.has(to)) continue;
        seen.add(to);
        via.set(to, { from: node!.id, label });
        queue.push(to);
      }
    }
    const numbers = new Map<string, number>([[start, -1]]);
    const numberOf = (id: string): number => {
      // Up to a node already numbered (or the start), then numbered on the way back down.
      const chain: string[] = [];
      let at = id;
      while (!numbers.has(at) && via.has(at)) {
        chain.push(at);
        at = via.get(at)!.from;
      }
      let parent = numbers.get(at) ?? -1;
      for (const node of chain.toReversed()) {
        a.push([parent, via.get(node)!.label]);
        parent = a.length - 1;
        numbers.set(node, parent);
      }
      return numbers.get(id) ?? -1;
    };
    for (const card of cardsOf(guide)) k.push(numberOf(card.id));
  }
  return { a, k };
}
