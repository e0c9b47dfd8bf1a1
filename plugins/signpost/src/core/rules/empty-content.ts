/**
 * `empty-content`: a step or instructions card whose content is only comments, and a `details`
 * or `tab` that shows nothing: the writer meant to write something. (A question or an error
 * card may have no content of its own.) A file rule over the nodes and components read.
 * `docs/empty-content.md` explains it.
 */
import { describe } from '../parse/describe.ts';
import { isDirective, openingOf } from '../parse/directives.ts';
import { visibleText } from '../parse/visible.ts';
import type { RootContent } from 'mdast';
import { code } from './words.ts';
import { factsOfTypes } from '../parse/file-model.ts';
import { defineRule } from './define.ts';

export const emptyContentRule = defineRule(
  {
    id: 'empty-content',
    severity: 'error',
    summary: 'a node, details or tab whose content is only comments or whitespace',
    messages: {
      component: (name: string) => `${code(name)} shows nothing; write its content between its fences, or delete it`,
      node: (node: string) => `The content of ${node} is only comments, which readers do not see; write the content, or delete the comment`,
    },
  },
  (file, report) => {
    for (const fact of factsOfTypes(file, ['node-read', 'component'])) {
      if (fact.type === 'node-read') {
        const { node, label } = fact;
        if (node.kind !== 'step' && node.kind !== 'instructions') continue;
        const body = node.tree.children.filter((child) => child !== label && !isDirective(child));
        if (body.length === 0 || !body.every((child) => child.type === 'mdxFlowExpression')) continue;
        if (visibleText({ type: 'root', children: body })) continue;
        report(
          emptyContentRule.say(
            'node',
            describe(node.kind, node.id).replace(/^\w/, (c) => c.toLowerCase()),
          ),
          body[0]!.position,
        );
      } else if (fact.type === 'component' && (fact.name === 'details' || fact.name === 'tab')) {
        const { directive, name } = fact;
        const first = directive.type === 'containerDirective' ? directive.children[0] : undefined;
        const shown = directive.children.filter((child) => child !== first || !(child.type === 'paragraph' && child.data?.directiveLabel));
        if (!visibleText({ type: 'paragraph', children: shown as RootContent[] as never }))
          report(emptyContentRule.say('component', name), openingOf(directive));
      }
    }
  },
);
