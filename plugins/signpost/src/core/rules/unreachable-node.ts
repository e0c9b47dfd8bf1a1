/**
 * `unreachable-node`: its severity, summary and messages, raised by the graph rule in
 * reachability.ts, and at an answer whose target was copied by duplicate-answer.ts. `docs/unreachable-node.md` explains it.
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
    copiedTarget: (id: string, target: string, other: string, line: number, rewrite: ((id: string) => string) | undefined) => ({
      message: `Nothing leads to ${code(id)}: did this answer mean it? It leads to ${code(target)}, like the answer “${other}” (line ${line})`,
      ...(rewrite ? { expected: [rewrite(id)] } : {}),
    }),
  },
});
