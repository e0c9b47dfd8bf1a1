/**
 * `signpost/remark`: Signpost's checks as a remark plugin, so that `remark` (remark-cli,
 * unified-engine) and editors with the remark language server report the same problems as
 * `signpost check`, with quick fixes.
 *
 * ```js
 * // .remarkrc.mjs
 * import signpost from 'signpost/remark';
 * export default { plugins: [[signpost, { guides: 'guide' }]] };
 * ```
 *
 * The guides folder, the site's components and `strict` are the site's, read from its
 * astro.config as `signpost check` reads them (integration/site-context.ts), unless the
 * plugin's options say otherwise.
 *
 * Whole-guide rules need every file of the guide, so for each `.mdx` file under `guides` the
 * plugin loads that file's guide folder with the same code as `check`, the file itself as the
 * editor holds it (saved or not), and reports the problems of that file as vfile messages with
 * `ruleId`, `source: 'signpost'`, `url` (the rule's documentation), `expected` (the fix the
 * language server offers) and, for other places of a problem, a `note`. Problems of the guide
 * folder itself (its name, a missing `index.mdx`) are reported on its `index.mdx`.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createChecker, type Checker } from '../core/check.ts';
import { INDEX_FILE } from '../core/graph/load-guide.ts';
import { sortProblems, SOURCE } from '../core/problems.ts';
import { ruleUrl } from '../core/rules/catalogue.ts';
import { readSiteConfig, type SiteConfig } from '../integration/site-context.ts';

export interface RemarkSignpostOptions {
  /** The folder of guides, relative to the working folder. Default: `signpost()`'s `guides` in astro.config.mjs, else `guide`. */
  guides?: string;
  /** Drafts are errors, as `check --strict`. Default: `signpost()`'s `strict`. */
  strict?: boolean;
  /** Where rules are explained on the web (as `SIGNPOST_DOCS_URL`); default: the docs in the package. */
  docsUrl?: string;
}

/** The guide folder of a file under `guides`: `guides` itself when it holds `.mdx` files, else its first folder. */
function guideFolder(path: string, guides: string): string | undefined {
  if (!path.startsWith(guides + sep)) return undefined;
  let own: string[] = [];
  try {
    own = readdirSync(guides);
  } catch {
    return undefined;
  }
  if (own.some((name) => name.endsWith('.mdx') && !name.startsWith('.'))) return guides;
  const [first] = relative(guides, path).split(sep);
  return first && first !== basename(path) ? join(guides, first) : undefined;
}

/**
 * The remark plugin: reports the problems `check` finds in each guide file. A processor keeps
 * one checker per working folder (an editor's language server, a remark-cli run): the files
 * of a guide it read for one file are not parsed again for the next, unless they changed.
 */
export default function remarkSignpost(options: RemarkSignpostOptions = {}) {
  /** Each working folder's site and its checker, for as long as the processor lives (an editor's session). */
  const sites = new Map<string, Promise<{ site: SiteConfig; checker: Checker }>>();
  return async function check(_tree: Root, file: VFile): Promise<void> {
    if (!file.path || !file.path.endsWith('.mdx')) return;
    const path = resolve(file.cwd, file.path);
    let entry = sites.get(file.cwd);
    if (!entry) {
      const given = options.guides === undefined ? {} : { guides: resolve(file.cwd, options.guides) };
      entry = readSiteConfig(file.cwd, given).then((site) => ({ site, checker: createChecker({ components: site.components }) }));
      sites.set(file.cwd, entry);
    }
    const {
      site: { guidesDir, strict },
      checker,
    } = await entry;
    const guideDir = guideFolder(path, guidesDir);
    if (!guideDir || basename(path).startsWith('.')) return;
    const problems = await checker.checkFile(guideDir, path, String(file.value));
    const isIndex = path === join(guideDir, INDEX_FILE);
    for (const problem of sortProblems(problems)) {
      if (problem.file !== path && !(isIndex && problem.file === guideDir)) continue;
      const start = { line: problem.line, column: problem.column };
      const place = problem.endLine !== undefined ? { start, end: { line: problem.endLine, column: problem.endColumn! } } : start;
      const message = file.message(problem.message, { place, ruleId: problem.rule, source: SOURCE });
      message.fatal = problem.severity === 'error' || ((options.strict ?? strict) && problem.rule === 'draft');
      message.url = ruleUrl(problem.rule, options.docsUrl);
      if (problem.expected) message.expected = problem.expected;
      if (problem.related?.length) {
        message.note = problem.related
          .map((other) => `${relative(dirname(path), other.file) || basename(other.file)}:${other.line}:${other.column}: ${other.message}`)
          .join('\n');
      }
    }
  };
}

/** A remark preset with the plugin and its defaults: `export default preset` in `.remarkrc.mjs`. */
export const preset = { plugins: [remarkSignpost] };

export { remarkSignpost };
