/**
 * Signpost: interactive troubleshooting guides written as MDX, validated like code.
 * The code lives in `lib/`; this module is the public surface.
 */
export { checkGuides, type CheckOptions, type CheckResult } from './lib/check.ts';
export { findGuideDirs, loadGuide, type LoadedGuide } from './lib/load-guide.ts';
export { formatHuman, formatJson } from './lib/report.ts';
export { fallbackParser, mdxParser, remarkSignpostSyntax } from './lib/processor.ts';
export type * from './lib/model.ts';
export { isOutcome, NODE_KINDS, waysOn } from './lib/model.ts';
export type { Problem } from './lib/problems.ts';
export { RULES, ruleDocs, type RuleId, type Severity } from './lib/rules.ts';
export type { GuideMeta } from './lib/schemas/metadata.ts';
