/**
 * What the pages are built from: page models of checked guides, their paths, the map, the
 * Content-Security-Policy and the interface's words.
 */
export { pageGuide, SitePaths, toView, type NodeView, type PageGuide, type PageNode, type WayIn } from './site-model.ts';
export { renderMaps, type GuideMap } from './map.ts';
export { cspForMeta, headersFile } from './csp.ts';
export { formatDate, stringsFor, type UiStrings } from './strings.ts';
export type { PageConfig } from './page-config.ts';
