/**
 * `missing-metadata`: a guide without `index.mdx` (its folder check), or an
 * `index.mdx` without its frontmatter, or with one never closed (a file rule over what the
 * metadata's reading noted). `docs/missing-metadata.md` explains it.
 */
import { INDEX_FILE } from '../graph/guide-files.ts';
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
  {
    file: (file, report) => {
      for (const { unclosed } of factsOfType(file, 'no-frontmatter')) {
        report(missingMetadataRule.say(unclosed ? 'unclosedFrontmatter' : 'noFrontmatter'), { line: 1, column: 1 });
      }
    },
    folder: (folder, report) => {
      if (folder.kind === 'guide' && folder.files?.length && folder.files[0] !== folder.index) {
        report(folder.dir, missingMetadataRule.say('noIndex', folder.slug, INDEX_FILE));
      }
    },
  },
);
