/**
 * What a reader would actually see of some content: its text without MDX comments, with the
 * alt text of images and the names of media. A Reason that holds only `{/* TODO *\/}` shows an
 * empty box, so parts are checked for visible content, not for characters.
 */
import type { Nodes } from 'mdast';

/** The visible text of a tree, trimmed (`''` when nothing would show). */
export function visibleText(node: Nodes): string {
  const parts: string[] = [];
  collect(node, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Content that flows within a line: no space between it and its neighbours but what it holds. */
const PHRASING = new Set([
  'text',
  'inlineCode',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'footnoteReference',
  'html',
  'mdxTextExpression',
  'mdxJsxTextElement',
  'textDirective',
]);

function collect(node: Nodes, parts: string[]): void {
  switch (node.type) {
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'mdxjsEsm':
    case 'yaml':
      return;
    case 'text':
    case 'inlineCode':
      parts.push(node.value);
      return;
    case 'code':
      parts.push(node.value, ' ');
      return;
    case 'break':
      parts.push(' ');
      return;
    case 'image':
      parts.push(node.alt || '[image]');
      return;
    case 'leafDirective':
      // Media components show even without words: `::screenshot{src alt}`.
      if (['image', 'screenshot', 'video'].includes(node.name))
        parts.push(String(node.attributes?.['alt'] ?? node.attributes?.['title'] ?? '[media]'), ' ');
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (node.name === 'img') parts.push('[image]');
      else if (node.name === 'br') parts.push(' ');
      break;
    case 'thematicBreak':
      parts.push('—');
      return;
    default:
      break;
  }
  if ('children' in node) for (const child of node.children) collect(child as Nodes, parts);
  // A block's text is a run of words of its own: a space from the next block's.
  if (!PHRASING.has(node.type)) parts.push(' ');
}
