/** `duplicate-error-message`: the same message (or alias) on two cards confuses search. */
import type { Position } from 'unist';
import type { GuideNode } from '../graph/model.ts';
import { problem, relatedPlace } from '../problems.ts';
import { shorten } from '../suggest.ts';
import { say } from './catalogue.ts';
import type { RuleContext } from './context.ts';

/** Messages compare without case, surrounding quotes and repeated spaces. */
function normalize(message: string): string {
  return message
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^["'“”\s]+|["'“”\s]+$/g, '');
}

export function duplicateErrorMessages({ guide, where, problems }: RuleContext): void {
  const messages = new Map<string, { node: GuideNode; text: string; position: Position }>();
  for (const node of guide.nodes) {
    if (node.kind !== 'error' || !node.title) continue;
    const wordings = [{ text: node.title, position: node.tree.data?.position?.attributes?.['title'] ?? node.position }, ...node.aliases];
    for (const wording of wordings) {
      const key = normalize(wording.text);
      const first = messages.get(key);
      if (!first) {
        messages.set(key, { node, ...wording });
      } else if (first.node !== node) {
        problems.push(
          problem(
            node.file,
            say('duplicate-error-message', 'same', shorten(node.id), shorten(first.node.id), where(first.node, node), wording.text),
            wording.position,
            [relatedPlace(first.node.file, first.position, `the same message on \`${shorten(first.node.id)}\``)],
          ),
        );
      }
    }
  }
}
