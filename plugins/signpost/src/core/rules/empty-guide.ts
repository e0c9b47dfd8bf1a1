/**
 * `empty-guide`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/empty-guide.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const emptyGuideRule = defineRule({
  id: 'empty-guide',
  severity: 'error',
  summary: 'a guide folder with no nodes',
  messages: {
    noGuideHere: () => 'No guide here; create `<guide-slug>/index.mdx` in this folder',
    noFiles: (slug: string, index: string) =>
      `Guide ${code(slug)} has no \`.mdx\` files; add ${code(index)} with its metadata and first node`,
    noNodes: (slug: string) => `Guide ${code(slug)} has no nodes; add one, such as \`:::step{#start title="…" next="…"}\``,
  },
});
