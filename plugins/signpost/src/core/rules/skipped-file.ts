/**
 * `skipped-file`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/skipped-file.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const skippedFileRule = defineRule({
  id: 'skipped-file',
  severity: 'warning',
  summary: 'a hidden `.mdx` file or folder of them (`.name`), which check and the build do not read',
  messages: {
    hiddenFolder: (name: string) =>
      `Folder ${code(name)} is hidden (its name starts with \`.\`), so its \`.mdx\` files are not read; rename it without the dot to include them`,
    hiddenFile: (name: string) =>
      `File ${code(name)} is hidden (its name starts with \`.\`), so it is not read; rename it without the dot to include it`,
  },
});
