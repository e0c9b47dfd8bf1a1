/**
 * `draft`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/draft.md` explains it.
 */
import { defineRule } from './define.ts';

export const draftRule = defineRule({
  id: 'draft',
  severity: 'warning',
  summary: 'a node marked as draft (an error with --strict)',
  messages: {
    draft: (node: string) => `${node} is a draft; finish it and remove \`draft\` before publishing`,
  },
});
