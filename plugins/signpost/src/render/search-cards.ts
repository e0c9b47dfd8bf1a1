/**
 * What search knows beside Pagefind's index: every error message and alias, so that a reader
 * who types or pastes the message on their screen gets its card first whatever Pagefind ranks,
 * and the guides' words, for "Did you mean" after a typo.
 *
 * Messages are split into buckets by how they begin (`signpost-search/cards-<n>.json`), each
 * bucket the messages that begin one way, as long a beginning as it takes for a bucket to hold
 * a few dozen cards (`index.json` lists them): a message, or the start of one, loads only the
 * bucket it begins, so what a first query downloads stays small however many cards the guides
 * have and however many of their messages begin alike ("Failed to …"). This module runs in the
 * build and in the reader's browser (scripts/search.ts): no Node import.
 */
import type { PageGuide, SitePaths } from './site-model.ts';

/** A card as search shows it. */
export interface SearchCard {
  /** The card's page. */
  url: string;
  /** The message as the reader sees it. */
  title: string;
  aliases: string[];
  /** The guide's title, for the guide filter and the result's line. */
  guide: string;
  /** The result's kind line ("Error message"). */
  kind: string;
  /** The Reason, short: the result's excerpt. */
  excerpt: string;
}

/** Cards per bucket at most, unless more share their first 48 characters: a bucket stays a few kilobytes. */
const CARDS_PER_BUCKET = 32;
const LONGEST_PREFIX = 48;
/** Past this many buckets for one query (a beginning too short to choose), search leaves the cards to Pagefind. */
export const MOST_BUCKETS = 4;
/** Ends a bucket's beginning that is a whole message: it holds only messages that are exactly it. */
const END = '\u0000';

/** Messages compare without case, quotes or punctuation at the ends, or repeated spaces. */
export function normalizeMessage(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’.!?,:;…]+|[\s"'“”‘’.!?,:;…]+$/g, '');
}

/**
 * The buckets a normalised query needs (by index in `beginnings`): the one that would hold a
 * message equal to it, always, and those holding messages that begin with it, unless the query
 * is so short that they are more than `MOST_BUCKETS`. None for a query under two characters.
 */
export function bucketsFor(normalized: string, beginnings: string[]): number[] {
  if ([...normalized].length < 2) return [];
  const holding: number[] = [];
  const extending: number[] = [];
  beginnings.forEach((beginning, index) => {
    const whole = beginning.endsWith(END);
    const start = whole ? beginning.slice(0, -1) : beginning;
    if (whole ? start === normalized : normalized.startsWith(start)) holding.push(index);
    else if (start.startsWith(normalized)) extending.push(index);
  });
  return extending.length <= MOST_BUCKETS ? [...holding, ...extending].sort((a, b) => a - b) : holding;
}

/** Below this many pages, every word of a query is searched: the index is small anyway. */
const COMMON_FROM_PAGES = 500;
/** A word on at least this share of the pages is common. */
const COMMON_SHARE = 0.1;

/**
 * The words most of the site's pages hold, each with the share of pages that do: search leaves
 * them out of a query that has other words, as each would cost the reader a large part of
 * the index for little meaning. None on a site of fewer than `COMMON_FROM_PAGES` pages.
 */
export function commonWords(guides: { nodes: unknown[]; commonWords: Record<string, number> }[]): [string, number][] {
  const pages = guides.reduce((sum, guide) => sum + guide.nodes.length, 0);
  if (pages < COMMON_FROM_PAGES) return [];
  const counts = new Map<string, number>();
  for (const guide of guides) {
    for (const [word, count] of Object.entries(guide.commonWords)) counts.set(word, (counts.get(word) ?? 0) + count);
  }
  return [...counts]
    .filter(([, count]) => count >= pages * COMMON_SHARE)
    .map(([word, count]): [string, number] => [word, Math.round((count / pages) * 100) / 100])
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

/** What search reads first: how the messages of each bucket begin, and the site's common words. */
export interface SearchIndex {
  buckets: string[];
  common: [string, number][];
}

/**
 * Every error card of the guides, in reading order; `branch` names the answers that lead to a
 * card whose message another shows too (render/paste-scope.ts, `twinBranch`: passed in, so that
 * the reader's browser, which reads this module, does not load the graph's code).
 */
export function searchCards(
  guides: PageGuide[],
  paths: SitePaths,
  branch: (slug: string, id: string) => string | undefined = () => undefined,
): SearchCard[] {
  return guides.flatMap((guide) =>
    guide.nodes.flatMap(({ node, description }) =>
      node.kind === 'error'
        ? [
            {
              url: paths.node(guide.slug, node.id),
              title: node.title,
              aliases: node.aliases.map((alias) => alias.text),
              guide: guide.meta.title,
              // A card whose message another card shows too: the answers that lead to it tell them apart.
              kind: [guide.strings.kind.error, node.context, branch(guide.slug, node.id)].filter(Boolean).join(' · '),
              excerpt: description,
            },
          ]
        : [],
    ),
  );
}

/**
 * The cards split into buckets, and how each bucket's messages begin: a card is in the bucket
 * of its message and of each alias. A bucket of too many cards is split by the next character
 * of its messages, until each holds few enough (or its messages are alike to `LONGEST_PREFIX`).
 */
export function cardBuckets(cards: SearchCard[]): { beginnings: string[]; buckets: SearchCard[][] } {
  const entries = cards.flatMap((card, order) =>
    [card.title, ...card.aliases].map((wording) => ({ text: `${normalizeMessage(wording)}${END}`, card, order })),
  );
  const done: { beginning: string; entries: typeof entries }[] = [];
  const pending = [{ beginning: '', entries }];
  while (pending.length > 0) {
    const group = pending.pop()!;
    const count = new Set(group.entries.map((entry) => entry.card)).size;
    const length = group.beginning.length;
    if (count <= CARDS_PER_BUCKET || length >= LONGEST_PREFIX || group.beginning.endsWith(END)) {
      done.push(group);
      continue;
    }
    const split = new Map<string, typeof entries>();
    for (const entry of group.entries) {
      const beginning = entry.text.slice(0, length + 1);
      const list = split.get(beginning);
      if (list) list.push(entry);
      else split.set(beginning, [entry]);
    }
    for (const [beginning, list] of split) pending.push({ beginning, entries: list });
  }
  done.sort((a, b) => (a.beginning < b.beginning ? -1 : a.beginning > b.beginning ? 1 : 0));
  return {
    beginnings: done.map((group) => group.beginning),
    buckets: done.map((group) => {
      const unique = new Map(group.entries.map((entry) => [entry.order, entry.card]));
      return [...unique.entries()].sort(([a], [b]) => a - b).map(([, card]) => card);
    }),
  };
}
