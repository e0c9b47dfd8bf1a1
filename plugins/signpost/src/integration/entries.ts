/**
 * What the content loader stores and the pages read: one entry per guide, one per node, and,
 * in `astro dev` while the guides have errors, one holding the report.
 */
import type { GuideMeta } from '../core/schemas/metadata.ts';
import type { PageNode } from '../render/site-model.ts';
import type { GuideMap } from '../render/map.ts';

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
  /** The maps, the start's first, laid out when the guide changed (see render/map.ts). */
  maps: GuideMap[];
  /** The digest of what the maps draw: they are laid out again only when it changes. */
  mapDigest: string;
  /** The guide's own words, for search's "Did you mean". */
  vocabulary: string[];
  /** How many of its nodes use each of its commonest words, for search. */
  commonWords: Record<string, number>;
}

export interface NodeEntry extends PageNode {
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
