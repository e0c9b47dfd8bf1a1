/**
 * `draft`: a node marked as draft, reported at its `draft` attribute (a warning; an error with
 * `--strict` and in production builds). A file rule over the nodes extraction built.
 * `docs/draft.md` explains it.
 */
import { attributePlace } from '../parse/directives.ts';
import { describe } from '../parse/describe.ts';
import { defineRule } from './define.ts';

export const draftRule = defineRule(
  {
    id: 'draft',
    severity: 'warning',
    summary: 'a node marked as draft (an error with --strict)',
    messages: {
      draft: (node: string) => `${node} is a draft; finish it and remove \`draft\` before publishing`,
    },
  },
  (file, report) => {
    for (const node of file.nodes) {
      if (node.draft) report(draftRule.say('draft', describe(node.kind, node.id)), attributePlace(node.tree, 'draft'));
    }
  },
);
