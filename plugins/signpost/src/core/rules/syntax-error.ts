/**
 * `syntax-error`: MDX or YAML that cannot be parsed, and directives never closed. A file rule:
 * it words why the parser stopped (parser-stops.ts) and what YAML's parser found, as the parse
 * noted them, then reads the tree for containers never closed and the nodes extraction found
 * left open. `docs/syntax-error.md` explains it.
 */
import type { Nodes, Parent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { describe } from '../parse/describe.ts';
import { openingOf } from '../parse/directives.ts';
import { type FileModel, factsOfType, factsOfTypes } from '../parse/file-model.ts';
import { fenceOf, leftOpen } from '../parse/fences.ts';
import { isNodeDirective } from '../parse/vocabulary.ts';
import { defineRule } from './define.ts';
import { parserStopFinding, type PlacedFinding } from './parser-stops.ts';
import { code } from './words.ts';

export const syntaxErrorRule = defineRule(
  {
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
  },
  (file, report) => {
    for (const { finding, place, related } of beforeNodes(file)) report(finding, place, related);
    for (const { directive, kind, id, nextInside } of factsOfType(file, 'node-opened')) {
      if (!nextInside) continue;
      // A node left open: the first node read inside it says where its closing fence belongs.
      const fence = ':'.repeat(fenceOf(directive, file.text));
      const next = describe(nextInside.kind, nextInside.id);
      report(
        syntaxErrorRule.say(
          'nodeNotClosed',
          describe(kind, id ?? ''),
          fence,
          next.charAt(0).toLowerCase() + next.slice(1),
          nextInside.line,
        ),
        openingOf(directive),
      );
    }
  },
);

/**
 * The syntax errors found before the nodes are read: why the parser stopped, YAML's errors,
 * and the containers never closed, in that order.
 */
function beforeNodes(file: FileModel): PlacedFinding[] {
  const found: PlacedFinding[] = [];
  for (const fact of factsOfTypes(file, ['parser-stopped', 'yaml-error'])) {
    if (fact.type === 'parser-stopped') found.push(parserStopFinding(fact.stop, file.text, file.path));
    else if (fact.type === 'yaml-error' && fact.code !== 'RESOURCE_EXHAUSTION') {
      found.push({ finding: syntaxErrorRule.say('yaml', firstSentence(fact.message), fact.code === 'DUPLICATE_KEY'), place: fact.place });
    }
  }
  if (file.tree) unclosedContainers(file, found);
  return found;
}

/**
 * The lines of the syntax errors found before the nodes are read (a message without a place has
 * none): a paragraph of colons there is the broken directive, not stray content, and a pattern's
 * placeholder MDX could not read is reported once, as the syntax error.
 */
export function syntaxErrorLines(file: FileModel): Set<number | undefined> {
  return new Set(
    beforeNodes(file).map(({ place }) => (place === undefined ? undefined : 'start' in place ? place.start.line : place.line)),
  );
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Containers never closed. The usual cause is nesting with equal fences: in `:::error` …
 * `:::reason` … `:::`, that `:::` closes `error`, not `reason`. Only the outermost is reported:
 * the ones inside it follow from it. A node left open, with the next node read inside it, is
 * reported as such, at its opening, with what is inside it.
 */
function unclosedContainers(file: FileModel, found: PlacedFinding[]): void {
  const tree = file.tree!;
  const open = new Set(
    tree.children.filter((child) => child.type === 'containerDirective' && isNodeDirective(child.name) && leftOpen(child)),
  );
  const visit = (parent: Parent, container: ContainerDirective | undefined, reported: boolean): void => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'containerDirective') {
        if (open.has(child)) continue;
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
                  ':'.repeat(fenceOf(child, file.text) + 1),
                )
              : syntaxErrorRule.say('neverClosed', child.name, ':'.repeat(fenceOf(child, file.text)));
          found.push({ finding, place: openingOf(child) });
        }
        visit(child, child, reported || !closing);
        continue;
      }
      if ('children' in child) visit(child, container, reported);
    }
  };
  visit(tree, undefined, false);
}
