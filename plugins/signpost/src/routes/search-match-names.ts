/**
 * `<prefix>signpost-search/match-names.json`: each error card's message and context, which the
 * "Paste the error you see" box loads only to show the best cards when none is clear, and the
 * answers that lead to each (see render/paste-data.ts and render/paste-scope.ts).
 */
import type { APIRoute } from 'astro';
import { pasteData, pasteSources } from '../render/paste-data.js';
import { pastePaths } from '../render/paste-scope.js';
import { getGuides, paths } from '../integration/site-data.js';

export const GET: APIRoute = async () => {
  const guides = await getGuides();
  // With the answers that lead to each card, shown for the cards a paste matches equally well.
  return new Response(JSON.stringify({ ...pasteData(pasteSources(guides, paths)).names, ...pastePaths(guides) }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
