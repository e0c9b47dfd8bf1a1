/**
 * Where the reader is, as the paste matcher needs it (scripts/paste.ts): on a page that goes on
 * (a question, a step, a card with answers), a paste is matched to the cards reached from there
 * only (by answers, `next` and the links of the content, which a reader may follow too), and a
 * pattern scoped `within` a node applies only above that node or on its branch. The start page,
 * an outcome and a guide's pages of no one node (its error index, its map) match every card of
 * that guide, and none of another: a site's `match.json` holds the cards of all its guides. Only
 * the list of guides matches every card of the site.
 *
 * Worked out once per build for every page: the cards each node reaches, as bits, by a fixed
 * point over the graph (linear in its answers for a guide without loops back), then written on
 * each page as ranges of card numbers (`3-17 40`), which are few: cards are numbered in reading
 * order, depth first, so a branch's cards stand together. An answer back to the start is
 * starting over, not going on: it does not bring the whole guide into a branch.
 *
 * Also the shortest way to each card from the start, as its answers ("Version 6 › Linux"), for
 * the cards a paste matches equally well (`match-names.json`) and the search results of cards
 * that share their message; each step names every answer of its question that leads the same
 * way ("Version 12 or 13 › Linux"), so that no reader misses the one they gave.
 */
import { reachedFrom } from '../core/graph/model.ts';
import { answersOf } from './map-plan.ts';
import { scopeTargets, type PasteNames } from './paste-data.ts';
import type { NodeView, PageGuide, WayIn } from './site-model.ts';
import type { UiStrings } from './strings.ts';

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
  /** Its cards, and the 32-bit words their bits take. */
  count: number;
  words: number;
  bits: Map<string, Uint32Array>;
  targets: { number: number; branch: Set<string>; above: Set<string> }[];
}

const known = new WeakMap<readonly PageGuide[], Map<string, GuideScopes>>();

/**
 * The scope of a node's page: on a page that goes on, the cards reached from it; on the start
 * page and an outcome, every card of its guide (`guideScope`).
 */
export function pageScope(guides: readonly PageGuide[], slug: string, id: string): PageScope | undefined {
  const guide = guides.find((found) => found.slug === slug);
  const found = scopesOf(guides).get(slug);
  const view = guide?.byId.get(id)?.node;
  if (!guide || !found || !view) return undefined;
  if (id === guide.meta.start || answersOf(view, '').length === 0) return guideScope(guides, slug);
  const within = found.targets.filter((target) => target.branch.has(id) || target.above.has(id)).map((target) => target.number);
  return { 'paste-cards': ranges(found.bits.get(id)!, found), 'paste-within': within.join(' ') };
}

/**
 * The scope of a guide's pages that are no one node's way on (its start, an outcome, its error
 * index, its map): every card of the guide, none of another's, and every one of its `within`
 * targets (the reader's branch is not known there). Undefined for a guide the site does not hold.
 */
export function guideScope(guides: readonly PageGuide[], slug: string): PageScope | undefined {
  const found = scopesOf(guides).get(slug);
  if (!found) return undefined;
  const last = found.offset + found.count - 1;
  const cards = found.count === 0 ? '' : found.count === 1 ? `${found.offset}` : `${found.offset}-${last}`;
  return { 'paste-cards': cards, 'paste-within': found.targets.map((target) => target.number).join(' ') };
}

/** A node's cards as ranges of their numbers in `match.json` (`3-17 40`). */
function ranges(bits: Uint32Array, found: GuideScopes): string {
  const written: string[] = [];
  let from = -1;
  const total = found.words * 32;
  for (let card = 0; card <= total; card++) {
    const set = card < total && (bits[card >>> 5]! & (1 << (card & 31))) !== 0;
    if (set && from < 0) from = card;
    else if (!set && from >= 0) {
      const [first, last] = [found.offset + from, found.offset + card - 1];
      written.push(first === last ? `${first}` : `${first}-${last}`);
      from = -1;
    }
  }
  return written.join(' ');
}

/** Each guide's scopes, worked out once per build. */
function scopesOf(guides: readonly PageGuide[]): Map<string, GuideScopes> {
  let scopes = known.get(guides);
  if (!scopes) known.set(guides, (scopes = workScopes(guides)));
  return scopes;
}

