/**
 * What a directive that could not be parsed leaves behind: containers never closed (reported
 * at their opening, with the colon rule that fixes them), and paragraphs of colons that are
 * a broken directive rather than stray content.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { flag } from '../problems.ts';
import { openingOf } from './directives.ts';

/**
 * A directive that could not be parsed reads as a paragraph starting with colons; its syntax
 * error is reported already, so it is not stray content as well.
 */
export function brokenDirective(node: Nodes, syntaxErrorLines: Set<number | undefined>): boolean {
  return node.type === 'paragraph' && syntaxErrorLines.has(node.position?.start.line) && /^:{2,}[a-z]/i.test(toString(node));
}

/**
 * Reports containers that are never closed. The usual cause is nesting with equal fences:
 * in `:::error` … `:::reason` … `:::`, that `:::` closes `error`, not `reason`.
 */
export function checkFences(tree: Root, file: VFile): void {
  const source = String(file.value);
  const fence = (directive: ContainerDirective): number => {
    const offset = openingOf(directive)?.start.offset;
    if (offset === undefined) return 3;
    const colons = /:+/y;
    colons.lastIndex = offset;
    return colons.exec(source)?.[0].length ?? 3;
  };
  // Only the outermost unclosed container is reported: the ones inside it follow from it.
  const visit = (parent: Parent, container: ContainerDirective | undefined, reported: boolean): void => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'containerDirective') {
        const closing = child.data?.position?.closing;
        const parentClosing = container?.data?.position?.closing;
        if (!reported && !closing) {
          const message =
            container && parentClosing
              ? `\`${child.name}\` is never closed: the fence on line ${parentClosing.start.line} closes \`${container.name}\` first. ` +
                `A directive that holds others needs more colons: open and close \`${container.name}\` with \`${':'.repeat(fence(child) + 1)}\``
              : `\`${child.name}\` is never closed; end it with a line of \`${':'.repeat(fence(child))}\``;
          flag(file, 'syntax-error', message, openingOf(child));
        }
        visit(child, child, reported || !closing);
        continue;
      }
      if ('children' in child) visit(child, container, reported);
    }
  };
  visit(tree, undefined, false);
}
