/**
 * The guides as the pages see them, read from the `signpost` content collection that the
 * loader filled, with the integration's options from `virtual:signpost/config`.
 */
import { getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import config from 'virtual:signpost/config';
import { SitePaths, wayFacts, type PageGuide, type PageNode, type WayFacts } from '../render/site-model.ts';
import { renderMaps, type GuideMap } from '../render/map.ts';
import { stringsFor } from '../render/strings.ts';
import { GUIDE_ENTRY, NODE_ENTRY, type Entry, type GuideEntry, type NodeEntry } from './entries.ts';
import { withImages } from './page-images.ts';
import { withComponents } from './page-components.ts';
import { measurePhase } from './phases.ts';

/** Links under the site's base and Signpost's prefix: `/base/prefix/<guide>/<node>/`. */
export const paths = new SitePaths(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${config.prefix.slice(1)}`);

export { config };

/** A guide and what only its map pages need. */
export interface SiteGuide extends PageGuide {
  /** The maps, the start's first (see render/map.ts). */
  maps: GuideMap[];
}

/** The language of the pages about every guide (the list of guides, 404): the only guide's, else English. */
export function siteLang(guides: SiteGuide[]): string {
  return guides.length === 1 ? guides[0]!.meta.lang : 'en';
}

let built: Promise<SiteGuide[]> | undefined;

/**
 * Every guide, in folder order. While the guides have errors (in `astro dev`), every page
 * fails with the report, which Astro's overlay shows at the first problem's place.
 *
 * A build reads them once: every page's header asks (for search), and reading 10,000 nodes
 * for each of 10,000 pages made the build grow with the square of the guide. The dev server
 * reads them again for each page, as a save may have changed them.
 */
export function getGuides(): Promise<SiteGuide[]> {
  if (import.meta.env.DEV) return readGuides();
  built ??= readGuides();
  return built;
}

async function readGuides(): Promise<SiteGuide[]> {
  // The collection is the site's (its src/content.config.ts names it): its type is not known here.
  const collection = (await getCollection('signpost' as never)) as { data: unknown }[];
  const entries = collection.map((entry) => entry.data as Entry);
  const problems = entries.find((entry) => entry.type === 'problems');
  if (problems) {
    const error = new AstroError(
      `The guides have ${problems.count} error${problems.count === 1 ? '' : 's'}:\n\n${problems.report}`,
      'Fix the guide and save: the page reloads by itself. `npx signpost check` prints the same report.',
    );
    error.name = 'GuideError';
    error.stack = '';
    Object.assign(error, { loc: { file: problems.file, line: problems.line, column: problems.column } });
    throw error;
  }
  const guides = entries.filter((entry): entry is GuideEntry => entry.type === GUIDE_ENTRY);
  if (guides.length === 0 && entries.length === 0) {
    throw new AstroError(
      'Signpost found no guides: the `signpost` content collection is empty or missing.',
      "Add src/content.config.ts with `import { defineCollection } from 'astro:content'; import { signpostLoader } from 'signpost/loader'; export const collections = { signpost: defineCollection({ loader: signpostLoader() }) };`, and a guide folder (`npx signpost new my-guide`).",
    );
  }
  const stored = new Map<string, NodeEntry>();
  for (const entry of entries) if (entry.type === NODE_ENTRY) stored.set(`${entry.guide}/${entry.node.id}`, entry);
  const read: SiteGuide[] = [];
  for (const guide of guides.toSorted((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    const strings = stringsFor(guide.meta.lang);
    const inOrder = guide.order.map((id) => stored.get(`${guide.slug}/${id}`)!);
    const facts = wayFacts(
      inOrder.map((entry) => entry.node),
      guide.start,
      strings.continue,
    );
    const ordered: PageNode[] = [];
    for (const entry of inOrder) ordered.push(await withComponents(await withImages(pageNodeOf(entry, facts.get(entry.node.id)!))));
    const byId = new Map(ordered.map((page) => [page.node.id, page]));
    const page: PageGuide = {
      slug: guide.slug,
      meta: guide.meta,
      strings,
      start: byId.get(guide.start)!,
      nodes: ordered,
      byId,
      vocabulary: guide.vocabulary,
      commonWords: guide.commonWords,
    };
    read.push({ ...page, maps: mapsOf(page, guide.mapDigest) });
  }
  return read;
}

/** Maps laid out, by guide: the dev server lays a guide's out again only when what they draw changed. */
const laidOut = new Map<string, { digest: string; maps: GuideMap[] }>();

/**
 * The maps of a guide, laid out here rather than by the loader: in Astro's data store, which
 * Astro bundles into the build as one string, their pictures were a quarter of its size.
 * Laying them out is linear in the guide (0.15 s at 10,000 nodes), once per build.
 */
function mapsOf(page: PageGuide, digest: string): GuideMap[] {
  const earlier = laidOut.get(page.slug);
  if (earlier?.digest === digest) return earlier.maps;
  const started = performance.now();
  const maps = renderMaps(page, paths);
  laidOut.set(page.slug, { digest, maps });
  // A build's measure, read when its pages are written; the dev server's would pile up unread.
  if (!import.meta.env.DEV) measurePhase('map', started);
  return maps;
}

const holdersOf = new WeakMap<SiteGuide, Map<string, GuideMap>>();

/**
 * The map a node is drawn on (each node is on exactly one), indexed once per guide: every
 * node page and every map page asks, and a map page of a large guide asks for many nodes.
 */
export function mapHolding(guide: SiteGuide, id: string): GuideMap | undefined {
  let holders = holdersOf.get(guide);
  if (!holders) {
    holders = new Map(guide.maps.flatMap((map) => map.nodes.map((node) => [node, map] as const)));
    holdersOf.set(guide, holders);
  }
  return holders.get(id);
}

/** A map's page: the guide's map for the start's, `<guide>/map/<root>/` for a branch's. */
export function mapPageHref(guide: SiteGuide, map: GuideMap): string {
  return map === guide.maps[0] ? paths.map(guide.slug) : paths.mapOf(guide.slug, map.root);
}

/** The page of the map a node is drawn on: the guide's map, or for a guide in parts the branch's that holds it. */
export function mapHref(guide: SiteGuide, id: string): string {
  const map = mapHolding(guide, id);
  return map ? mapPageHref(guide, map) : paths.map(guide.slug);
}

function pageNodeOf({ type: _type, guide: _guide, ...page }: NodeEntry, facts: WayFacts): PageNode {
  return { ...page, ...facts };
}

/** `getStaticPaths` of the maps of branches of large guides: `<guide>/map/<node>/`. */
export async function pathsPerBranchMap(): Promise<
  { params: { guide: string; branch: string }; props: { guide: SiteGuide; map: GuideMap } }[]
> {
  return (await getGuides()).flatMap((guide) =>
    guide.maps.slice(1).map((map) => ({ params: { guide: guide.slug, branch: map.root }, props: { guide, map } })),
  );
}

/** `getStaticPaths` of the pages there is one of per guide: `<guide>/`, `all/`, `errors/`, `map/`. */
export async function pathsPerGuide(): Promise<{ params: { guide: string }; props: { guide: SiteGuide } }[]> {
  return (await getGuides()).map((guide) => ({ params: { guide: guide.slug }, props: { guide } }));
}
