/**
 * `missing-title`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/missing-title.md` explains it.
 */
import { defineRule } from './define.ts';

export const missingTitleRule = defineRule({
  id: 'missing-title',
  severity: 'error',
  summary: 'a node, an option or a guide without a title',
  messages: {
    node: (node: string, kind: 'question' | 'step' | 'error' | 'instructions') =>
      `${node} has no title; ${
        kind === 'error'
          ? 'add `title="…"` with the message exactly as readers see it on screen'
          : kind === 'question'
            ? 'add `title="…"` or `prompt="…"`'
            : 'add `title="…"`'
      }`,
    option: () => '`option` has no answer text; write it as `::option[Answer]{to="…"}`',
    link: () => '`link` has no text; write `:link[text]{to="…"}`',
    alias: () => '`alias` has no text; write the other wording as `::alias[…]`',
    match: () =>
      '`match` has no pattern; write the message as it looks, with placeholders for the parts that vary: `::match[Failed to create {id}]`',
    example: () => '`example` has no text; write a line as readers paste it: `::example[12:03:44 ERROR Failed to create 8f3a-22]`',
    kbd: () => '`kbd` has no keys; write them as `:kbd[Ctrl+C]`',
    details: () => '`details` has no summary; write it as `:::details[What the reader opens]`',
    tab: () => '`tab` has no label; write it as `:::tab[Windows]`',
    guide: () => 'The guide has no `title`; add `title: …` to the frontmatter',
    invalidGuideTitle: (reason: string) => `Invalid \`title\`: ${reason}`,
  },
});
