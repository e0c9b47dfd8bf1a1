/**
 * `dead-end`, `too-few-options` and the answers limit: every question and step leads
 * somewhere, a question offers a real choice, and no question more answers than a reader reads.
 */
import { LIMITS } from '../parse/limits.ts';
import { openingOf } from '../parse/directives.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import type { RuleContext } from './context.ts';

export function deadEnds({ guide, problems }: RuleContext): void {
  for (const node of guide.nodes) {
    const opening = openingOf(node.tree);
    const id = shorten(node.id);
    if (node.kind === 'question' && node.options.length === 0) {
      problems.push(problem(node.file, say('dead-end', 'noAnswers', id), opening));
    } else if (node.kind === 'question' && node.options.length === 1) {
      problems.push(problem(node.file, say('too-few-options', 'oneAnswer', id, node.options[0]!.to), opening));
    } else if (node.kind === 'question' && node.options.length > LIMITS.options) {
      problems.push(problem(node.file, say('limit-exceeded', 'options', id, node.options.length, LIMITS.options), opening));
    } else if (node.kind === 'step' && !node.next) {
      problems.push(problem(node.file, say('dead-end', 'noWayOn', id), opening));
    }
  }
}
