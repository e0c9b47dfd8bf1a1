/**
 * Signpost's core: guide folders in, a typed graph and every problem out. No Astro import, so
 * that editors, CI scripts and tests can use it alone.
 */
export {
  checkGuides,
  createChecker,
  type Checker,
  type CheckerConfig,
  type CheckOptions,
  type CheckResult,
  type CheckRun,
} from './check.ts';
export { findGuideDirs, loadGuide, type LoadedGuide } from './graph/load-guide.ts';
export type * from './graph/model.ts';
export { isOutcome, NODE_KINDS, waysOn } from './graph/model.ts';
export { fallbackParser, mdxParser, remarkSignpostSyntax } from './parse/processor.ts';
export type { Problem, Related } from './problems.ts';
export {
  explainCommand,
  RULE_IDS,
  RULES,
  ruleDocsFile,
  ruleUrl,
  say,
  type Finding,
  type RuleId,
  type Severity,
} from './rules/catalogue.ts';
export type { GuideMeta } from './schemas/metadata.ts';
export { formatHuman, formatResult } from '../report/human.ts';
export { formatJson, jsonProblems } from '../report/json.ts';
export { formatGithub } from '../report/github.ts';
export { sarifLog } from '../report/sarif.ts';
export { guidesAt, RevisionError } from './history.ts';
export { removedIds } from './rules/removed-id.ts';
