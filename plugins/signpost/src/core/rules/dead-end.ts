/**
 * `dead-end`, `too-few-options` and the answers limit: every question and step leads
 * somewhere, a question offers a real choice, and no question more answers than a reader reads.
 */
import { LIMITS } from '../parse/limits.ts';
import { openingOf } from '../parse/directives.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

export function deadEnds({ guide, problems }: RuleContext): void {
  for (const node of guide.nodes) {
    const opening = openingOf(node.tree);
    if (node.kind === 'question' && node.options.length === 0) {
      problems.push(
        problem(
          node.file,
          'dead-end',
          `Question \`${shorten(node.id)}\` has no answers, so readers are stuck; add \`:::option{to="…"}\` answers`,
          opening,
        ),
      );
    } else if (node.kind === 'question' && node.options.length === 1) {
      problems.push(
        problem(
          node.file,
          'too-few-options',
          `Question \`${shorten(node.id)}\` has 1 answer; a question needs at least 2 (for a single way on, make it a \`step\` with \`next="${node.options[0]!.to}"\`)`,
          opening,
        ),
      );
    } else if (node.kind === 'question' && node.options.length > LIMITS.options) {
      problems.push(
        problem(
          node.file,
          'limit-exceeded',
          `Question \`${shorten(node.id)}\` has ${node.options.length} answers; at most ${LIMITS.options}: group them under further questions`,
          opening,
        ),
      );
    } else if (node.kind === 'step' && !node.next) {
      problems.push(
        problem(
          node.file,
          'dead-end',
          `Step \`${shorten(node.id)}\` has no way on; add \`next="…"\` naming the node that follows`,
          opening,
        ),
      );
    }
  }
}
