/**
 * `literal-syntax`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/literal-syntax.md` explains it.
 */
import { defineRule } from './define.ts';

export const literalSyntaxRule = defineRule({
  id: 'literal-syntax',
  severity: 'warning',
  summary: 'Markdown from another tool that readers would see as written (kramdown `{:.class}`, a footnote without definition)',
  messages: {
    referenceLink: (label: string, reference: string) =>
      `Link \`[${label}][${reference}]\` has no definition and would be shown to readers as written; add \`[${reference}]: https://…\` on a line of its own, or write the link as \`[${label}](https://…)\``,
    footnote: (id: string) =>
      `Footnote \`[^${id}]\` has no definition and would be shown to readers as written; add \`[^${id}]: …\` in the same node`,
  },
});
