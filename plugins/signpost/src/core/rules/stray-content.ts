/**
 * `stray-content`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/stray-content.md` explains it.
 */
import { defineRule } from './define.ts';

export const strayContentRule = defineRule({
  id: 'stray-content',
  severity: 'error',
  summary: 'content outside every node, which no reader would see',
  messages: {
    stray: () => 'Content outside every node is never shown to readers; move it into a node or delete it',
  },
});
