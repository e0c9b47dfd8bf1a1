/**
 * What the "Paste the error you see" box loads, built with the site and fetched the first time
 * a reader pastes: `<prefix>signpost-search/match.json`, what matching needs (each card's id,
 * its patterns, and the words of its message and aliases that tell cards apart), and
 * `match-names.json`, what showing the best three needs (each card's message and context),
 * fetched only when no card is clear. In columns, a field only where it says something: a
 * thousand cards weigh a few kilobytes. This module runs in the build and in the reader's
 * browser: no Node import.
 */
import { COMMON_WORD, comparedWords, type MatchCard, type MatchScope } from '../core/match/matcher.ts';
import type { PageGuide, PastePattern, SitePaths } from './site-model.ts';

/** What matching needs, card by card. */
export interface PasteData {
  /** Each guide's title and the address of its pages (a card's page is `href` + its id + `/`). */
  guides: { title: string; href: string }[];
  /** Each card's guide, by its place in `guides`; left out when there is one guide. */
  g?: number[];
  id: string[];
  /**
   * Each card's message, then its aliases, as the words they are compared by (space-separated),
   * without the words too common to tell cards apart (see `COMMON_WORD`): the matcher leaves
   * those out all the same.
   */
  w: string[][];
  /** Patterns with placeholders, as written. */
  p: string[][];
  /**
   * Regular expressions in RE2's syntax (core/match/regex.ts), each with the words a matching
   * line holds one of, and its specificity (the literal text any match holds).
   */
  r: [string, string[], number][][];
  /**
   * The patterns scoped `within` a node, as `[card, pattern, target]`: the pattern's place among
   * the card's (those of `p`, then those of `r`) and the node's number (`scopeTargets`), which a
   * page names when the pattern applies on it (render/paste-scope.ts). Left out when none is.
   */
  s?: [number, number, number][];
}

/** What showing a card needs, card by card: its message, and where it appears (or `''`). */
export interface PasteNames {
  t: string[];
  c: string[];
  /**
   * The nodes on the shortest way from a start to a card: each as the node before it (its
   * place in `a`, or -1 after the start) and the answer that leads to it.
   */
  a?: [number, string][];
  /** Each card's node in `a` (-1 for a card that is its guide's start). */
  k?: number[];
}

/** A guide as the box needs it: its title, the address of its pages, its error cards. */
export interface PasteSource {
  title: string;
  href: string;
  cards: {
    id: string;
    title: string;
    context: string | undefined;
    aliases: { text: string }[];
    patterns: PastePattern[];
  }[];
}

/**
 * The nodes the site's patterns are scoped `within`, numbered in the order they are first named
 * (guide by guide, card by card), by the guide's place and the node's id (`0/version-6`):
 * `match.json` and the pages name them by number.
 */
export function scopeTargets(guides: readonly Pick<PasteSource, 'cards'>[]): Map<string, number> {
  const numbers = new Map<string, number>();
  guides.forEach(({ cards }, g) => {
    for (const card of cards) {
      for (const { within } of card.patterns) {
        if (within !== undefined && !numbers.has(`${g}/${within.to}`)) numbers.set(`${g}/${within.to}`, numbers.size);
      }
    }
  });
  return numbers;
}

/**
 * A page's scope from its attributes (`data-paste-cards`, `data-paste-within`); undefined on a
 * page that matches every card.
 */
export function readScope(data: PasteData, cards: string | undefined, within: string | undefined): MatchScope | undefined {
  if (cards === undefined) return undefined;
  const ranges = cards
    .split(' ')
    .filter(Boolean)
    .map((range) => range.split('-').map(Number) as [number, number?]);
  const allowed = new Set((within ?? '').split(' ').filter(Boolean).map(Number));
  const scoped = new Map<string, number>();
  for (const [card, index, target] of data.s ?? []) scoped.set(`${card}/${index}`, target);
  return {
    card: (card) => ranges.some(([first, last = first]) => card >= first && card <= last),
    pattern: (card, index) => {
      const target = scoped.get(`${card}/${index}`);
      return target === undefined || allowed.has(target);
    },
  };
}

export function pasteData(guides: PasteSource[]): { data: PasteData; names: PasteNames } {
  const cards = guides.flatMap((guide, g) => guide.cards.map((card) => ({ g, card })));
  const wordings = cards.map(({ card }) => [card.title, ...card.aliases.map((alias) => alias.text)].map(comparedWords));
  const frequency = new Map<string, number>();
  for (const card of wordings) for (const words of card) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const targets = scopeTargets(guides);
  const scoped: [number, number, number][] = [];
  cards.forEach(({ g, card }, index) => {
    const ordered = [...card.patterns.filter((pattern) => !pattern.regex), ...card.patterns.filter((pattern) => pattern.regex)];
    ordered.forEach((pattern, place) => {
      if (pattern.within !== undefined) scoped.push([index, place, targets.get(`${g}/${pattern.within.to}`)!]);
    });
  });
  const data: PasteData = {
    guides: guides.map(({ title, href }) => ({ title, href })),
    ...(guides.length > 1 ? { g: cards.map(({ g }) => g) } : {}),
    id: cards.map(({ card }) => card.id),
    w: wordings.map((card) => card.map((words) => words.filter((word) => frequency.get(word)! <= COMMON_WORD).join(' '))),
    p: cards.map(({ card }) => card.patterns.filter((pattern) => !pattern.regex).map((pattern) => pattern.text)),
    r: cards.map(({ card }) =>
      card.patterns.flatMap((pattern) =>
        pattern.regex ? [[pattern.expression ?? '', pattern.keys ?? [], pattern.specificity ?? 0] as [string, string[], number]] : [],
      ),
    ),
    ...(scoped.length > 0 ? { s: scoped } : {}),
  };
  const names: PasteNames = { t: cards.map(({ card }) => card.title), c: cards.map(({ card }) => card.context ?? '') };
  return { data, names };
}

/** The guides of the site, as the box needs them. */
export function pasteSources(guides: PageGuide[], paths: SitePaths): PasteSource[] {
  return guides.map((guide) => ({
    title: guide.meta.title,
    href: paths.guide(guide.slug),
    cards: guide.nodes.flatMap(({ node }) => (node.kind === 'error' ? [node] : [])),
  }));
}

/** The cards as the matcher reads them (core/match/matcher.ts). */
export function matchCards(data: PasteData): MatchCard[] {
  return data.id.map((_, card) => ({
    message: data.w[card]?.[0] ?? '',
    aliases: data.w[card]?.slice(1) ?? [],
    patterns: data.p[card] ?? [],
    regexes: (data.r[card] ?? []).map(([source, keys, specificity]) => ({ source, keys, specificity })),
  }));
}

/** A card's page. */
export function cardHref(data: PasteData, card: number): string {
  return `${data.guides[data.g?.[card] ?? 0]?.href ?? '/'}${data.id[card]}/`;
}
