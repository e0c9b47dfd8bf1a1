/**
 * Signpost: interactive troubleshooting guides for Astro, written as MDX in git and checked
 * like code.
 *
 * - `signpost()` (this module's default export): the Astro integration.
 * - `signpostLoader()` (also from `signpost/loader`): the content loader for src/content.config.ts.
 * - `signpost/core`: the parser, the rules and the reports, with no Astro import.
 * - `signpost/remark`: the same checks as a remark plugin, for remark-cli and editors.
 */
export { default, default as signpost, siteUrl, type SignpostOptions } from './integration/index.ts';
export { signpostLoader } from './integration/loader.ts';
