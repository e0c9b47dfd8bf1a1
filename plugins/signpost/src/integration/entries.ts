/**
 * What the content loader stores and the pages read: one entry per guide, one per node, and,
 * in `astro dev` while the guides have errors, one holding the report.
 */
import type { GuideMeta } from '../core/schemas/metadata.ts';
import type { PageNode, WayFacts } from '../render/site-model.ts';

export const GUIDE_ENTRY = 'guide';
export const NODE_ENTRY = 'node';
/** The id of the report entry: ids of guides and nodes are slugs, which never start with `_`. */
export const PROBLEMS_ENTRY = '_problems';

export interface GuideEntry {
  type: typeof GUIDE_ENTRY;
  slug: string;
  meta: GuideMeta;
  /** The start node's id. */
  start: string;
  /** Node ids in reading order. */
  order: string[];
  /**
   * The digest of what the guide's maps draw: the pages lay them out (see site-data.ts), again
   * only when it changes. Laid out here, they would make most of the data store Astro bundles.
   */
  mapDigest: string;
  /** The guide's own words, for search's "Did you mean". */
  vocabulary: string[];
  /** How many of its nodes use each of its commonest words, for search. */
  commonWords: Record<string, number>;
}

/**
 * A node's page, without the ways into it (`WayFacts`): the pages work those out from the
 * guide's nodes, which keeps Astro's data store, bundled whole into the build, smaller.
 */
export interface NodeEntry extends Omit<PageNode, keyof WayFacts> {
  type: typeof NODE_ENTRY;
  guide: string;
}

export interface ProblemsEntry {
  type: 'problems';
  /** How many errors. */
  count: number;
  /** The report, as `signpost check` prints it. */
  report: string;
  /** Where the first error is. */
  file: string;
  line: number;
  column: number;
}

export type Entry = GuideEntry | NodeEntry | ProblemsEntry;
