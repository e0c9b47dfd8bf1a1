/** `missing-support`: an escalation with no words of its own needs the guide's support contact. */
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import type { RuleContext } from './context.ts';

export function missingSupport({ guide, problems }: RuleContext): void {
  if (!guide.meta || guide.meta.support) return;
  for (const node of guide.nodes) {
    if ((node.kind !== 'error' && node.kind !== 'instructions') || !node.escalate || node.escalateText) continue;
    problems.push(problem(node.file, say('missing-support', 'noContact', shorten(node.id)), node.escalate));
  }
}
