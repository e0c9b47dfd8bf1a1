/**
 * `misplaced-directive`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/misplaced-directive.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const misplacedDirectiveRule = defineRule({
  id: 'misplaced-directive',
  severity: 'error',
  summary: 'a directive in the wrong place or of the wrong form',
  messages: {
    outsideNode: (name: string, where: string) => `${code(name)} must be ${where}`,
    wrongForm: (name: string, form: string, example: string) => `${code(name)} is written as a ${form}; write it as ${code(example)}`,
    nodeInNode: (name: string, outer: string) => `${code(name)} is inside ${outer}; nodes cannot nest, close the outer one first`,
    partMisplaced: (name: string, where: string) => `${code(name)} belongs ${where}`,
    secondEscalate: (node: string, line: number) => `${node} already has an \`escalate\` (line ${line}); merge the two`,
    /** An error card that names both answers and `next`. */
    goesOnTwice: (card: string) =>
      `${card} goes on with both answers and \`next\`; keep one: answers for a choice, \`next\` for a single way on`,
    tabOutsideTabs: () => '`tab` belongs directly inside `tabs`; put the tabs together in `::::tabs` … `::::`',
    notATab: () => '`tabs` holds only `:::tab[Label]` … `:::` directives; move this into a tab',
    tooFewTabs: (count: number) =>
      `\`tabs\` has ${count} tab${count === 1 ? '' : 's'}; give it two or more \`:::tab[Label]\`, or drop \`tabs\``,
    secondPart: (node: string, name: string, line: number) => `${node} already has a ${code(name)} (line ${line}); merge the two`,
  },
});
