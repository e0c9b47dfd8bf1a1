/**
 * Enforces the content policy of `mdx-policy.ts` where a writer breaks it: MDX imports,
 * expressions, elements and attributes outside the allowed set, and URLs with a protocol that
 * could run code. Each is reported at its place.
 */
import type { Nodes } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { flag } from '../problems.ts';
import { ALLOWED_ELEMENTS, ALLOWED_PROTOCOLS, isComment, isSafeUrl } from './mdx-policy.ts';

/** The allowed elements as a message lists them (checkMdx runs for every node of every file). */
const ELEMENT_LIST = [...ALLOWED_ELEMENTS.keys()].map((name) => `\`<${name}>\``).join(', ');

/**
 * Reports MDX outside the policy of `mdx-policy.ts`; returns whether `node` is MDX syntax
 * (which never counts as stray content).
 */
export function checkMdx(node: Nodes, file: VFile): boolean {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      checkUrl(node.url, node.type === 'image' ? 'image' : 'link', node.position, file);
      return false;
    case 'mdxjsEsm':
      flag(
        file,
        'unsupported-mdx',
        '`import` and `export` are not supported in guides; use Markdown, directives and the allowed elements',
        node.position,
      );
      return true;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isComment(node.value)) {
        flag(
          file,
          'unsupported-mdx',
          'Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment',
          node.position,
        );
      }
      return true;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const allowed = node.name ? ALLOWED_ELEMENTS.get(node.name) : undefined;
      if (!node.name || !allowed) {
        const what = node.name ? `Element \`<${node.name}>\` is` : 'A fragment `<>` is';
        flag(file, 'unsupported-mdx', `${what} not supported in guides; use Markdown or one of ${ELEMENT_LIST}`, node.position);
        return true;
      }
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          flag(
            file,
            'unsupported-mdx',
            `Spread attributes are not supported on \`<${node.name}>\`; write each attribute as \`name="value"\``,
            node.position,
          );
        } else if (!allowed.includes(attribute.name)) {
          const takes = allowed.length ? `it takes ${allowed.map((a) => `\`${a}\``).join(', ')}` : 'it takes no attributes';
          flag(
            file,
            'unsupported-mdx',
            `Attribute \`${attribute.name}\` is not allowed on \`<${node.name}>\`; ${takes}`,
            attribute.position ?? node.position,
          );
        } else if (attribute.value !== null && typeof attribute.value !== 'string') {
          flag(
            file,
            'unsupported-mdx',
            `Attribute \`${attribute.name}\` on \`<${node.name}>\` must be plain text in quotes, not an expression`,
            attribute.position ?? node.position,
          );
        } else if (attribute.name === 'src' && typeof attribute.value === 'string') {
          checkUrl(attribute.value, 'image', attribute.position ?? node.position, file);
        }
      }
      return true;
    }
    default:
      return false;
  }
}

/** Reports a link or image URL whose protocol could run code or load from anywhere. */
function checkUrl(url: string, what: 'link' | 'image', place: Position | undefined, file: VFile): void {
  if (isSafeUrl(url)) return;
  const shown = JSON.stringify(url.length > 40 ? `${url.slice(0, 40)}…` : url).slice(1, -1);
  flag(
    file,
    'unsafe-url',
    `This ${what} URL \`${shown}\` uses a protocol pages may not carry; use ${ALLOWED_PROTOCOLS.map((p) => `\`${p}:\``).join(', ')} or a relative URL`,
    place,
  );
}
