/**
 * One site context: what `signpost check`, `signpost build`, the Astro integration, the
 * content loader and the remark preset need to know of a site, resolved by one function,
 * `resolveSiteConfig()`, and handed to each explicitly. The guides folder, the parse cache's
 * folder, the site's components, the prefix and the site's layout are the same wherever the
 * guides are checked, so a check, a build and the dev server report the same problems and
 * share their parses. (The limits a check enforces are the checker's own constants,
 * `core/parse/limits.ts`: no site changes them.)
 *
 * The integration resolves it in `astro:config:setup`, from the config Astro resolved. The
 * commands outside Astro (`check`, the remark preset) read it with `readSiteConfig()`, which
 * imports the project's astro.config and asks the `signpost()` integration in it for its
 * options, as Astro would.
 */
import { existsSync } from 'node:fs';
import module from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckOptions } from '../core/check.ts';
import type { SiteComponents } from '../core/parse/site-components.ts';
import type { SiteLayout } from '../core/rules/broken-file.ts';
import { componentSchemas, SignpostOptionsSchema, type SignpostOptions } from './options.ts';

/** A site's context: what every check of its guides is given. */
export interface SiteConfig {
  /** The project folder (Astro's `root`), absolute. */
  root: string;
  /** The guides folder, absolute. */
  guidesDir: string;
  /** Where the guides are on the site, after the base: `/` or `/help/`. */
  prefix: string;
  /** Drafts are errors. */
  strict: boolean;
  /**
   * Where parses (and the images checked) are kept between runs: `signpost/` in Astro's cache
   * folder (`cacheDir`, `node_modules/.astro` by default), the one folder a check, a build and
   * a restarted dev server share.
   */
  cacheDir: string;
  /**
   * Whether checks keep their parses in `cacheDir`: always in Astro; outside it, only in a
   * project with its packages installed or whose config names the folder, so that a check of
   * a stray folder leaves nothing behind.
   */
  keepsCache: boolean;
  /** The site's own components (`signpost({ components })`), by directive name, with their attributes' schemas. */
  components: SiteComponents;
  /** The site as the checker resolves links from the site's root: its folder and the guides' prefix. */
  site: SiteLayout;
}

/** What a site context is resolved from. */
export interface SiteConfigSource {
  /** The project folder, absolute. */
  root: string;
  /** Astro's cache folder (`cacheDir`), absolute or relative to `root`; by default `node_modules/.astro`, as Astro's. */
  astroCacheDir?: string | undefined;
  /** The `signpost()` options, validated. */
  options: SignpostOptions;
  /** A guides folder given on the command line, absolute: it stands for the `guides` option. */
  guides?: string | undefined;
  /** `--strict` on the command line: drafts are errors whatever the options say. */
  strict?: boolean | undefined;
}

/** The folder Astro keeps its caches in when the config does not say. */
const ASTRO_CACHE_DIR = 'node_modules/.astro';

/** The site context from the site's folder, Astro's cache folder and the `signpost()` options. */
export function resolveSiteConfig(source: SiteConfigSource): SiteConfig {
  const { root, options } = source;
  return {
    root,
    guidesDir: resolve(root, source.guides ?? options.guides),
    prefix: options.prefix,
    strict: source.strict === true || options.strict,
    cacheDir: join(resolve(root, source.astroCacheDir ?? ASTRO_CACHE_DIR), 'signpost'),
    keepsCache: true,
    components: componentSchemas(options),
    site: { root, prefix: options.prefix },
  };
}

/** What `checkGuides` is given of a site's context. */
export function checkOptionsOf(config: SiteConfig): Pick<CheckOptions, 'strict' | 'cacheDir' | 'site' | 'components'> {
  return {
    strict: config.strict,
    ...(config.keepsCache ? { cacheDir: config.cacheDir } : {}),
    site: config.site,
    components: config.components,
  };
}

/** The hook by which `readSiteConfig()` asks the `signpost()` integration in a site's astro.config for its options. */
export const SITE_OPTIONS_HOOK = 'signpost:site-options';

