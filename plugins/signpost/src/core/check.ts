/**
 * Checks guide folders: the work behind `npm run check` and the build's validation.
 */
import { emptyGuideRule } from './rules/empty-guide.ts';
import { resolve } from 'node:path';
import type { Guide } from './graph/model.ts';
import { findGuideDirs, forgetParses, loadGuide, type FileParse } from './graph/load-guide.ts';
import { ParseCache } from './graph/parse-cache.ts';
import { parseAhead } from './graph/parse-ahead.ts';
import { append, problem, sortProblems, type Problem } from './problems.ts';
import { brokenFiles, siteLayoutOf, type SiteLayout } from './rules/broken-file.ts';
import type { SiteComponents } from './parse/site-components.ts';
import { forgetDecodes } from './parse/image-check.ts';

export interface CheckOptions {
  /** Drafts become errors, as in production builds. */
  strict?: boolean;
  /**
   * A folder to keep parses in between runs (a site's cache folder): unchanged files are not
   * parsed again by the next build or dev server. Without it nothing is written.
   */
  cacheDir?: string;
  /**
   * The site the guides are published in, for links from the site's root (`/pricing/`):
   * by default the nearest folder up with an Astro config or a package.json, guides at `/`.
   */
  site?: SiteLayout;
  /** The site's own components (`signpost({ components })`), by directive name. */
  components?: SiteComponents;
  /** Parse in worker threads when there is much to parse (parse-ahead.ts); on by default. */
  parallel?: boolean;
  /** Keep the parses in memory for the next check in this process (the dev server); on by default. */
  keep?: boolean;
}

export interface CheckResult {
  guides: Guide[];
  problems: Problem[];
  /** Some folder could not be read at all (exit code 2). */
  ioError: boolean;
  /** How many files were parsed in this run; the others were unchanged since an earlier one. */
  parsedFiles: number;
  /**
   * Every file the guides link to or show that passed, by absolute path: the SHA-256 of the
   * bytes `check` read. The build serves a file only with these bytes (integration/guide-files.ts).
   */
  linkedFiles: Map<string, string>;
}

/** Loads and validates every guide under `dirs`. Never throws for a writer's mistake. */
export async function checkGuides(dirs: string[], options: CheckOptions = {}): Promise<CheckResult> {
  const guides: Guide[] = [];
  const problems: Problem[] = [];
  let parsedFiles = 0;
  const linkedFiles = new Map<string, string>();
  for (const dir of dirs.map((d) => resolve(d))) {
    const guideDirs = findGuideDirs(dir, problems);
    if (!guideDirs) continue;
    if (guideDirs.length === 0) {
      problems.push(problem(dir, emptyGuideRule.say('noGuideHere')));
    }
    const cache = options.cacheDir ? await ParseCache.open<FileParse>(options.cacheDir, dir) : undefined;
    if (options.parallel !== false) parsedFiles += (await parseAhead(guideDirs, cache, options.components)).files;
    const here: Guide[] = [];
    for (const guideDir of guideDirs) {
      const loaded = await loadGuide(guideDir, { cache, ...(options.components ? { components: options.components } : {}) });
      here.push(loaded.guide);
      append(problems, loaded.problems);
      parsedFiles += loaded.parsedFiles;
    }
    await cache?.save();
    // Files come and go while a guide's text stays the same: checked on every run, after the parse cache.
    const files = await brokenFiles(here, options.site ?? siteLayoutOf(dir));
    append(problems, files.problems);
    for (const [path, hash] of files.files) linkedFiles.set(path, hash);
    append(guides, here);
  }
  if (options.keep === false) {
    forgetParses();
    forgetDecodes();
  }
  const final = options.strict ? problems.map((p): Problem => (p.rule === 'draft' ? { ...p, severity: 'error' } : p)) : problems;
  return { guides, problems: sortProblems(final), ioError: problems.some((p) => p.io), parsedFiles, linkedFiles };
}
