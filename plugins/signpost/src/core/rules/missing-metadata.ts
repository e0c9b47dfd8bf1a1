/**
 * `missing-metadata`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/missing-metadata.md` explains it.
 */
import { INDEX_FILE } from '../graph/guide-files.ts';
import { defineRule } from './define.ts';
import { code } from './words.ts';

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
  {
    folder: (folder, report) => {
      if (folder.kind === 'guide' && folder.files?.length && folder.files[0] !== folder.index) {
        report(folder.dir, missingMetadataRule.say('noIndex', folder.slug, INDEX_FILE));
      }
    },
  },
);
