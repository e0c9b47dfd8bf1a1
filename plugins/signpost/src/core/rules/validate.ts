/**
 * The whole-guide rules: they need every file's nodes at once, so they run after extraction,
 * over the graph, one module per rule. Each reports at the place the writer has to change.
 */
import type { GraphGuide } from '../graph/model.ts';
import type { Problem } from '../problems.ts';
import { ruleContext, type RuleContext, type RuleMemory } from './context.ts';
import { danglingTargets } from './dangling-target.ts';
import { deadEnds, guideSize } from './dead-end.ts';
import { duplicateErrorMessages } from './duplicate-error-message.ts';
import { duplicateAnswers } from './duplicate-answer.ts';
import { duplicateIds } from './duplicate-id.ts';
import { ambiguousMatches } from './ambiguous-match.ts';
import { unmatchedExamples } from './unmatched-example.ts';
import { patternWorkLimit } from './card-patterns.ts';
import { missingSupport } from './missing-support.ts';
import { movedFrom } from './moved-from.ts';
import { missingStart, noOutcome, unreachableNodes } from './reachability.ts';
import { selfTargets } from './self-target.ts';

/**
 * The graph rules. The report sorts their problems; the order matters only where a rule
 * explains another's problems (`explained`): a copied answer explains the branch it orphans.
 * A rule reads the nodes' fields and places, never their trees (`GraphGuide` has none): a
 * process that checks again keeps their problems while no node changed but for its places
 * (load-guide.ts).
 */
const GRAPH_RULES: ((context: RuleContext) => void)[] = [
  duplicateIds,
  movedFrom,
  danglingTargets,
  deadEnds,
  guideSize,
  selfTargets,
  duplicateAnswers,
  missingStart,
  unreachableNodes,
  noOutcome,
  missingSupport,
  duplicateErrorMessages,
  patternWorkLimit,
  unmatchedExamples,
  ambiguousMatches,
];

/**
 * Runs every graph rule over a guide whose files have been extracted, with what the checker
 * kept of its earlier checks (`memory`).
 */
export function validateGuide(guide: GraphGuide, indexFile: string, memory: RuleMemory): Problem[] {
  const context = ruleContext(guide, indexFile, memory);
  for (const rule of GRAPH_RULES) rule(context);
  return context.problems;
}
