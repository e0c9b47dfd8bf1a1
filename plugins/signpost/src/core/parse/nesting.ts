/**
 * How deep a guide file nests, measured three ways: what one line opens (lists and quotes),
 * what the lines open and close across the file (container directives), both before parsing
 * and as upper bounds nothing in the file can lower; and how deep the parsed tree is.
 */
import type { Node } from 'unist';

/** Line endings as micromark counts lines: `\r\n`, `\r` and `\n`. */
export const LINE_ENDING = /\r\n|\r|\n/;

/**
 * How many lists and blockquotes a line can be inside, at most: each `>` and each list
 * marker (`-`, `*`, `+`, `1.`, `1)` before a space) at its start opens or continues one, and a
 * list item is continued by at least two columns of indentation. A thematic break (`* * *`,
 * `- - - -`) is no list. `column` is where the count goes past `limit`, for the report.
 */
export function lineContainers(line: string, limit: number): { count: number; column: number } {
  const breakFrom = thematicBreakFrom(line);
  let markers = 0;
  let spaces = 0;
  let column = 0;
  let afterMarker = false;
  let index = 0;
  const estimate = (): number => markers + Math.floor(spaces / 2);
  while (index < breakFrom) {
    const char = line[index]!;
    if (char === ' ' || char === '\t') {
      // The space after a marker belongs to it (`- x`); more of them continue list items.
      if (!afterMarker) spaces += char === '\t' ? 4 : 1;
      if (estimate() > limit && column === 0) column = index + 1;
      afterMarker = false;
      index++;
      continue;
    }
    const ordered = char >= '0' && char <= '9' ? /^\d{1,9}[.)]/.exec(line.slice(index, index + 10))?.[0] : undefined;
    const width = char === '>' || char === '-' || char === '*' || char === '+' ? 1 : (ordered?.length ?? 0);
    // A list marker counts when a space or the end of the line follows it; `>` always does.
    const next = line[index + width];
    if (width === 0 || (char !== '>' && next !== undefined && next !== ' ' && next !== '\t')) break;
    markers++;
    afterMarker = true;
    if (estimate() > limit && column === 0) column = index + 1;
    index += width;
  }
  return { count: estimate(), column: column || 1 };
}

/**
 * Where the thematic break that ends a line starts (three or more of one of `-`, `*`, `_`
 * with only spaces between them), or the line's length when it ends in none. One pass from
 * the end, so that a line of thousands of markers costs no more than its length.
 */
function thematicBreakFrom(line: string): number {
  let marker: string | undefined;
  let count = 0;
  let from = line.length;
  for (let index = line.length - 1; index >= 0; index--) {
    const char = line[index]!;
    if (char === ' ' || char === '\t') continue;
    if ((char !== '-' && char !== '*' && char !== '_') || (marker !== undefined && char !== marker)) break;
    marker = char;
    if (++count >= 3) from = index;
  }
  return from;
}

/**
 * Tracks, line by line, how deep container directives can be nested, whatever the rest of the
 * file holds. micromark parses a container's content in a pass of its own, so nesting costs a
 * pass over the whole file per level.
 *
 * A line of colons alone (`:::`, `::::`) ends every container opened with at most that many
 * colons, wherever it stands: a container sees every line until it ends (it is "concrete", like
 * fenced code), and a list or quote around it that the line does not continue ends it too. So
 * the containers that can still be open are the openings (`:::name`, after any indentation,
 * `>` or list markers) since the last such line with as many colons: an upper bound that code
 * blocks or odd prefixes can only raise. Without MDX (the recovery parser after a syntax
 * error) a closing line indented 4 columns or more is code, so there only lines indented at
 * most 3 spaces close.
 */
export class DirectiveDepth {
  private readonly open: number[] = [];
  private readonly closing: RegExp;
  /** Where the last opening fence starts, for the report. */
  column = 1;

  constructor(parser: 'mdx' | 'markdown') {
    this.closing = parser === 'mdx' ? /^[ \t]*(:{3,})[ \t]*$/ : /^ {0,3}(:{3,})[ \t]*$/;
  }

  /** Reads one line; returns how many containers can be open on it. */
  line(line: string): number {
    const closing = this.closing.exec(line)?.[1]?.length;
    if (closing !== undefined) {
      let kept = 0;
      for (const colons of this.open) if (colons > closing) this.open[kept++] = colons;
      this.open.length = kept;
      return this.open.length;
    }
    const opening = /^[ \t>*+\-\d.)]*?(:{3,})(?=[^\s\p{P}\p{S}])/u.exec(line);
    if (opening) {
      this.open.push(opening[1]!.length);
      this.column = opening[0].length - opening[1]!.length + 1;
    }
    return this.open.length;
  }
}

/** A code span: a run of backticks, text, and a run of as many (a line's work stays linear: no backtracking past a line). */
const CODE_SPAN = /(`+)[^`]*?\1/g;

/** An HTML or JSX tag: `</name>` closes, `<name … />` opens nothing, `<name …>` opens. */
const TAG = /<(\/)?[A-Za-z][\w.:-]*(?:\s[^<>]*?)?(\/)?>/g;

/**
 * Tracks, line by line, how many HTML or JSX elements can be open: the opening tags of the
 * lines that start with a tag (after indentation), less the closing tags of every line.
 * Elements nested past the tree's depth limit are refused before parsing: every element is a
 * level of the tree, so the tree would be refused after parsing anyway, and micromark reads
 * deeply nested elements at a fraction of its usual speed. The caller leaves out lines of
 * fenced code.
 */
export class ElementDepth {
  private open = 0;
  /** Where the tag that went past the limit starts, for the report. */
  column = 1;

  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Reads one line; says whether a tag of it opened more elements than the limit. */
  past(line: string): boolean {
    if (!line.includes('<')) return false;
    // A closing tag anywhere may end an element (`<span>a` then `b</span>`): counting it can only lower the count.
    const opens = /^[ \t]*</.test(line);
    // Tags in code spans are text.
    for (const tag of line.replace(CODE_SPAN, '').matchAll(TAG)) {
      if (tag[1]) this.open = Math.max(0, this.open - 1);
      else if (opens && !tag[2] && ++this.open > this.limit) {
        this.column = tag.index + 1;
        return true;
      }
    }
    return false;
  }
}

/** The deepest container-directive nesting the recovery parser (no MDX) could build, up to just past `limit`. */
export function directiveDepthWithoutMdx(text: string, limit: number): number {
  const depth = new DirectiveDepth('markdown');
  let deepest = 0;
  for (const line of text.split(LINE_ENDING)) {
    deepest = Math.max(deepest, depth.line(line));
    // Past the limit is all the caller needs to know (and it keeps each line's work bounded).
    if (deepest > limit) break;
  }
  return deepest;
}

/**
 * The first node of a parsed tree deeper than `limit`, and the depth the tree
 * reaches, measured without recursion (the tree may be deeper than the stack allows).
 */
export function tooDeep(tree: Node, limit: number): { node: Node; deepest: number } | undefined {
  let first: Node | undefined;
  let deepest = 0;
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > limit && first === undefined) first = node;
    const children = (node as { children?: Node[] }).children;
    // Children in reverse, so that nodes come off the stack in document order.
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, depth + 1]);
  }
  return first ? { node: first, deepest } : undefined;
}
