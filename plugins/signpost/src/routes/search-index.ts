/**
 * `<prefix>signpost-search/index.json`: what search reads before anything else, a kilobyte or
 * two: how the messages of each bucket of cards begin, to load only the bucket a query needs,
 * and the site's common words (see render/search-cards.ts).
 */
import type { APIRoute } from 'astro';
import { cardBuckets, commonWords, searchCards, type SearchIndex } from '../render/search-cards.js';
import { getGuides, paths } from '../integration/site-data.js';

export const GET: APIRoute = async () => {
  const guides = await getGuides();
  const index: SearchIndex = { buckets: cardBuckets(searchCards(guides, paths)).beginnings, common: commonWords(guides) };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
