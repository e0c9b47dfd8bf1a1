/**
 * The Signpost site the benchmark builds each guide in: a project of its own, so that its
 * caches (the parse cache and Astro's data store, in its node_modules/.astro) are the
 * benchmark's to clear before a build that must start cold, and nobody else's.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes the site in `dir`: its config reads the guides from `guides/` (or BENCH_GUIDES). */
export async function writeSite(dir: string): Promise<void> {
  await mkdir(join(dir, 'src'), { recursive: true });
  // `signpost check` keeps parses in the project's node_modules/.astro, as the build does.
  await mkdir(join(dir, 'node_modules'), { recursive: true });
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
