/**
 * `broken-link`: a link to a file or page that does not exist (checked over the whole guide on
 * every run, broken-file.ts), and a footnote called in a node but defined outside it: a node's
 * page shows only its own footnotes. The footnotes are a file rule over the nodes read.
 * `docs/broken-link.md` explains it.
 */
import { describe } from '../parse/describe.ts';
import { factsOfType } from '../parse/file-model.ts';
import { code, FILE_MESSAGES } from './words.ts';
import { defineRule } from './define.ts';

export const brokenLinkRule = defineRule(
  {
    id: 'broken-link',
    severity: 'error',
    summary: 'a link to a file or page that does not exist, or a footnote defined outside its node',
    messages: {
      ...FILE_MESSAGES,
      footnoteOutside: (id: string, node: string) =>
        `Footnote \`[^${id}]\` is defined outside ${node}; move \`[^${id}]: …\` into this node, whose page shows only its own footnotes`,
      guideFile: (path: string) => `${code(path)} is a guide file, not a page; link to a node with \`[text](#node-id)\``,
      noSuchNode: (id: string, guide: string, proposal: string | undefined) =>
        `Cannot find node ${code(id)} in guide ${code(guide)}${proposal ? `; did you mean ${code(proposal)}?` : ''}`,
      noSuchPage: (path: string) =>
        `Cannot find page ${code(path)} on the site: no guide page, file in \`public/\` or page in \`src/pages/\` has this path; link to a node of this guide with \`[text](#node-id)\`, or correct the path`,
    },
  },
  (file, report) => {
    for (const { node, footnoteCalls, footnotes } of factsOfType(file, 'node-read')) {
      for (const call of footnoteCalls) {
        if (!footnotes.has(call.id))
          report(brokenLinkRule.say('footnoteOutside', call.id, describe(node.kind, node.id).toLowerCase()), call.position);
      }
    }
  },
);
