/**
 * The Astro integration: the site-wide options of Signpost, from `astro.config.mjs`.
 *
 * ```js
 * integrations: [signpost({ feedbackEndpoint: 'https://example.com/api/feedback' })]
 * ```
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'zod';

export const SignpostOptionsSchema = z.strictObject({
  /**
   * Where readers' answers to "Did this answer your question?" are sent, as a JSON POST
   * (`{ guide, node, answer, path }`) with `navigator.sendBeacon`. An `https://` URL or a path
   * on the site. Without it nothing is sent anywhere: the page only emits a DOM event.
   */
  feedbackEndpoint: z
    .string()
    .refine((value) => value.startsWith('/') || /^https:\/\//.test(value), 'must be an https:// URL or a path starting with /')
    .optional(),
});

export type SignpostOptions = z.input<typeof SignpostOptionsSchema>;

export function signpost(options: SignpostOptions = {}): AstroIntegration {
  const parsed = SignpostOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid Signpost option \`${issue.path.join('.')}\` in astro.config.mjs: ${issue.message}`);
  }
  return {
    name: 'signpost',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await indexSite(fileURLToPath(dir));
      },
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            define: {
              'import.meta.env.SIGNPOST_FEEDBACK_ENDPOINT': JSON.stringify(parsed.data.feedbackEndpoint ?? ''),
            },
          },
        });
      },
    },
  };
}

/**
 * Indexes the built site with Pagefind's Node API. Only `data-pagefind-body` content (a node's
 * own page) is indexed. Pagefind reports problems instead of throwing: any is a failed build.
 */
async function indexSite(outDir: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({});
    const index = created.index;
    if (!index || created.errors.length > 0) throw new Error(created.errors.join('; ') || 'no index');
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const bundle = join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    // The site has its own search box: Pagefind's ready-made interfaces would only be dead weight.
    for (const file of await readdir(bundle)) {
      if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file)) await rm(join(bundle, file));
    }
  } catch (error) {
    throw new Error(`Search indexing failed: ${(error as Error).message}`);
  } finally {
    await pagefind.close();
  }
}
