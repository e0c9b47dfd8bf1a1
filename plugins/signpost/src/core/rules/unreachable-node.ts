/**
 * `unreachable-node`: its severity, summary and messages, raised by the graph rule in
 * reachability.ts. `docs/unreachable-node.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const unreachableNodeRule = defineRule({
  id: 'unreachable-node',
  severity: 'error',
  summary: 'a node cannot be reached from the start node',
  messages: {
    unreachable: (id: string, start: string) =>
      `Node ${code(id)} cannot be reached from the start node ${code(start)}; add an answer or \`next\` leading to it, or delete it`,
  },
});
