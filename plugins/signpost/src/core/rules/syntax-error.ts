/**
 * `syntax-error`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/syntax-error.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const syntaxErrorRule = defineRule({
  id: 'syntax-error',
  severity: 'error',
  summary: 'MDX or YAML that cannot be parsed, or a directive never closed',
  messages: {
    neverClosed: (name: string, fence: string) => `${code(name)} is never closed; end it with a line of ${code(fence)}`,
    closedByOuter: (name: string, line: number, outer: string, fence: string) =>
      `${code(name)} is never closed: the fence on line ${line} closes ${code(outer)} first. A directive that holds others needs more colons: open and close ${code(outer)} with ${code(fence)}`,
    /** A node left open: the next node was read as inside it. */
    nodeNotClosed: (node: string, fence: string, next: string, line: number) =>
      `${node} is never closed, so ${next} on line ${line} is read as inside it; end it with a line of ${code(fence)} before line ${line}`,
    braceNeverClosed: () => 'This `{` is never closed: MDX reads `{` as the start of code; write `\\{` for the brace itself',
    braceNotCode: (excerpt: string) =>
      `MDX reads ${code(excerpt)} as code, and it is not; write \`\\{\` for a brace, or \`{/* … */}\` for a comment`,
    lessThan: (written: string) => ({
      message: `MDX reads ${code(written)} as the start of an element (a tag); write \`\\<\` for the \`<\` itself`,
      expected: ['\\<'],
    }),
    autolink: (url: string) => ({
      message: `MDX has no \`<…>\` links; write the address as it is (${code(url)}) or as \`[text](${url})\``,
      expected: [url],
    }),
    closingTagMismatch: (closing: string, opening: string, line: number, column: number) => ({
      message: `Closing tag ${code(`</${closing}>`)} does not match ${code(`<${opening}>`)} (line ${line}, column ${column}); write ${code(`</${opening}>`)}`,
      expected: [`</${opening}>`],
    }),
    elementNeverClosed: (name: string) => `Element ${code(`<${name}>`)} is never closed; add ${code(`</${name}>`)} where it ends`,
    /** `{:.class}` and the like: kramdown's attributes, which MDX reads as code. */
    kramdownAttributes: () =>
      'This line looks like kramdown attributes (`{:.class}`), which guides do not use and MDX reads as code; delete the line (for a callout, use `:::note` … `:::`)',
    /** `::match[Lost {account id}]`: MDX reads the braces of a pattern as code first. */
    placeholderUnreadable: (written: string) =>
      `${code(written)} is not a placeholder: a placeholder is a name in braces, without spaces, such as \`{id}\`; write \`\\{\` for a brace itself`,
    braceInExample: (written: string) =>
      `MDX reads ${code(written)} in this example as code; write \`\\{\` and \`\\}\` for the braces of a pasted line`,
    attributesUnreadable: () =>
      'The attributes of this directive cannot be read: quote each value, and put a value that contains `"` in single quotes, as in `title=\'Press "Resume"\'`',
    /** Any other MDX error, with the parser's words and the usual cause. */
    mdx: (reason: string) =>
      `Cannot parse MDX: ${reason} (MDX reads \`<\` as a tag and \`{\` as code: write \`\\<\` or \`\\{\` for the characters themselves)`,
    yaml: (reason: string, duplicateKey: boolean) =>
      `Invalid YAML in frontmatter: ${reason}${duplicateKey ? '; delete one of the two' : ' (put a value in quotes when it contains `: ` or starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%`)'}`,
  },
});
