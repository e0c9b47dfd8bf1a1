/**
 * `empty-content`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/empty-content.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const emptyContentRule = defineRule({
  id: 'empty-content',
  severity: 'error',
  summary: 'a node, details or tab whose content is only comments or whitespace',
  messages: {
    component: (name: string) => `${code(name)} shows nothing; write its content between its fences, or delete it`,
    node: (node: string) => `The content of ${node} is only comments, which readers do not see; write the content, or delete the comment`,
  },
});
