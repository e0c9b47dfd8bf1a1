/**
 * `_headers` for hosts that read one (Netlify, Cloudflare Pages): the guides' pages get the
 * Content-Security-Policy as a header too (with `frame-ancestors`, which only a header can
 * carry), and hashed assets long caching. A site's own `_headers` is kept: Signpost's rules
 * are added after it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headersFile } from '../render/csp.ts';

export async function writeHeaders(outDir: string, base: string, prefix: string, feedbackEndpoint: string | undefined): Promise<void> {
  const path = join(outDir, '_headers');
  const own = await readFile(path, 'utf8').catch(() => '');
  const ours = headersFile(base, prefix, feedbackEndpoint);
  await writeFile(path, own ? `${own.trimEnd()}\n\n${ours}` : ours);
}
