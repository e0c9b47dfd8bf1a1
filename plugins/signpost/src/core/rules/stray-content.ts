/**
 * `stray-content`: content outside every node, which no reader would see. A file rule over the
 * blocks extraction found outside the nodes; a paragraph of colons on the line of a syntax
 * error is that error's broken directive, and a tree read without MDX after a syntax error
 * shows MDX comments as text: neither is reported again. `docs/stray-content.md` explains it.
 */
import { brokenDirective } from '../parse/fences.ts';
import { factsOfType } from '../parse/file-model.ts';
import { isDirective } from '../parse/directives.ts';
import { defineRule } from './define.ts';
import { syntaxErrorLines } from './syntax-error.ts';

export const strayContentRule = defineRule(
  {
    id: 'stray-content',
    severity: 'error',
    summary: 'content outside every node, which no reader would see',
    messages: {
      stray: () => 'Content outside every node is never shown to readers; move it into a node or delete it',
    },
  },
  (file, report) => {
    if (file.recovered) return;
    let lines: Set<number | undefined> | undefined;
    for (const { node } of factsOfType(file, 'outside-node')) {
      if (isDirective(node)) continue;
      // Lines with a syntax error, found once per file (and only when some content is outside the nodes).
      lines ??= syntaxErrorLines(file);
      if (!brokenDirective(node, lines)) report(strayContentRule.say('stray'), node.position);
    }
  },
);