function workScopes(guides: readonly PageGuide[]): Map<string, GuideScopes> {
  const targets = scopeTargets(guides.map((guide) => ({ cards: cardsOf(guide) })));
  const scopes = new Map<string, GuideScopes>();
  let offset = 0;
  guides.forEach((guide, g) => {
    const cards = cardsOf(guide);
    const views = new Map(guide.nodes.map(({ node }) => [node.id, node]));
    const start = guide.meta.start;
    scopes.set(guide.slug, {
      offset,
      count: cards.length,
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
 * (breadth first, answers in order): written once for each step some card's way takes, each
 * with its label and the step before it (`PasteNames['a']`). A step is labelled with every
 * answer of its question that leads to the same node, as `answerList` writes them: where
 * versions 12 and 13 share a branch, "12 or 13", not the first alone.
 */
export function pastePaths(guides: readonly PageGuide[]): Pick<PasteNames, 'a' | 'k'> {
  const a: [number, string][] = [];
  const k: number[] = [];
  const steps = new Map<string, number>();
  for (const guide of guides) {
    const views = new Map(guide.nodes.map(({ node }) => [node.id, node]));
    const start = guide.meta.start;
    const via = new Map<string, string>();
    const queue = [start];
    const seen = new Set(queue);
    for (let index = 0; index < queue.length; index++) {
      const node = views.get(queue[index]!);
      for (const { to } of node ? answersOf(node, guide.strings.continue) : []) {
        if (seen.has(to)) continue;
        seen.add(to);
        via.set(to, node!.id);
        queue.push(to);
      }
    }
    for (const card of cardsOf(guide)) {
      const chain: string[] = [];
      for (let at = card.id; via.has(at); at = via.get(at)!) chain.push(at);
      let parent = -1;
      for (const id of chain.toReversed()) {
        const from = views.get(via.get(id)!)!;
        const labels = answersOf(from, guide.strings.continue)
          .filter(({ to }) => to === id)
          .map(({ label }) => label);
        const label = answerList([...new Set(labels)], guide.strings);
        const key = `${parent}\u0000${label}`;
        let step = steps.get(key);
        if (step === undefined) {
          step = a.push([parent, label]) - 1;
          steps.set(key, step);
        }
        parent = step;
      }
      k.push(parent);
    }
  }
  return { a, k };
}

/** Answers shown at most in one step's label; the others are counted ("and 2 more"). */
const MOST_ANSWERS = 3;

/** Answers as one label, kept short: `12`, `12 or 13`, `12, 13 or 14`, `12, 13, 14 and 2 more`. */
export function answerList(labels: readonly string[], strings: Pick<UiStrings, 'answersOr' | 'andMore'>): string {
  if (labels.length <= 1) return labels[0] ?? '';
  if (labels.length > MOST_ANSWERS) {
    const more = strings.andMore.replace('{count}', String(labels.length - MOST_ANSWERS));
    return `${labels.slice(0, MOST_ANSWERS).join(', ')} ${more}`;
  }
  return strings.answersOr.replace('{list}', labels.slice(0, -1).join(', ')).replace('{last}', labels.at(-1)!);
}

/**
 * The answers that lead to a card whose message another card of its guide shows too ("Version 5
 * › Linux"), which tells their search results apart; undefined for any other node.
 */
export function twinBranch(guides: readonly PageGuide[], slug: string, id: string): string | undefined {
  let labels = branches.get(guides);
  if (!labels) branches.set(guides, (labels = twinBranches(guides)));
  return labels.get(`${slug}/${id}`);
}

const branches = new WeakMap<readonly PageGuide[], Map<string, string>>();

function twinBranches(guides: readonly PageGuide[]): Map<string, string> {
  const { a = [], k = [] } = pastePaths(guides);
  const labels = new Map<string, string>();
  let card = 0;
  for (const guide of guides) {
    const cards = cardsOf(guide);
    const titles = Map.groupBy(cards, (node) => node.title);
    for (const node of cards) {
      const answers: string[] = [];
      for (let at = k[card++] ?? -1; at >= 0; at = a[at]![0]) answers.unshift(a[at]![1]);
      if (titles.get(node.title)!.length > 1 && answers.length > 0) labels.set(`${guide.slug}/${node.id}`, answers.join(' › '));
    }
  }
  return labels;
}

/**
 * The ways into a page, one a question: several answers of one question that lead to the page
 * are one way in, its answers named together (`Windows 10 or Windows 11`), in the order of the
 * first of them.
 */
export function waysByQuestion(ways: readonly WayIn[], strings: Pick<UiStrings, 'answersOr' | 'andMore'>): WayIn[] {
  const byQuestion = new Map<string, { way: WayIn; answers: string[] }>();
  for (const way of ways) {
    const found = byQuestion.get(way.id);
    if (found) found.answers.push(way.answer);
    else byQuestion.set(way.id, { way, answers: [way.answer] });
  }
  return [...byQuestion.values()].map(({ way, answers }) => ({ ...way, answer: answerList(answers, strings) }));
}
