/**
 * `broken-link`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/broken-link.md` explains it.
 */
import { defineRule } from './define.ts';
import { code, FILE_MESSAGES } from './words.ts';

export const brokenLinkRule = defineRule({
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
});
