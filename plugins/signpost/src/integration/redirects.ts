/**
 * `_redirects` for hosts that read one (Netlify, Cloudflare Pages): each former id of a node
 * (`moved-from`) answers with a 301 to the node's page, so that bookmarks and search engines
 * follow a rename. The pages at the former ids (`redirect-page.astro`) do the same on any other
 * host. A site's own `_redirects` is kept: Signpost's lines are added after it.
 *
 * ```text
 * /account-connection/old-id/ /account-connection/new-id/ 301
 * ```
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A former page and the page it now is, both paths under the site's base. */
export interface Redirect {
  from: string;
  to: string;
}

/** The lines of a `_redirects` file. Paths are built from slugs and the checked base: no spaces. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map(({ from, to }) => `${from} ${to} 301\n`).join('');
}

export async function writeRedirects(outDir: string, redirects: readonly Redirect[]): Promise<void> {
  if (redirects.length === 0) return;
  const path = join(outDir, '_redirects');
  const own = await readFile(path, 'utf8').catch(() => '');
  const ours = redirectsFile(redirects);
  await writeFile(path, own ? `${own.trimEnd()}\n\n${ours}` : ours);
}
