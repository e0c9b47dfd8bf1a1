/** `missing-support`: an escalation with no words of its own needs the guide's support contact. */
import { defineRule } from './define.ts';
import { code } from './words.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export const missingSupportRule = defineRule({
  id: 'missing-support',
  severity: 'error',
  summary: 'an escalation with no words of its own in a guide without a support contact',
  messages: {
    noContact: (id: string) =>
      `${code(id)} escalates to support, but the guide names no contact; add \`support:\` with an \`email\` or \`url\` to the frontmatter of index.mdx, or say in the escalation whom to contact`,
  },
});

export function missingSupport({ guide, problems }: RuleContext): void {
  if (!guide.meta || guide.meta.support) return;
  for (const node of guide.nodes) {
    if ((node.kind !== 'error' && node.kind !== 'instructions') || !node.escalate || node.escalateText) continue;
    problems.push(problem(node.file, missingSupportRule.say('noContact', shorten(node.id)), node.escalate));
  }
}
