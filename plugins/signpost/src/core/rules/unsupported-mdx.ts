/**
 * `unsupported-mdx`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/unsupported-mdx.md` explains it.
 */
import { defineRule } from './define.ts';
import { code, codes } from './words.ts';

export const unsupportedMdxRule = defineRule({
  id: 'unsupported-mdx',
  severity: 'error',
  summary: 'an import, export, expression or component outside the allowed set',
  messages: {
    esm: () => '`import` and `export` are not supported in guides; use Markdown, directives and the allowed elements',
    expression: () => 'Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment',
    element: (name: string | undefined, allowed: readonly string[]) =>
      `${name ? `Element ${code(`<${name}>`)} is` : 'A fragment `<>` is'} not supported in guides; use Markdown or one of ${allowed.map((a) => code(`<${a}>`)).join(', ')}`,
    spread: (element: string) => `Spread attributes are not supported on ${code(`<${element}>`)}; write each attribute as \`name="value"\``,
    attribute: (name: string, element: string, allowed: readonly string[]) =>
      `Attribute ${code(name)} is not allowed on ${code(`<${element}>`)}; ${allowed.length ? `it takes ${codes(allowed)}` : 'it takes no attributes'}`,
    attributeExpression: (name: string, element: string) =>
      `Attribute ${code(name)} on ${code(`<${element}>`)} must be plain text in quotes, not an expression`,
  },
});
