/**
 * The Astro integration: the site-wide options of Signpost, from `astro.config.mjs`.
 *
 * ```js
 * integrations: [signpost({ feedbackEndpoint: 'https://example.com/api/feedback' })]
 * ```
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { checkGuides } from './lib/check.ts';
import { headersFile } from './lib/render/csp.ts';
import { timed } from './lib/timings.ts';
import { formatResult, sourceLines, terminalColor } from './lib/report.ts';
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
  let base = '/';
  return {
    name: 'signpost',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        await timed('pagefind', () => indexSite(outDir));
        await writeFile(join(outDir, '_headers'), headersFile(base, parsed.data.feedbackEndpoint));
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            plugins: command === 'dev' ? [watchGuides()] : [],
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

/**
 * The dev server's loop: when any file under the guides folder is added, changed or removed,
 * check the whole guide again (only changed files are reparsed), print the report in the
 * `check` format, and reload the browser, whose page shows the problems or the fixed guide.
 */
function watchGuides(): Plugin {
  const dir = resolve(process.env['SIGNPOST_GUIDES'] ?? 'guide');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';

  const check = async (): Promise<void> => {
    // Only the terminal's report: the dev server's pages check the guides themselves.
    const result = await checkGuides([dir]);
    const report = formatResult(result, { cwd: process.cwd(), sourceLine: sourceLines(), color: terminalColor() });
    // Say it again only when something changed: an editor saving twice is not news.
    if (report !== last) process.stdout.write(`\n[signpost] ${relative(process.cwd(), dir) || '.'}\n${report}`);
    last = report;
  };

  return {
    name: 'signpost:watch-guides',
    async configureServer(server) {
      await check();
      server.watcher.add(dir);
      const changed = (file: string): void => {
        if (file !== dir && !file.startsWith(dir + sep)) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          await check();
          for (const environment of Object.values(server.environments)) {
            // Astro clears its cache of getStaticPaths on this, so new and removed nodes show.
            if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.environments['client']?.hot.send({ type: 'full-reload', path: '*' });
        }, 50);
      };
      for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, changed);
    },
  };
}
