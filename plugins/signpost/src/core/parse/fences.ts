/**
 * What a directive that could not be parsed leaves behind: containers never closed (reported
 * at their opening, with the colon rule that fixes them), and paragraphs of colons that are
 * a broken directive rather than stray content.
 */
import { syntaxErrorRule } from '../rules/syntax-error.ts';
import type { Nodes, Parent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { flag } from '../problems.ts';
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

/**
 * Reports containers that are never closed. The usual cause is nesting with equal fences:
 * in `:::error` … `:::reason` … `:::`, that `:::` closes `error`, not `reason`. Nodes in
 * `skip` were left open and are reported as such (extract.ts), with what is inside them.
 */
export function checkFences(tree: Root, file: VFile, skip: Set<ContainerDirective> = new Set()): void {
  const source = String(file.value);
  // Only the outermost unclosed container is reported: the ones inside it follow from it.
  const visit = (parent: Parent, container: ContainerDirective | undefined, reported: boolean): void => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'containerDirective') {
        if (skip.has(child)) continue;
        const closing = child.data?.position?.closing;
        const parentClosing = container?.data?.position?.closing;
        if (!reported && !closing) {
          const finding =
            container && parentClosing
              ? syntaxErrorRule.say(
                  'closedByOuter',
                  child.name,
                  parentClosing.start.line,
                  container.name,
                  ':'.repeat(fenceOf(child, source) + 1),
                )
              : syntaxErrorRule.say('neverClosed', child.name, ':'.repeat(fenceOf(child, source)));
          flag(file, finding, openingOf(child));
        }
        visit(child, child, reported || !closing);
        continue;
      }
      if ('children' in child) visit(child, container, reported);
    }
  };
  visit(tree, undefined, false);
}
