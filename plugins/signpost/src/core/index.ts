/**
 * Signpost's core: guide folders in, a typed graph and every problem out. No Astro import, so
 * that editors, CI scripts and tests can use it alone.
 */
export { checkGuides, type CheckOptions, type CheckResult } from './check.ts';
export { findGuideDirs, loadGuide, type LoadedGuide } from './graph/load-guide.ts';
export type * from './graph/model.ts';
export { isOutcome, NODE_KINDS, waysOn } from './graph/model.ts';
export { fallbackParser, mdxParser, remarkSignpostSyntax } from './parse/processor.ts';
export type { Problem } from './problems.ts';
export { RULES, ruleDocs, type RuleId, type Severity } from './rules/catalogue.ts';
export type { GuideMeta } from './schemas/metadata.ts';
export { formatHuman, formatJson, formatResult } from '../report/human.ts';
