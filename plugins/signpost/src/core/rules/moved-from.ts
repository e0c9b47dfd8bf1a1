/**
 * `moved-from` (former ids): each old URL leads to one page. A former id that is still a node's
 * id, or that two nodes claim, is a `duplicate-id`: the redirect and the page would share a URL.
 */
import { duplicateIdRule } from './duplicate-id.ts';
import type { Position } from 'unist';
import type { GraphNode } from '../graph/model.ts';
import { problem, relatedPlace } from '../problems.ts';
import { describe } from '../parse/describe.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext } from './context.ts';

const lower = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

export function movedFrom({ guide, idPlace, where, problems }: RuleContext): void {
  const claimed = new Map<string, { node: GraphNode; position: Position }>();
  for (const node of guide.nodes) {
    for (const former of node.movedFrom) {
      const holder = guide.byId.get(former.text);
      if (holder && holder !== node) {
        problems.push(
          problem(
            node.file,
            duplicateIdRule.say('formerIsNode', shorten(former.text), lower(describe(holder.kind, holder.id)), where(holder, node)),
            former.position,
            [relatedPlace(holder.file, idPlace(holder), 'the node with this id')],
          ),
        );
        continue;
      }
      const first = claimed.get(former.text);
      if (first && first.node !== node) {
        const at = relatedPlace(first.node.file, first.position, 'the other `moved-from` with this id');
        problems.push(
          problem(
            node.file,
            duplicateIdRule.say(
              'formerTwice',
              shorten(former.text),
              lower(describe(first.node.kind, first.node.id)),
              where(first.node, node),
            ),
            former.position,
            [at],
          ),
        );
      } else if (!first) {
        claimed.set(former.text, { node, position: former.position });
      }
    }
  }
}
