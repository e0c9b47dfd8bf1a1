/**
 * `/sitemap.xml`: every page. Absolute when the site's URL is known (`site` in the Astro
 * config, from `SITE_URL`), else paths from the root, which crawlers resolve against the
 * sitemap's own address.
 */
import type { APIRoute } from 'astro';
import { getGuides, paths } from '../integration/site-data.js';
import { onePageParts } from '../render/site-model.js';

export const GET: APIRoute = async ({ site }) => {
  const guides = await getGuides();
  const pages = [
    paths.home(),
    ...guides.flatMap((guide) => [
      paths.guide(guide.slug),
      ...guide.nodes.filter((page) => page.node.id !== guide.meta.start).map((page) => paths.node(guide.slug, page.node.id)),
      ...onePageParts(guide.nodes).map((_, index) => paths.all(guide.slug, index + 1)),
      paths.errors(guide.slug),
      paths.map(guide.slug),
      ...guide.maps.slice(1).map((map) => paths.mapOf(guide.slug, map.root)),
    ]),
  ];
  const loc = (path: string) => (site ? new URL(path, site).href : path);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...pages.map((path) => `  <url><loc>${escape(loc(path))}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
