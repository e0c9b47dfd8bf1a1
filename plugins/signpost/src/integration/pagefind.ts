/**
 * The search index: Pagefind's documented Node API over the built guides, into
 * `<prefix>pagefind/`, as Starlight drives it. Only the guides' own folder is read (a host
 * site's pages are its own business), and Pagefind keeps only each page's
 * `data-pagefind-body` part: a node's card, not the chrome around it, and no page without
 * one. Pagefind reports problems instead of throwing; any of them fails the build.
 *
 * The index is built once the pages are written rather than while Astro renders them: handing
 * each page to Pagefind as it was rendered (a middleware, and a registry the pages' bundle
 * reached through a global) made the build no faster. Measured with farm-bench on the
 * benchmark's synthetic guide, `signpost build` took 13.3 s streaming against 11.9 s from the
 * folder at 1,000 nodes, 64.3 s against 63.2 s at 10,000, with a peak memory of 1,513 MB
 * against 1,427 MB.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';

/** Throws Pagefind's reported problems. */
function assert<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length > 0) throw new Error(`Search indexing failed: ${response.errors.join('; ')}`);
  return response;
}

/**
 * Indexes the pages in `root`, the folder the guides' pages were written to, into
 * `<root>pagefind/`, and stops Pagefind's process. A host's integration that indexes its own
 * pages (Starlight) runs in its own build hook, before or after this one, and starts Pagefind
 * again if it was stopped.
 */
export async function writeSearchIndex(root: string, logger: AstroIntegrationLogger): Promise<void> {
  // Loaded here: `signpost check` imports the integration with the site's config, and needs no Pagefind.
  const pagefind = await import('pagefind');
  try {
    const { index } = assert(await pagefind.createIndex({}));
    if (!index) throw new Error('Search indexing failed: Pagefind created no index');
    assert(await index.addDirectory({ path: root }));
    const bundle = join(root, 'pagefind');
    assert(await index.writeFiles({ outputPath: bundle }));
    // The site has its own search box: Pagefind's ready-made interfaces would be dead weight.
    for (const file of await readdir(bundle)) {
      if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file)) await rm(join(bundle, file));
    }
    logger.info(`Indexed ${await indexedPages(bundle)} pages for search.`);
  } finally {
    await pagefind.close();
  }
}

/**
 * The pages the index holds, in all their languages, from its entry file: `addDirectory`
 * counts every HTML file it read, those without `data-pagefind-body` too.
 */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
