/**
 * `<prefix>signpost-search/cards-<n>.json`: the error messages and aliases of every guide, in
 * buckets by how they begin, which search loads one at a time (see render/search-cards.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardBuckets, searchCards } from '../render/search-cards.js';
import { twinBranch } from '../render/paste-scope.js';
import { getGuides, paths } from '../integration/site-data.js';

export const getStaticPaths = (async () => {
  const guides = await getGuides();
  const { buckets } = cardBuckets(searchCards(guides, paths, (slug, id) => twinBranch(guides, slug, id)));
  return buckets.map((cards, bucket) => ({ params: { bucket: String(bucket) }, props: { cards } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['cards']), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
