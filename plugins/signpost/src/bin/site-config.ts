/**
 * The site's own components, read from `signpost({ components })` in the project's
 * astro.config: guides may use them, so `check` knows them as the build does.
 *
 * Importing an Astro config costs about 0.4 s, nearly all of it in `astro/config`'s own
 * imports (font providers, SVGO, session drivers), for the one function a config needs from
 * it, `defineConfig`, which returns its argument. So the config is first read with its own
 * import of `astro/config` standing for a module of that one function; a config that imports
 * anything else from it fails to link, and is then read again with the real module.
 */
import { existsSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SiteComponents } from '../core/parse/site-components.ts';

const STUB = 'signpost-stub:astro-config';
/** Marks the first reading of the config, the one that gets the stub. */
const QUERY = 'signpost-check';
let stubbing = false;
let registered = false;

/** Stands `defineConfig` alone for `astro/config` while `stubbing` is set (Node 22.15 and later). */
function registerStub(): boolean {
  if (registered) return true;
  if (typeof module.registerHooks !== 'function') return false;
  module.registerHooks({
    // Only the config's own import: a module it imports in turn gets the real one, and stays
    // usable by the second reading when the first one fails.
    resolve: (specifier, context, next) =>
      stubbing && specifier === 'astro/config' && context.parentURL?.endsWith(`?${QUERY}`)
        ? { url: STUB, shortCircuit: true }
        : next(specifier, context),
    load: (url, context, next) =>
      url === STUB
        ? { format: 'module', source: 'export const defineConfig = (config) => config;', shortCircuit: true }
        : next(url, context),
  });
  registered = true;
  return true;
}

/** The config's default export, or undefined when it cannot be read. */
async function importConfig(file: string): Promise<unknown> {
  const href = pathToFileURL(file).href;
  if (registerStub()) {
    stubbing = true;
    try {
      return ((await import(`${href}?${QUERY}`)) as { default?: unknown }).default;
    } catch {
      // It needs more of `astro/config` (or fails anyway): read it as Astro does.
    } finally {
      stubbing = false;
    }
  }
  return ((await import(href)) as { default?: unknown }).default;
}

/**
 * The components given to `signpost()` in the astro.config of `cwd`. A config that cannot be
 * read leaves them out (then they are reported as unknown directives, at their place).
 */
export async function siteComponents(cwd: string): Promise<SiteComponents | undefined> {
  const config = ['astro.config.mjs', 'astro.config.js'].map((name) => join(cwd, name)).find((file) => existsSync(file));
  if (!config) return undefined;
  try {
    const loaded = await importConfig(config);
    const integrations = (loaded as { integrations?: unknown[] } | undefined)?.integrations ?? [];
    for (const integration of integrations.flat(Infinity) as { name?: string; hooks?: Record<string, unknown> }[]) {
      const hook = integration?.name === 'signpost' ? integration.hooks?.['signpost:components'] : undefined;
      if (typeof hook === 'function') return (hook as () => SiteComponents)();
    }
  } catch {
    return undefined;
  }
  return undefined;
}
