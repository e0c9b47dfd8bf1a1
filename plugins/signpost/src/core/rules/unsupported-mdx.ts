/**
 * `unsupported-mdx`: MDX outside the policy of parse/mdx-policy.ts (imports and exports,
 * expressions other than comments, elements and attributes outside the allowed set). A file
 * rule: it reads the MDX extraction met, each reported at its place (guides come from many
 * hands and must not run code). `docs/unsupported-mdx.md` explains it.
 */
import { factsOfType } from '../parse/file-model.ts';
import { ALLOWED_ELEMENTS, isComment } from '../parse/mdx-policy.ts';
import { defineRule } from './define.ts';
import { code, codes } from './words.ts';

/** The allowed elements, as a message lists them. */
const ELEMENTS = [...ALLOWED_ELEMENTS.keys()];

export const unsupportedMdxRule = defineRule(
  {
    id: 'unsupported-mdx',
    severity: 'error',
    summary: 'an import, export, expression or component outside the allowed set',
    messages: {
      esm: () => '`import` and `export` are not supported in guides; use Markdown, directives and the allowed elements',
      expression: () => 'Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment',
      element: (name: string | undefined, allowed: readonly string[]) =>
        `${name ? `Element ${code(`<${name}>`)} is` : 'A fragment `<>` is'} not supported in guides; use Markdown or one of ${allowed.map((a) => code(`<${a}>`)).join(', ')}`,
      spread: (element: string) =>
        `Spread attributes are not supported on ${code(`<${element}>`)}; write each attribute as \`name="value"\``,
      attribute: (name: string, element: string, allowed: readonly string[]) =>
        `Attribute ${code(name)} is not allowed on ${code(`<${element}>`)}; ${allowed.length ? `it takes ${codes(allowed)}` : 'it takes no attributes'}`,
      attributeExpression: (name: string, element: string) =>
        `Attribute ${code(name)} on ${code(`<${element}>`)} must be plain text in quotes, not an expression`,
    },
  },
  (file, report) => {
    for (const { node } of factsOfType(file, 'markdown')) {
      switch (node.type) {
        case 'mdxjsEsm':
          report(unsupportedMdxRule.say('esm'), node.position);
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!isComment(node.value)) report(unsupportedMdxRule.say('expression'), node.position);
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const allowed = node.name ? ALLOWED_ELEMENTS.get(node.name) : undefined;
          if (!node.name || !allowed) {
            report(unsupportedMdxRule.say('element', node.name ?? undefined, ELEMENTS), node.position);
            break;
          }
          for (const attribute of node.attributes) {
            if (attribute.type === 'mdxJsxExpressionAttribute') {
              report(unsupportedMdxRule.say('spread', node.name), node.position);
            } else if (!allowed.includes(attribute.name)) {
              report(unsupportedMdxRule.say('attribute', attribute.name, node.name, allowed), attribute.position ?? node.position);
            } else if (attribute.value !== null && typeof attribute.value !== 'string') {
              report(unsupportedMdxRule.say('attributeExpression', attribute.name, node.name), attribute.position ?? node.position);
            }
          }
          break;
        }
        default:
          break;
      }
    }
  },
);
