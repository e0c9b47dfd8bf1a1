/**
 * What a directive that could not be parsed leaves behind: how many colons open a container,
 * nodes left open (the next node read inside them), and paragraphs of colons that are a broken
 * directive rather than stray content. `syntax-error` reports unclosed containers with these
 * (rules/syntax-error.ts), `stray-content` leaves broken directives to it.
 */
import type { Nodes, Parent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { openingOf } from './directives.ts';
import { isNodeDirective } from './vocabulary.ts';

/**
 * A directive that could not be parsed reads as a paragraph starting with colons; its syntax
 * error is reported already, so it is not stray content as well.
 */
export function brokenDirective(node: Nodes, syntaxErrorLines: Set<number | undefined>): boolean {
  return node.type === 'paragraph' && syntaxErrorLines.has(node.position?.start.line) && /^:{2,}[a-z]/i.test(toString(node));
}

/** How many colons open a container (`::::question` has 4). */
export function fenceOf(directive: ContainerDirective, source: string): number {
  const offset = openingOf(directive)?.start.offset;
  if (offset === undefined) return 3;
  const colons = /:+/y;
  colons.lastIndex = offset;
  return colons.exec(source)?.[0].length ?? 3;
}

/**
 * Whether a node was left open: another node directive stands directly in it, and it has no
 * closing fence of its own (one inside it, or none at all, closed it). Nodes never nest, so the
 * writer meant to close it before that node.
 */
export function leftOpen(node: ContainerDirective): boolean {
  const holdsNode = node.children.some((child) => child.type === 'containerDirective' && isNodeDirective(child.name));
  return holdsNode && (!node.data?.position?.closing || someUnclosed(node));
}

function someUnclosed(parent: Parent): boolean {
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'containerDirective' && !child.data?.position?.closing) return true;
    if ('children' in child && someUnclosed(child)) return true;
  }
  return false;
}
