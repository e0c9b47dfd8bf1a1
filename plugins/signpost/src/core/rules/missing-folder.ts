/**
 * `missing-folder`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/missing-folder.md` explains it.
 */
import { defineRule } from './define.ts';

export const missingFolderRule = defineRule({
  id: 'missing-folder',
  severity: 'error',
  summary: 'a folder given to `check` that does not exist',
  messages: {
    notFound: () => 'Cannot find this folder; give the folder that holds your guides (default `guide`)',
    isFile: () => 'This is a file; give the folder of a guide, or the folder that holds guides',
    cannotRead: (reason: string) => `Cannot read this folder (${reason}); check its permissions`,
  },
});
