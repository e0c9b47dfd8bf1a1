/**
 * What a checker (check.ts, `createChecker`) keeps between its checks, all in one place, and
 * what makes each entry stale. Nothing of it is module state: each checker makes its own, the
 * dev server, an editor and the remark preset keep theirs for as long as they run, and a build
 * drops its one with the checker, so two checkers never see each other's results.
 *
 * | Kept          | By                    | Stale when                                                        |
 * | ------------- | --------------------- | ----------------------------------------------------------------- |
 * | `parses`      | file path             | its text, its being the index or the site's components change     |
 * | `validations` | guide folder          | a file comes or goes, a node changes but for its places, or a     |
 * |               |                       | problem it holds is in a file that changed (load-guide.ts)        |
 * | `rules`       | guide folder, card    | a card's patterns change (compiled again); a card object is new   |
 * |               |                       | whenever its file is parsed again (rules/context.ts)              |
 * | `verdicts`    | regular expression    | never: a verdict depends on the expression alone (match/regex.ts) |
 * | `decodes`     | SHA-256 of the bytes  | never: a decode depends on the bytes alone (parse/image-check.ts) |
 * | `version`     | (one)                 | never: the checker's own code does not change under it            |
 *
 * The parse cache on disk (graph/parse-cache.ts) is the checker's too, opened for each check.
 */
import type { RegexVerdicts } from './match/regex.ts';
import type { Decodes } from './parse/image-check.ts';
import type { RememberedParse, Validation } from './graph/load-guide.ts';
import { ruleMemory, type RuleMemory } from './rules/context.ts';

export interface CheckerMemory {
  /** Parsed files, as parsed, by absolute path: an unchanged file is not parsed again. */
  parses: Map<string, RememberedParse>;
  /** The last validation of each guide folder: a save that moved no node keeps its problems. */
  validations: Map<string, Validation>;
  /** What the graph rules proved and worked out (the cards' patterns and wordings). */
  rules: RuleMemory;
  /** What each `regex="…"` was found to be. */
  verdicts: RegexVerdicts;
  /** What decoding each image found. */
  decodes: Decodes;
  /** The digest of the checker's code (parse-cache.ts `versionOfChecker`), worked out once. */
  version: Promise<string> | undefined;
}

/** A memory with nothing in it yet. */
export function checkerMemory(): CheckerMemory {
  return { parses: new Map(), validations: new Map(), rules: ruleMemory(), verdicts: new Map(), decodes: new Map(), version: undefined };
}
