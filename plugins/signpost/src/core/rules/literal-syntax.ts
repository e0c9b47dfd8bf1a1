/**
 * `literal-syntax`: Markdown that stays text when what it refers to is missing, so readers
 * would see it as written: a footnote call without its definition, a reference link without
 * its `[label]: url`. A file rule: it reads the paragraphs of the nodes' content. (kramdown's
 * `{:.class}` cannot get this far: MDX reads the braces as code, a syntax error with a hint.)
 * `docs/literal-syntax.md` explains it.
 */
import { factsOfType } from '../parse/file-model.ts';
import type { Position } from 'unist';
import { defineRule } from './define.ts';

export const literalSyntaxRule = defineRule(
  {
    id: 'literal-syntax',
    severity: 'warning',
    summary: 'Markdown from another tool that readers would see as written (kramdown `{:.class}`, a footnote without definition)',
    messages: {
      referenceLink: (label: string, reference: string) =>
        `Link \`[${label}][${reference}]\` has no definition and would be shown to readers as written; add \`[${reference}]: https://…\` on a line of its own, or write the link as \`[${label}](https://…)\``,
      footnote: (id: string) =>
        `Footnote \`[^${id}]\` has no definition and would be shown to readers as written; add \`[^${id}]: …\` in the same node`,
    },
  },
  (file, report) => {
    for (const { node, content } of factsOfType(file, 'markdown')) {
      if (!content || node.type !== 'paragraph') continue;
      for (const child of node.children) {
        if (child.type !== 'text') continue;
        const reference = /\[([^\]\n]+)\]\[([^\]\n]+)\]/.exec(child.value);
        if (reference && child.position) {
          report(literalSyntaxRule.say('referenceLink', reference[1]!, reference[2]!), at(child, reference.index));
        }
        const footnote = /\[\^([^\]\s]+)\]/.exec(child.value);
        if (footnote && child.position) report(literalSyntaxRule.say('footnote', footnote[1]!), at(child, footnote.index));
      }
    }
  },
);

/** The place of a character of a text node (its lines keep their breaks). */
function at(text: { value: string; position?: Position | undefined }, index: number): Position['start'] | undefined {
  const start = text.position?.start;
  if (!start) return undefined;
  const before = text.value.slice(0, index);
  const breaks = before.split('\n').length - 1;
  const column = breaks === 0 ? start.column + index : index - before.lastIndexOf('\n');
  return { line: start.line + breaks, column };
}
