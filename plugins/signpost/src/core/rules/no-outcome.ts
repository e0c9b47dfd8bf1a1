/**
 * `no-outcome`: its severity, summary and messages, raised by the graph rule in reachability.ts.
 * `docs/no-outcome.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const noOutcomeRule = defineRule({
  id: 'no-outcome',
  severity: 'error',
  summary: 'from this node no outcome can be reached',
  messages: {
    loops: (id: string) =>
      `No outcome can be reached from ${code(id)}: every way on from it loops back; lead one to an error or instructions card`,
  },
});
