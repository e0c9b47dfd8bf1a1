/**
 * What search downloads beside Pagefind's index (render/search-cards.ts): buckets of error
 * messages that a query finds by how it begins, each small however alike the guides' messages
 * begin, and the common words a long query leaves out on a large site.
 */
import { describe, expect, it } from 'vitest';
import {
  bucketsFor,
  cardBuckets,
  commonWords,
  MOST_BUCKETS,
  normalizeMessage,
  type SearchCard,
} from '../../plugins/signpost/src/render/search-cards.ts';

const card = (title: string, aliases: string[] = []): SearchCard => ({
  url: `/g/${title.length}-${title.slice(-6)}/`,
  title,
  aliases,
  guide: 'G',
  kind: 'Error message',
  excerpt: '',
});

/** What a query finds: every card one of whose wordings begins with it. */
function found(query: string, cards: SearchCard[]): string[] {
  const { beginnings, buckets } = cardBuckets(cards);
  const wanted = normalizeMessage(query);
  const loaded = bucketsFor(wanted, beginnings).flatMap((bucket) => buckets[bucket]!);
  return [
    ...new Set(loaded.filter((c) => [c.title, ...c.aliases].some((w) => normalizeMessage(w).startsWith(wanted))).map((c) => c.title)),
  ].sort();
}

describe('the buckets of error messages', () => {
  // 2,000 messages that all begin "Failed to …", the way many real ones do.
  const verbs = ['retrieve', 'refresh', 'create', 'connect', 'load', 'save', 'sync', 'open'];
  const cards = Array.from({ length: 2000 }, (_, index) =>
    card(`Failed to ${verbs[index % verbs.length]} item ${index}. Please try again.`, index % 7 === 0 ? [`Error ${index}`] : []),
  );

  it('hold a few dozen cards each, however alike the messages begin', () => {
    const { buckets } = cardBuckets(cards);
    expect(buckets.length).toBeGreaterThan(2000 / 32);
    expect(Math.max(...buckets.map((bucket) => bucket.length))).toBeLessThanOrEqual(32);
  });

  it('give a whole message, an alias or a long enough beginning every card that begins so, from one bucket or a few', () => {
    const { beginnings } = cardBuckets(cards);
    expect(found('Failed to sync item 1406. Please try again.', cards)).toEqual(['Failed to sync item 1406. Please try again.']);
    expect(found('error 14', cards)).toEqual(
      cards
        .filter((c) => c.aliases.some((a) => a.startsWith('Error 14')))
        .map((c) => c.title)
        .sort(),
    );
    expect(found('failed to open item 19', cards)).toEqual(
      cards
        .filter((c) => c.title.startsWith('Failed to open item 19'))
        .map((c) => c.title)
        .sort(),
    );
    // Too short a beginning to choose a few buckets: left to Pagefind.
    expect(bucketsFor('failed to', beginnings)).toEqual([]);
    expect(bucketsFor(normalizeMessage('Failed to load item 2'), beginnings).length).toBeLessThanOrEqual(MOST_BUCKETS);
  });

  it('give a whole message its card however many messages begin with it', () => {
    const volumes = [
      card('Disk full'),
      ...Array.from({ length: 300 }, (_, index) => card(`Disk full on volume ${index}: free some space`)),
    ];
    expect(found('Disk full', volumes)).toContain('Disk full');
    expect(found('Disk full.', volumes)).toContain('Disk full');
  });

  it('are one bucket for a small guide, which every query of two characters or more loads', () => {
    const few = [card('Session has expired.'), card('Please Try Again.')];
    expect(cardBuckets(few)).toEqual({ beginnings: [''], buckets: [few] });
    expect(bucketsFor('pl', [''])).toEqual([0]);
    expect(bucketsFor('p', [''])).toEqual([]);
  });
});

describe('the common words', () => {
  it('are the words on a tenth of the pages or more, on a site of 500 pages or more', () => {
    const guide = { nodes: Array.from({ length: 600 }), commonWords: { the: 600, router: 120, restart: 59 } };
    expect(commonWords([guide])).toEqual([
      ['the', 1],
      ['router', 0.2],
    ]);
    expect(commonWords([{ nodes: Array.from({ length: 20 }), commonWords: { the: 20 } }])).toEqual([]);
  });
});
