/**
 * `missing-folder`: its severity, summary and messages, and its folder check, over what the walk of a
 * folder found (graph/folder-model.ts); `docs/missing-folder.md` explains it.
 */
import { folderFacts } from '../graph/folder-model.ts';
import { defineRule } from './define.ts';

export const missingFolderRule = defineRule(
  {
    id: 'missing-folder',
    severity: 'error',
    summary: 'a folder given to `check` that does not exist',
    messages: {
      notFound: () => 'Cannot find this folder; give the folder that holds your guides (default `guide`)',
      isFile: () => 'This is a file; give the folder of a guide, or the folder that holds guides',
      cannotRead: (reason: string) => `Cannot read this folder (${reason}); check its permissions`,
    },
  },
  {
    folder: (folder, report) => {
      for (const { path, code } of folderFacts(folder, 'unlisted')) {
        const finding =
          code === 'ENOENT'
            ? missingFolderRule.say('notFound')
            : code === 'ENOTDIR'
              ? missingFolderRule.say('isFile')
              : missingFolderRule.say('cannotRead', code ?? 'unknown error');
        report(path, finding, { io: true });
      }
    },
  },
);
