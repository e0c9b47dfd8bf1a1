/**
 * The search index: Pagefind's Node API run over the guides' pages after the build, into
 * `<prefix>pagefind/`. Only the guides' own pages are read (a host site's pages are its own
 * business), and only their `data-pagefind-body` part: a node's card, not the chrome around it.
 * Pagefind reports problems instead of throwing; any of them fails the build.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';

export async function indexGuides(outDir: string, prefix: string, logger: AstroIntegrationLogger): Promise<void> {
  const pagefind = await import('pagefind');
  const root = join(outDir, prefix);
  const assert = <T extends { errors: string[] }>(response: T): T => {
    if (response.errors.length > 0) throw new Error(`Search indexing failed: ${response.errors.join('; ')}`);
    return response;
  };
  try {
    const { index } = assert(await pagefind.createIndex({}));
    if (!index) throw new Error('Search indexing failed: Pagefind created no index');
    const { page_count: pages } = assert(await index.addDirectory({ path: root }));
    const bundle = join(root, 'pagefind');
    assert(await index.writeFiles({ outputPath: bundle }));
    // The site has its own search box: Pagefind's ready-made interfaces would be dead weight.
    for (const file of await readdir(bundle)) {
      if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file)) await rm(join(bundle, file));
    }
    logger.info(`Indexed ${pages} pages for search.`);
  } finally {
    await pagefind.close();
  }
}
