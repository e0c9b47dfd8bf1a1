/**
 * Checks guide folders: the work behind `npm run check` and the build's validation.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Guide } from './graph/model.ts';
import { findGuideDirs, loadGuide, type FileParse } from './graph/load-guide.ts';
import { ParseCache, versionOfChecker } from './graph/parse-cache.ts';
import { parseAhead } from './graph/parse-ahead.ts';
import { append, sortProblems, type Problem } from './problems.ts';
import type { FolderFact } from './graph/folder-model.ts';
import { checkFolder } from './rules/folder-rules.ts';
import { keptProofs } from './rules/card-patterns.ts';
import { brokenFiles, siteLayoutOf, type SiteLayout } from './rules/broken-file.ts';
import type { SiteComponents } from './parse/site-components.ts';
import { checkerMemory } from './memory.ts';

/** What a checker is set up with, for all its checks. */
export interface CheckerConfig {
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
}

/** What may differ from one check of a checker to the next. */
export interface CheckRun {
  /** Parse in worker threads when there is much to parse (parse-ahead.ts); on by default. */
  parallel?: boolean;
}

/** The options of `checkGuides`: a checker's and its one check's. */
export interface CheckOptions extends CheckerConfig, CheckRun {}

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

/**
 * A checker: it checks guide folders, as often as asked, and keeps what it parsed, validated
 * and proved for its next checks (core/memory.ts), so that a check after an edit costs what
 * the edit changed. The dev server, an editor and the remark preset keep one for as long as
 * they run; a build or `signpost check` makes one, checks once and closes it.
 */
export interface Checker {
  /** Loads and validates every guide under `dirs`. Never throws for a writer's mistake. */
  check(dirs: string[], run?: CheckRun): Promise<CheckResult>;
  /**
   * The problems of the guide that holds the `.mdx` file at `path`, with `text` read in its
   * place (an editor's unsaved buffer), as `check` finds them of the guide folder `guideDir`.
   */
  checkFile(guideDir: string, path: string, text: string): Promise<Problem[]>;
  /**
   * Lets go of everything the checker keeps: the trees of 10,000 nodes are hundreds of
   * megabytes that the pages no longer need once built. It checks from nothing after this.
   */
  close(): void;
}

/** A checker set up with `config` (see `Checker`). */
export function createChecker(config: CheckerConfig = {}): Checker {
  let memory = checkerMemory();
  const components = config.components ? { components: config.components } : {};
  return {
    async check(dirs, run = {}) {
      const guides: Guide[] = [];
      const problems: Problem[] = [];
      let parsedFiles = 0;
      const linkedFiles = new Map<string, string>();
      for (const dir of dirs.map((d) => resolve(d))) {
        const facts: FolderFact[] = [];
        const guideDirs = findGuideDirs(dir, facts);
        append(problems, checkFolder({ kind: 'guides', dir, guideDirs, facts }));
        if (!guideDirs) continue;
        const cache = config.cacheDir
          ? await ParseCache.open<FileParse>(config.cacheDir, dir, (memory.version ??= versionOfChecker()))
          : undefined;
        const proofs = config.cacheDir
          ? await ParseCache.open<unknown>(config.cacheDir, dir, (memory.version ??= versionOfChecker()), 'proofs')
          : undefined;
        if (run.parallel !== false) parsedFiles += (await parseAhead(guideDirs, memory, cache, config.components)).files;
        const here: Guide[] = [];
        for (const guideDir of guideDirs) {
          // Read as it was written, checked where it is used (card-patterns.ts).
          const kept = await proofs?.get(guideDir, false, '', (value) => value);
          if (kept) memory.rules.kept.set(guideDir, kept);
          const loaded = await loadGuide(guideDir, { cache, memory, ...components });
          memory.rules.kept.delete(guideDir);
          here.push(loaded.guide);
          append(problems, loaded.problems);
          parsedFiles += loaded.parsedFiles;
          // What the patterns were proved to match, kept for the next check: written only when it changed.
          const proved = keptProofs(memory.rules, guideDir);
          if (proved && JSON.stringify(proved) !== JSON.stringify(kept)) proofs?.set(guideDir, false, '', proved);
          else proofs?.keep(guideDir);
        }
        await cache?.save();
        await proofs?.save();
        // Files come and go while a guide's text stays the same: checked on every run, after the parse cache.
        const files = await brokenFiles(here, config.site ?? siteLayoutOf(dir), memory.decodes);
        append(problems, files.problems);
        for (const [path, hash] of files.files) linkedFiles.set(path, hash);
        append(guides, here);
      }
      return {
        guides,
        problems: sortProblems(strictly(problems, config.strict)),
        ioError: problems.some((p) => p.io),
        parsedFiles,
        linkedFiles,
      };
    },
    async checkFile(guideDir, path, text) {
      // A caller's mistake, not a writer's: said at once, rather than an empty list of problems.
      const inside = relative(resolve(guideDir), resolve(path));
      if (!path.endsWith('.mdx') || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
        throw new TypeError(`checkFile: ${path} is not a .mdx file in the guide folder ${guideDir}`);
      }
      const { problems } = await loadGuide(guideDir, { memory, sources: new Map([[path, text]]), ...components });
      return strictly(problems, config.strict);
    },
    close() {
      memory = checkerMemory();
    },
  };
}

/**
 * Loads and validates every guide under `dirs` once, with a checker of its own, closed after:
 * `signpost check`, `diff` and the tests. Never throws for a writer's mistake.
 */
export async function checkGuides(dirs: string[], options: CheckOptions = {}): Promise<CheckResult> {
  const checker = createChecker(options);
  try {
    return await checker.check(dirs, options);
  } finally {
    checker.close();
  }
}

/** The problems, drafts made errors when `strict` (as production builds have them). */
function strictly(problems: Problem[], strict: boolean | undefined): Problem[] {
  return strict ? problems.map((p): Problem => (p.rule === 'draft' ? { ...p, severity: 'error' } : p)) : problems;
}
