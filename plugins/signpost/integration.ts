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
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';
import { checkGuides } from './lib/check.ts';
import { headersFile } from './lib/render/csp.ts';
import { BasePathSchema, FeedbackEndpointSchema, SiteUrlSchema } from './lib/schemas/site-config.ts';
import { timed } from './lib/timings.ts';
import { formatResult, sourceLines, terminalColor } from './lib/report.ts';
import { z } from 'zod';

export const SignpostOptionsSchema = z.strictObject({
  /**
   * Where readers' answers to "Did this answer your question?" are sent, as a JSON POST
   * (`{ guide, node, answer, path }`) with `navigator.sendBeacon`. An `https://` URL or a path
   * on the site starting with a single `/`. Without it nothing is sent anywhere: the page only
   * emits a DOM event.
   */
  feedbackEndpoint: FeedbackEndpointSchema.optional(),
});

export type SignpostOptions = z.input<typeof SignpostOptionsSchema>;

const HINT = 'README.md, "Build and preview the site", lists what each setting accepts.';

/** Every issue of a failed parse, each prefixed with its option path: `**feedbackEndpoint**: …`. */
export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.flatMap((issue) => {
    const at = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(SignpostOptionsSchema.shape).join(', ');
      return issue.keys.map((key) => `**${at([...issue.path, key])}**: not an option of signpost(); its options are ${known}`);
    }
    const path = at(issue.path);
    return [path ? `**${path}**: ${issue.message}` : issue.message];
  });
}

/**
 * Parses configuration with a schema, or throws an `AstroError` listing every issue (Astro
 * shows it in the terminal and the dev overlay, without a stack trace).
 */
function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string, prefix = ''): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const error = new AstroError(`${what}:\n${describeIssues(parsed.error, prefix).join('\n')}`, HINT);
  // A configuration mistake, not a crash: the message is the whole story.
  error.stack = '';
  throw error;
}

/**
 * The site's public address from `SITE_URL`, checked before Astro sees it (Astro would dump
 * its own schema's JSON on a bad one, and accept `javascript:`): `undefined` when unset.
 */
export function siteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return parseOrThrow(SiteUrlSchema, value, 'Invalid SITE_URL', 'SITE_URL');
}

export function signpost(options: SignpostOptions = {}): AstroIntegration {
  const settings = parseOrThrow(SignpostOptionsSchema, options, 'Invalid options passed to signpost() in astro.config.mjs');
  let base = '/';
  return {
    name: 'signpost',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        await timed('pagefind', () => indexSite(outDir));
        await writeFile(join(outDir, '_headers'), headersFile(base, settings.feedbackEndpoint));
      },
      'astro:config:done': ({ config }) => {
        // The base reaches every page's links and the rules of `_headers`: only a safe
        // alphabet gets through, whoever set it (`--base`, `astro build --base`, the config).
        base = parseOrThrow(BasePathSchema, config.base, 'Invalid base', 'base');
        if (config.site) parseOrThrow(SiteUrlSchema, config.site, 'Invalid site', 'site');
      },
      'astro:config:setup': ({ command, config, updateConfig }) => {
        updateConfig({
          vite: {
            plugins: command === 'dev' ? [watchGuides()] : [],
            // The built sites beside the output (see cli/site-swap.ts) are no source to watch.
            server: { watch: { ignored: ['**/.*.builds/**', `${fileURLToPath(config.outDir).replace(/\/$/, '')}/**`] } },
            define: {
              'import.meta.env.SIGNPOST_FEEDBACK_ENDPOINT': JSON.stringify(settings.feedbackEndpoint ?? ''),
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
