/**
 * `<prefix>signpost-search/match.json`: every error card's message, aliases and `match`
 * patterns, which the "Paste the error you see" box and a paste of several lines in the search
 * box load the first time they are used (see render/paste-data.ts).
 */
import type { APIRoute } from 'astro';
import { pasteData } from '../render/paste-data.js';
import { getGuides, paths } from '../integration/site-data.js';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(pasteData(await getGuides(), paths)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
