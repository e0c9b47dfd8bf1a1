/**
 * The Astro integration: `signpost()` adds the guides to any Astro (or Starlight) site.
 *
 * ```js
 * // astro.config.mjs
 * integrations: [signpost({ prefix: '/help/' })]
 * // src/content.config.ts
 * export const collections = { signpost: defineCollection({ loader: signpostLoader() }) };
 * ```
 *
 * It validates its options, resolves the site's context (site-context.ts) once, injects every
 * page under `prefix`, hands its configuration to the pages through virtual modules, indexes
 * the guides with Pagefind once they are written, and writes the Content-Security-Policy for
 * hosts that read `_headers`. The guides themselves are read and checked by the content
 * loader (`loader.ts`), with the same context.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { BasePathSchema, SiteUrlSchema } from '../core/schemas/site-config.ts';
import { SignpostOptionsSchema, type SignpostOptions, type SignpostUserOptions } from './options.ts';
import { commandLineOptions, type CommandLineOptions } from './command-line.ts';
import { configError, describeIssues } from './errors.ts';
import { writeSearchIndex } from './pagefind.ts';
import { takePhase } from './phases.ts';
import { writeHeaders } from './headers.ts';
import { writeRedirects, type Redirect } from './redirects.ts';
import { resolveSiteConfig, SITE_OPTIONS_HOOK, type SiteConfig } from './site-context.ts';
import { virtualModules, VIRTUAL_MODULE_TYPES } from './virtual-modules.ts';
import { copyServedFiles, readServedFile, type ServedFiles } from './guide-files.ts';

export type { SignpostUserOptions as SignpostOptions } from './options.ts';

/** The integration's name; the loader finds the integration's options by it. */
export const INTEGRATION_NAME = 'signpost';

/** What the loader and the pages need of the configuration, once resolved against the site. */
export interface ResolvedSignpost {
  /** The options as given to `signpost()`, validated: what the pages show. */
  readonly options: SignpostOptions;
  /** The site's context, with what the command line said: what the guides are checked with. */
  readonly site: SiteConfig;
  /** What `signpost build` asked to hear about: phase times, what was checked. */
  readonly commandLine?: Pick<CommandLineOptions, 'onPhase' | 'onChecked' | 'onStart'>;
}

/**
 * What the content loader found that the integration's later hooks use: the files the pages
 * link to or play (served by the dev server, copied into the build) and the former ids' pages
 * (`_redirects`). The loader publishes both at once after each load without errors; the
 * configuration itself is never written.
 */
export class LoadedGuides {
  #files: ServedFiles | undefined;
  #redirects: readonly Redirect[] = [];

  /** Files beside the guides that pages link to or play, by URL. */
  get files(): ServedFiles | undefined {
    return this.#files;
  }

  /** The former ids' pages and where they lead. */
  get redirects(): readonly Redirect[] {
    return this.#redirects;
  }

  /** Replaces what an earlier load found. */
  publish(found: { files: ServedFiles; redirects: readonly Redirect[] }): void {
    this.#files = found.files;
    this.#redirects = found.redirects;
  }
}

/** What the content loader reads from the integration through `OPTIONS_HOOK`. */
export interface LoaderChannel {
  resolved: ResolvedSignpost;
  loaded: LoadedGuides;
}

/** Pages `signpost build` renders at once, unless the site sets `build.concurrency`. */
const RENDER_CONCURRENCY = 4;

/** The hook by which the content loader reads the resolved options from `config.integrations`. */
export const OPTIONS_HOOK = 'signpost:options';

const OPTION_NAMES = Object.keys(SignpostOptionsSchema.unwrap().shape);

/** Validates the options, listing every problem at once (as Starlight does). */
export function parseOptions(options: unknown): SignpostOptions {
  const parsed = SignpostOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  throw configError('Invalid options passed to signpost() in astro.config.mjs', describeIssues(parsed.error.issues, OPTION_NAMES));
}

/**
 * The site's public address from `SITE_URL`, for astro.config.mjs: checked before Astro sees it
 * (Astro would accept `javascript:`, and dump its schema's JSON on other mistakes);
 * `undefined` when unset.
 */
