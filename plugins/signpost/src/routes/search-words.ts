/**
 * `<prefix>signpost-search/words.json`: the guides' own words, which search loads only when a
 * query finds nothing, to propose "Did you mean …?".
 */
import type { APIRoute } from 'astro';
import { getGuides } from '../integration/site-data.js';

export const GET: APIRoute = async () => {
  const words = new Set((await getGuides()).flatMap((guide) => guide.vocabulary));
  return new Response(JSON.stringify([...words].sort()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