/** The config files Astro reads without compiling them (an `astro.config.ts` needs Vite). */
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js'];

/**
 * The site context of the project in `root`, read from its astro.config as the build reads it.
 * Without a config it can read, or without `signpost()` in it, the defaults of `signpost()`,
 * as if it were there without options (then a site's components are reported as unknown
 * directives, at their place); and a project of a config alone keeps no parse cache unless
 * its packages are installed or the config names a cache folder.
 */
export async function readSiteConfig(root: string, overrides: Pick<SiteConfigSource, 'guides' | 'strict'> = {}): Promise<SiteConfig> {
  const file = CONFIG_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
  const config = file ? await importConfig(file).catch(() => undefined) : undefined;
  const { cacheDir, root: ownRoot } = (config ?? {}) as { cacheDir?: unknown; root?: unknown };
  const projectRoot = typeof ownRoot === 'string' ? resolve(root, ownRoot) : root;
  const astroCacheDir = typeof cacheDir === 'string' ? cacheDir : cacheDir instanceof URL ? fileURLToPath(cacheDir) : undefined;
  const resolved = resolveSiteConfig({
    root: projectRoot,
    astroCacheDir,
    options: signpostOptionsIn(config) ?? SignpostOptionsSchema.parse({}),
    ...overrides,
  });
  return { ...resolved, keepsCache: astroCacheDir !== undefined || existsSync(join(projectRoot, 'node_modules')) };
}

/** The options of the `signpost()` integration in a config's integrations, if it is there. */
function signpostOptionsIn(config: unknown): SignpostOptions | undefined {
  const integrations = (config as { integrations?: unknown[] } | undefined)?.integrations ?? [];
  if (!Array.isArray(integrations)) return undefined;
  for (const integration of integrations.flat(Infinity) as ({ hooks?: Record<string, unknown> } | null)[]) {
    const hook = integration?.hooks?.[SITE_OPTIONS_HOOK];
    if (typeof hook === 'function') return (hook as () => SignpostOptions)();
  }
  return undefined;
}

/**
 * The module standing for `astro/config` in the first reading of a config. Importing an
 * Astro config costs about 0.5 s of CPU, nearly all of it in `astro/config`'s own imports
 * (font providers, SVGO, session drivers), for the one function a config needs from it,
 * `defineConfig`, which returns its argument. `signpost check` of this repository's guide
 * (whose astro.config.mjs imports `defineConfig`) took 0.49 s of CPU and 0.89 s on the clock
 * with it, 1.02 s and 2.30 s without (farm-bench, 7 runs each, medians; peak memory 102 MB
 * against 172 MB).
 */
const STUB = 'signpost-stub:astro-config';
/** Marks the first reading of the config, the one that gets the stub. */
const QUERY = 'signpost-check';

/**
 * A config's default export. It is first read with its own import of `astro/config` standing
 * for `defineConfig` alone, through module hooks registered for that one import and removed
 * after it (Node 22.15 and later); a config that imports anything else from `astro/config`
 * fails to link, and is then read again with the real module, as is any config where Node
 * has no such hooks.
 */
async function importConfig(file: string): Promise<unknown> {
  const href = pathToFileURL(file).href;
  if (typeof module.registerHooks === 'function') {
    const hooks = module.registerHooks({
      // Only the config's own import: a module it imports in turn gets the real one, and stays
      // usable by the second reading when the first one fails.
      resolve: (specifier, context, next) =>
        specifier === 'astro/config' && context.parentURL?.endsWith(`?${QUERY}`)
          ? { url: STUB, shortCircuit: true }
          : next(specifier, context),
      load: (url, context, next) =>
        url === STUB
          ? { format: 'module', source: 'export const defineConfig = (config) => config;', shortCircuit: true }
          : next(url, context),
    });
    try {
      return ((await import(`${href}?${QUERY}`)) as { default?: unknown }).default;
    } catch {
      // It needs more of `astro/config` (or fails anyway): read it as Astro does.
    } finally {
      hooks.deregister();
    }
  }
  return ((await import(href)) as { default?: unknown }).default;
}