export function siteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parsed = SiteUrlSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw configError(
    'Invalid SITE_URL',
    parsed.error.issues.map((issue) => `**SITE_URL**: ${issue.message}`),
  );
}

export default function signpost(userOptions?: SignpostUserOptions): AstroIntegration {
  const options = parseOptions(userOptions);
  let resolved: ResolvedSignpost | undefined;
  const loaded = new LoadedGuides();
  let base = '/';

  return {
    name: INTEGRATION_NAME,
    hooks: {
      'astro:config:setup': async ({ config, injectRoute, updateConfig, logger }) => {
        const cli = commandLineOptions(config.integrations);
        const root = fileURLToPath(config.root);
        const site = resolveSiteConfig({
          root,
          astroCacheDir: fileURLToPath(config.cacheDir),
          options,
          guides: cli?.guides,
          strict: cli?.strict,
        });
        resolved = { options, site, ...(cli ? { commandLine: cli } : {}) };
        // `signpost build` checks its output folder against the guides folder, now known.
        await cli?.onResolved?.({ guidesDir: site.guidesDir, root });
        for (const [name, component] of Object.entries(options.components ?? {})) {
          if (!existsSync(resolve(root, component.entrypoint))) {
            throw new AstroError(
              `Cannot find the component \`${component.entrypoint}\` given to \`signpost()\` as \`${name}\`.`,
              'Give `entrypoint` as a path from the project root, such as `./src/components/PlanBadge.astro`.',
            );
          }
        }
        if (options.logo && !existsSync(resolve(root, options.logo.src))) {
          throw new AstroError(
            `Cannot find the logo \`${options.logo.src}\` given to \`signpost()\`.`,
            'Give `logo.src` as a path from the project root, such as `./src/assets/logo.svg`.',
          );
        }
        for (const route of routes(options.prefix, config)) {
          if (route.skipped) {
            logger.info(route.skipped);
            continue;
          }
          injectRoute({ pattern: route.pattern, entrypoint: `signpost/routes/${route.file}`, prerender: true });
        }
        updateConfig({
          build: {
            // Styles and scripts as files of their own: cacheable, and allowed by a strict
            // Content-Security-Policy without hashes (an inlined stylesheet would be refused).
            inlineStylesheets: 'never',
            // `signpost build` renders a site of guides, pages that only read the loaded
            // guides: several at once keep the CPU busy while each is written to disk. A site
            // that sets its own concurrency keeps it, and `astro build` keeps Astro's one.
            ...(cli && config.build.concurrency === 1 ? { concurrency: RENDER_CONCURRENCY } : {}),
          },
          vite: {
            plugins: [virtualModules(options, root)],
            build: { assetsInlineLimit: 0 },
            // The built sites beside the output (see bin/site-swap.ts) are no source to watch.
            server: { watch: { ignored: ['**/.*.builds/**', `${fileURLToPath(config.outDir).replace(/\/$/, '')}/**`] } },
          },
        });
      },
      'astro:config:done': ({ config, injectTypes, logger }) => {
        // The base reaches every page's links and the rules of `_headers`: only a safe alphabet
        // gets through, whoever set it (`--base`, `astro build --base`, the config).
        const checkedBase = BasePathSchema.safeParse(config.base);
        if (!checkedBase.success)
          throw configError(
            'Invalid base',
            checkedBase.error.issues.map((issue) => `**base**: ${issue.message}`),
          );
        base = checkedBase.data;
        const checkedSite = config.site ? SiteUrlSchema.safeParse(config.site) : undefined;
        if (checkedSite?.error)
          throw configError(
            'Invalid site',
            checkedSite.error.issues.map((issue) => `**site**: ${issue.message}`),
          );
        // A build for publishing should know where it is published: search engines and link
        // previews need absolute URLs. Said, not refused: a site can be published from anywhere.
        if (resolved?.site.strict && !config.site) {
          logger.warn(
            'The site address is not set: pages have no canonical URL and sitemap.xml lists paths. Set it with SITE_URL=https://help.example.com, or `site` in astro.config.mjs.',
          );
        }
        injectTypes({ filename: 'virtual.d.ts', content: VIRTUAL_MODULE_TYPES });
      },
      'astro:server:setup': ({ server }) => {
        // Files beside the guides (a PDF, a video), at the URLs the pages give them.
        server.middlewares.use((request, response, next) => {
          readServedFile(loaded.files, request.url ?? '')
            .then((served) => {
              if (!served) return next();
              for (const [name, value] of Object.entries(served.headers)) response.setHeader(name, value);
              response.end(served.bytes);
            })
            .catch(next);
        });
      },
      'astro:build:start': () => {
        if (!resolved) return;
        resolved.commandLine?.onStart?.('rendering');
        // A measure left by an earlier build in this process is not this one's.
        takePhase('map');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!resolved) return;
        // `dir`, not the config's `outDir`: a site with a server keeps its static pages in `build.client`.
        const outDir = fileURLToPath(dir);
        const { prefix } = resolved.site;
        resolved.commandLine?.onPhase?.('map', takePhase('map'));
        if (loaded.files) await copyServedFiles(loaded.files, outDir, base);
        const started = performance.now();
        resolved.commandLine?.onStart?.('indexing');
        await writeSearchIndex(join(outDir, prefix), logger.fork('signpost:pagefind'));
        resolved.commandLine?.onPhase?.('pagefind', performance.now() - started);
        await writeHeaders(outDir, base, prefix, options.feedbackEndpoint);
        await writeRedirects(outDir, loaded.redirects);
      },
      [OPTIONS_HOOK]: (): LoaderChannel | undefined => (resolved ? { resolved, loaded } : undefined),
      // `signpost check` and the remark preset read the site's context from astro.config.mjs with it, before any build.
      [SITE_OPTIONS_HOOK]: () => options,
    },
  };
}

