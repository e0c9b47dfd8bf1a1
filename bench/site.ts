/**
 * The Signpost site the benchmark builds each guide in: a project of its own, so that its
 * caches (the parse cache and Astro's data store, in its node_modules/.astro) are the
 * benchmark's to clear before a build that must start cold, and nobody else's.
 *
 * The package is installed in it as `npm install signpost` installs it, a folder in its
 * node_modules, and its own `signpost` command is the one run. Resolved through the
 * workspace's link instead, the package would be outside any node_modules, and Vite would
 * compile it as the site's own source on every build: not what a user's build does.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..', 'plugins', 'signpost');

/** The `signpost` command of a site written by `writeSite`. */
export const cliOf = (dir: string): string => join(dir, 'node_modules', 'signpost', 'bin', 'signpost.js');

/** Writes the site in `dir`: its config reads the guides from `guides/` (or BENCH_GUIDES). */
export async function writeSite(dir: string): Promise<void> {
  await mkdir(join(dir, 'src'), { recursive: true });
  // The files `npm pack` puts in the package (its `files`); its dependencies are found in
  // the workspace's node_modules, above the site.
  for (const part of ['package.json', 'bin', 'dist']) {
    await cp(join(PACKAGE, part), join(dir, 'node_modules', 'signpost', part), { recursive: true });
  }
  await writeFile(
    join(dir, 'astro.config.mjs'),
    [
      "import signpost from 'signpost';",
      '',
      'export default {',
      "  trailingSlash: 'always',",
      '  devToolbar: { enabled: false },',
      "  integrations: [signpost({ guides: process.env.BENCH_GUIDES ?? 'guides' })],",
      '};',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { signpostLoader } from 'signpost/loader';\n\nexport const collections = { signpost: defineCollection({ loader: signpostLoader() }) };\n",
  );
}

/** Forgets every parse and page the site's builds kept: the next build starts cold. */
export async function clearCaches(dir: string): Promise<void> {
  await rm(join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
  await rm(join(dir, '.astro'), { recursive: true, force: true });
}
