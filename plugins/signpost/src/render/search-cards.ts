/**
 * What search knows beside Pagefind's index: every error message and alias, so that a reader
 * who types or pastes the message on their screen gets its card first whatever Pagefind ranks,
 * and the guides' words, for "Did you mean" after a typo.
 *
 * Messages are split into buckets by their first two characters (`search/cards-<n>.json`):
 * a query loads only the bucket its own first two characters fall in, so what a first query
 * downloads stays small however many cards the guides have. This module runs in the build and
 * in the reader's browser (scripts/search.ts): no Node import.
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

/** Cards per bucket, roughly: a bucket stays a few kilobytes. */
const CARDS_PER_BUCKET = 32;
const MAX_BUCKETS = 64;

/** Messages compare without case, quotes or punctuation at the ends, or repeated spaces. */
export function normalizeMessage(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’.!?,:;…]+|[\s"'“”‘’.!?,:;…]+$/g, '');
}

/** How many buckets the cards are split into. */
export function bucketCount(cards: number): number {
  return Math.min(MAX_BUCKETS, Math.max(1, Math.ceil(cards / CARDS_PER_BUCKET)));
}

/** The bucket of a normalised message or query: by its first two characters; none for shorter text. */
export function bucketOf(normalized: string, buckets: number): number | undefined {
  const start = [...normalized].slice(0, 2);
  if (start.length < 2) return undefined;
  let hash = 7;
  for (const char of start) hash = (hash * 31 + char.codePointAt(0)!) % 1_000_003;
  return hash % buckets;
}

/** Every error card of the guides, in reading order. */
export function searchCards(guides: PageGuide[], paths: SitePaths): SearchCard[] {
  return guides.flatMap((guide) =>
    guide.nodes.flatMap(({ node, description }) =>
      node.kind === 'error'
        ? [
            {
              url: paths.node(guide.slug, node.id),
              title: node.title,
              aliases: node.aliases.map((alias) => alias.text),
              guide: guide.meta.title,
              kind: node.context ? `${guide.strings.kind.error} · ${node.context}` : guide.strings.kind.error,
              excerpt: description,
            },
          ]
        : [],
    ),
  );
}

/** The cards split into buckets: a card is in the bucket of its message and of each alias. */
export function cardBuckets(cards: SearchCard[]): SearchCard[][] {
  const count = bucketCount(cards.length);
  const buckets: SearchCard[][] = Array.from({ length: count }, () => []);
  for (const card of cards) {
    const chosen = new Set<number>();
    for (const wording of [card.title, ...card.aliases]) {
      const bucket = bucketOf(normalizeMessage(wording), count);
      if (bucket !== undefined) chosen.add(bucket);
    }
    for (const bucket of chosen) buckets[bucket]!.push(card);
  }
  return buckets;
}