interface PlannedRoute {
  pattern: string;
  file: string;
  /** Why the route is left to the site, if it is. */
  skipped?: string;
}

/**
 * The pages Signpost adds under `prefix`. A site with a home page or a 404 page of its own
 * keeps them: Signpost's guide list and not-found page are only added where they are free, and
 * the not-found page only when the guides are the site (`prefix` is `/`).
 */
function routes(prefix: string, config: AstroConfig): PlannedRoute[] {
  const at = (path: string) => `${prefix}${path}`;
  const ownPage = (name: string) =>
    ['astro', 'md', 'mdx', 'html', 'ts', 'js'].some((ext) => existsSync(resolve(fileURLToPath(config.srcDir), 'pages', `${name}.${ext}`)));
  const planned: PlannedRoute[] = [
    { pattern: at(''), file: 'guide-list.astro' },
    { pattern: at('[guide]'), file: 'guide-start.astro' },
    { pattern: at('[guide]/[node]'), file: 'node.astro' },
    { pattern: at('[guide]/all'), file: 'all.astro' },
    { pattern: at('[guide]/all/[part]'), file: 'all-part.astro' },
    { pattern: at('[guide]/errors'), file: 'errors.astro' },
    { pattern: at('[guide]/map'), file: 'map.astro' },
    { pattern: at('[guide]/map/[branch]'), file: 'map-branch.astro' },
    { pattern: at('sitemap.xml'), file: 'sitemap.js' },
    { pattern: at('signpost-search/index.json'), file: 'search-index.js' },
    { pattern: at('signpost-search/cards-[bucket].json'), file: 'search-cards.js' },
    { pattern: at('signpost-search/words.json'), file: 'search-words.js' },
    { pattern: at('signpost-search/match.json'), file: 'search-match.js' },
    { pattern: at('signpost-search/match-names.json'), file: 'search-match-names.js' },
  ];
  if (prefix === '/' && ownPage('index')) {
    planned[0]!.skipped = 'The site has its own home page: the guide list is not added at `/`; link to each guide at `/<guide>/`.';
  }
  // The not-found page is the whole site's: Signpost adds one only to a site of its own.
  if (prefix === '/' && !ownPage('404')) planned.push({ pattern: '/404', file: 'not-found.astro' });
  return planned;
}
