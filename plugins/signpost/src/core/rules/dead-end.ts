/**
 * `dead-end`, `too-few-options` and the limits on answers and nodes: every question and step
 * leads somewhere, a question offers a real choice, no question has more answers than a reader
 * reads, and a guide stays within what builds in bounded time and memory.
 */
import { limitExceededRule } from './limit-exceeded.ts';
import { tooFewOptionsRule } from './too-few-options.ts';
import { defineRule } from './define.ts';
import { code } from './words.ts';
import { LIMITS } from '../parse/limits.ts';
import { waysOn } from '../graph/model.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { Finding } from './define.ts';
import type { RuleContext } from './context.ts';

export const deadEndRule = defineRule({
  id: 'dead-end',
  severity: 'error',
  summary: 'a question or step with no way on',
  messages: {
    noAnswers: (id: string) => `Question ${code(id)} has no answers, so readers are stuck; add \`:::option{to="…"}\` answers`,
    noWayOn: (id: string) => `Step ${code(id)} has no way on; add \`next="…"\` naming the node that follows`,
  },
});

export function deadEnds({ guide, problems }: RuleContext): void {
  for (const node of guide.nodes) {
    const report = (finding: Finding) => problems.push(problem(node.file, finding, node.places.opening));
    const id = shorten(node.id);
    if (node.kind === 'question' && node.options.length === 0) {
      report(deadEndRule.say('noAnswers', id));
    } else if (node.kind === 'question' && node.options.length === 1) {
      report(tooFewOptionsRule.say('oneAnswer', id, node.options[0]!.to));
    } else if (node.kind === 'question' && node.options.length > LIMITS.options) {
      report(limitExceededRule.say('options', id, node.options.length, LIMITS.options));
    } else if (node.kind === 'step' && !node.next) {
      report(deadEndRule.say('noWayOn', id));
    }
  }
}

/** The limits of a guide's size, reported once each, at the node that goes past them. */
export function guideSize({ guide, problems }: RuleContext): void {
  const slug = shorten(guide.slug);
  let answers = 0;
  guide.nodes.forEach((node, index) => {
    if (index === LIMITS.guideNodes) {
      problems.push(problem(node.file, limitExceededRule.say('guideNodes', slug, LIMITS.guideNodes), node.places.opening));
    }
    const before = answers;
    answers += waysOn(node).length;
    if (before <= LIMITS.guideAnswers && answers > LIMITS.guideAnswers) {
      problems.push(problem(node.file, limitExceededRule.say('guideAnswers', slug, LIMITS.guideAnswers), node.places.opening));
    }
  });
}
