/**
 * `skipped-file`: its severity, summary and messages, and its folder check, over what the walk of a
 * folder found (graph/folder-model.ts); `docs/skipped-file.md` explains it.
 */
import { basename } from 'node:path';
import { folderFacts } from '../graph/folder-model.ts';
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const skippedFileRule = defineRule(
  {
    id: 'skipped-file',
    severity: 'warning',
    summary: 'a hidden `.mdx` file or folder of them (`.name`), which check and the build do not read',
    messages: {
      hiddenFolder: (name: string) =>
        `Folder ${code(name)} is hidden (its name starts with \`.\`), so its \`.mdx\` files are not read; rename it without the dot to include them`,
      hiddenFile: (name: string) =>
        `File ${code(name)} is hidden (its name starts with \`.\`), so it is not read; rename it without the dot to include it`,
    },
  },
  {
    folder: (folder, report) => {
      for (const { path, folder: isFolder, holdsGuideFiles } of folderFacts(folder, 'hidden')) {
        // Folders without guide files (`.git`) pass quietly.
        if (isFolder && holdsGuideFiles) report(path, skippedFileRule.say('hiddenFolder', basename(path)));
        else if (!isFolder) report(path, skippedFileRule.say('hiddenFile', basename(path)));
      }
    },
  },
);
