/**
 * `<prefix>signpost-search/match.json`: what the "Paste the error you see" box matches a paste
 * against (every error card's id, patterns and distinctive words), loaded the first time it is
 * used (see render/paste-data.ts).
 */
import type { APIRoute } from 'astro';
import { pasteData, pasteSources } from '../render/paste-data.js';
import { getGuides, paths } from '../integration/site-data.js';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(pasteData(pasteSources(await getGuides(), paths)).data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
