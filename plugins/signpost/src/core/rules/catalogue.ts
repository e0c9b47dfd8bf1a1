/**
 * The message catalogue: every rule, as its module defines it (define.ts), with its id,
 * severity, summary, documentation page and message builders, in the order reports and the
 * docs list them. It is assembled here for what lists or looks up rules (`explain`, SARIF's
 * rule list, the docs reference, severities); a rule's findings are built by its own module.
 *
 * ```ts
 * say('dangling-target', 'unknownNode', 'restart-routr', 'restart-router');
 * // Cannot find node `restart-routr`; did you mean `restart-router`?
 * ```
 */
import { fileURLToPath } from 'node:url';
import { findingOf, type Builder, type Built, type Finding } from './define.ts';
import { ambiguousMatchRule } from './ambiguous-match.ts';
import { brokenImageRule } from './broken-image.ts';
import { brokenLinkRule } from './broken-link.ts';
import { danglingTargetRule } from './dangling-target.ts';
import { deadEndRule } from './dead-end.ts';
import { draftRule } from './draft.ts';
import { duplicateAnswerRule } from './duplicate-answer.ts';
import { duplicateErrorMessageRule } from './duplicate-error-message.ts';
import { duplicateIdRule } from './duplicate-id.ts';
import { emptyContentRule } from './empty-content.ts';
import { emptyGuideRule } from './empty-guide.ts';
import { invalidAttributeRule } from './invalid-attribute.ts';
import { invalidIdRule } from './invalid-id.ts';
import { invalidPatternRule } from './invalid-pattern.ts';
import { limitExceededRule } from './limit-exceeded.ts';
import { literalSyntaxRule } from './literal-syntax.ts';
import { misplacedDirectiveRule } from './misplaced-directive.ts';
import { missingAltRule } from './missing-alt.ts';
import { missingFixRule } from './missing-fix.ts';
import { missingFolderRule } from './missing-folder.ts';
import { missingMetadataRule } from './missing-metadata.ts';
import { missingReasonRule } from './missing-reason.ts';
import { missingStartRule } from './missing-start.ts';
import { missingSupportRule } from './missing-support.ts';
import { missingTitleRule } from './missing-title.ts';
import { noOutcomeRule } from './no-outcome.ts';
import { removedIdRule } from './removed-id.ts';
import { selfTargetRule } from './self-target.ts';
import { skippedFileRule } from './skipped-file.ts';
import { strayContentRule } from './stray-content.ts';
import { syntaxErrorRule } from './syntax-error.ts';
import { tooFewOptionsRule } from './too-few-options.ts';
import { unknownDirectiveRule } from './unknown-directive.ts';
import { unmatchedExampleRule } from './unmatched-example.ts';
import { unreachableNodeRule } from './unreachable-node.ts';
import { unreadableFileRule } from './unreadable-file.ts';
import { unsafeUrlRule } from './unsafe-url.ts';
import { unsupportedMdxRule } from './unsupported-mdx.ts';

export type { Finding, Severity } from './define.ts';

/** Every rule, in the catalogue's order. */
const DEFINED = [
  danglingTargetRule,
  duplicateIdRule,
  invalidIdRule,
  missingStartRule,
  unreachableNodeRule,
  deadEndRule,
  noOutcomeRule,
  tooFewOptionsRule,
  selfTargetRule,
  duplicateAnswerRule,
  missingReasonRule,
  missingFixRule,
  missingTitleRule,
  unknownDirectiveRule,
  invalidAttributeRule,
  duplicateErrorMessageRule,
  invalidPatternRule,
  unmatchedExampleRule,
  ambiguousMatchRule,
  draftRule,
  misplacedDirectiveRule,
  strayContentRule,
  missingMetadataRule,
  syntaxErrorRule,
  unreadableFileRule,
  emptyGuideRule,
  missingSupportRule,
  limitExceededRule,
  unsafeUrlRule,
  unsupportedMdxRule,
  missingAltRule,
  brokenImageRule,
  brokenLinkRule,
  emptyContentRule,
  literalSyntaxRule,
  missingFolderRule,
  skippedFileRule,
  removedIdRule,
] as const;

type Defined = (typeof DEFINED)[number];
type Catalogue = { readonly [R in Defined as R['id']]: R };
export type RuleId = Defined['id'];

/** The rules by id: severity, summary, documentation and message builders. */
export const RULES: Catalogue = Object.fromEntries(DEFINED.map((rule) => [rule.id, rule])) as unknown as Catalogue;

/** The rule ids, in the catalogue's order. */
export const RULE_IDS: RuleId[] = DEFINED.map((rule) => rule.id);

type MessagesOf<R extends RuleId> = Catalogue[R]['messages'];
type ArgsOf<F> = F extends (...args: infer A) => Built ? A : never;

/** A finding of any rule by its id: `say('dead-end', 'noWayOn', 'check-cable')`, as the rule's own `say` builds it. */
export function say<R extends RuleId, K extends keyof MessagesOf<R> & string>(rule: R, key: K, ...args: ArgsOf<MessagesOf<R>[K]>): Finding {
  const { severity, messages } = RULES[rule];
  return findingOf(rule, severity, (messages as Record<string, Builder>)[key]!, args);
}

/** Where a rule's documentation ships: `docs/<rule>.md` beside the rules. */
export function ruleDocsFile(rule: RuleId): string {
  return fileURLToPath(RULES[rule].docs);
}

export { explainCommand, ruleUrl } from './define.ts';
