/**
 * `empty-guide`: a folder of guides with no guide, a guide folder with no `.mdx` file or no
 * node: its folder check, over what the walk and the reads found (graph/folder-model.ts).
 * `docs/empty-guide.md` explains it.
 */
import { INDEX_FILE } from '../graph/guide-files.ts';
import type { GuideFolder } from '../graph/folder-model.ts';
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const emptyGuideRule = defineRule(
  {
    id: 'empty-guide',
    severity: 'error',
    summary: 'a guide folder with no nodes',
    messages: {
      noGuideHere: () => 'No guide here; create `<guide-slug>/index.mdx` in this folder',
      noFiles: (slug: string, index: string) =>
        `Guide ${code(slug)} has no \`.mdx\` files; add ${code(index)} with its metadata and first node`,
      noNodes: (slug: string) => `Guide ${code(slug)} has no nodes; add one, such as \`:::step{#start title="…" next="…"}\``,
    },
  },
  {
    folder: (folder, report) => {
      if (folder.kind === 'guides') {
        if (folder.guideDirs?.length === 0) report(folder.dir, emptyGuideRule.say('noGuideHere'));
        return;
      }
      const { files, slug } = folder;
      if (files?.length === 0) report(folder.dir, emptyGuideRule.say('noFiles', slug, INDEX_FILE));
      else if (files && folder.nodes === 0 && !unread(folder)) report(files[0]!, emptyGuideRule.say('noNodes', slug));
    },
  },
);

/**
 * Whether some of a guide's files or folders were not read or not parsed: its nodes may be
 * there, and what stopped the reading is the problem to fix.
 */
function unread(folder: GuideFolder): boolean {
  return (
    folder.facts.some((fact) => fact.type !== 'hidden' && fact.type !== 'unlisted') ||
    folder.fileProblems.some((p) => p.rule === 'syntax-error' || p.rule === 'unreadable-file' || p.rule === 'limit-exceeded')
  );
}
