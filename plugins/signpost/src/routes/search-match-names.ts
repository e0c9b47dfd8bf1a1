/**
 * `<prefix>signpost-search/match-names.json`: each error card's message and context, which the
 * "Paste the error you see" box loads only to show the best cards when none is clear (see
 * render/paste-data.ts).
 */
import type { APIRoute } from 'astro';
import { pasteData, pasteSources } from '../render/paste-data.js';
import { getGuides, paths } from '../integration/site-data.js';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(pasteData(pasteSources(await getGuides(), paths)).names), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
