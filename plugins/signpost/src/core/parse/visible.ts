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

function collect(node: Nodes, parts: string[]): void {
  switch (node.type) {
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'mdxjsEsm':
    case 'yaml':
      return;
    case 'text':
    case 'inlineCode':
    case 'code':
      parts.push(node.value, ' ');
      return;
    case 'image':
      parts.push(node.alt || '[image]', ' ');
      return;
    case 'leafDirective':
      // Media components show even without words: `::screenshot{src alt}`.
      if (['image', 'screenshot', 'video'].includes(node.name))
        parts.push(String(node.attributes?.['alt'] ?? node.attributes?.['title'] ?? '[media]'), ' ');
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (node.name === 'img' || node.name === 'br') parts.push(node.name === 'img' ? '[image]' : '', ' ');
      break;
    case 'thematicBreak':
      parts.push('—');
      return;
    default:
      break;
  }
  if ('children' in node) for (const child of node.children) collect(child as Nodes, parts);
}
