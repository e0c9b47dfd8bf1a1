/**
 * `missing-metadata`: a guide without `index.mdx` (the guide's loader, core/graph), or an
 * `index.mdx` without its frontmatter, or with one never closed (a file rule over what the
 * metadata's reading noted). `docs/missing-metadata.md` explains it.
 */
import { factsOfType } from '../parse/file-model.ts';
import { code } from './words.ts';
import { defineRule } from './define.ts';

export const missingMetadataRule = defineRule(
  {
    id: 'missing-metadata',
    severity: 'error',
    summary: 'a guide without `index.mdx` and its frontmatter',
    messages: {
      noFrontmatter: () => '`index.mdx` has no frontmatter; start it with `---`, `title: …`, `start: <first node id>`, `---`',
      unclosedFrontmatter: () => 'The frontmatter opened here is never closed; end it with a line `---`',
      noIndex: (slug: string, index: string) =>
        `Guide ${code(slug)} has no ${code(index)}; create it with frontmatter \`title\` and \`start\``,
    },
  },
  (file, report) => {
    for (const { unclosed } of factsOfType(file, 'no-frontmatter')) {
      report(missingMetadataRule.say(unclosed ? 'unclosedFrontmatter' : 'noFrontmatter'), { line: 1, column: 1 });
    }
  },
);
