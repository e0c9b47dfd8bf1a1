/**
 * Limits that keep `check` and the build fast and safe whatever a guide file holds.
 *
 * Parsing slows down sharply on some shapes (deep nesting, thousands of emphasis markers in
 * one paragraph), and the parser and every step after it (the checks, the HTML of the pages)
 * recurse once per level of nesting. So a file is scanned before it is parsed, for what can
 * make the parser itself slow or deep, and its tree is measured after parsing, for what every
 * later step must handle; past a limit no real guide comes near, it is refused with a located
 * problem.
 */
import type { Node } from 'unist';
import type { Point } from 'unist';

export const LIMITS = {
  /** Bytes in one guide file: a guide that needs more splits it into several files. */
  fileBytes: 256 * 1024,
  /** Characters in one block of lines (a paragraph, a list): split longer ones. */
  blockChars: 12_000,
  /** `*`, `_`, `[` and `<` in one block of lines (a list of 200 bold items stays under it). */
  inlineMarkers: 1000,
  /** Columns of indentation (lists nested about 16 deep). */
  indentColumns: 32,
  /** Blockquotes inside blockquotes. */
  quoteDepth: 8,
  /** Lists and blockquotes one line opens or continues (`- - - x`, `> - > - x`). */
  lineContainers: 20,
  /** Colons in a directive fence. */
  fenceColons: 16,
  /** Container directives inside one another (`:::note` in `:::fix` in `::::error` is 3). */
  directiveDepth: 14,
  /**
   * Levels of a file's syntax tree: lists, list items, quotes, directives, elements, emphasis
   * and links inside one another. Parsing, checks and rendering recurse per level; they are
   * safe to about 2,000 levels, a real guide needs about 20.
   */
  treeDepth: 100,
  /** Answers of one question. */
  options: 100,
  /** Characters of a node id or a guide folder name, each a URL segment and a file name. */
  idLength: 100,
  /** `.mdx` files in one guide. */
  guideFiles: 1000,
  /** Bytes of `.mdx` files in one guide (the largest benchmark guide, 5,000 nodes, is 5 MB). */
  guideBytes: 16 * 1024 * 1024,
  /** Files and folders a guide folder holds, at any depth: past it, it is no guide folder. */
  guideEntries: 10_000,
  /** Folders inside folders within a guide folder. */
  folderDepth: 8,
  /** `[` and `{` in a guide's frontmatter (YAML's parser recurses per level of them). */
  yamlBrackets: 64,
  /** `- ` and `? ` starting one line of frontmatter (`- - - x` nests a list per `- `). */
  yamlLineIndicators: 8,
  /** Values YAML aliases (`*name`) may expand to: a "billion laughs" stops here. */
  yamlAliases: 100,
} as const;

export interface LimitProblem {
  message: string;
  place: Point;
}

/** The message for a file past `LIMITS.fileBytes` (`bytes` long, or at least that long). */
export function fileTooLarge(bytes: number): string {
  // Rounded up: a file one byte over 256 KB says 257 KB, not "256 KB; at most 256 KB".
  const size = bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  return `This file is ${size}; a guide file may hold at most ${LIMITS.fileBytes / 1024} KB: split it into several files`;
}

/** Line endings as micromark counts lines: `\r\n`, `\r` and `\n`. */
const LINE_ENDING = /\r\n|\r|\n/;

/** The first limit a file's text goes past, if any. */
export function scanLimits(text: string): LimitProblem | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > LIMITS.fileBytes) return { message: fileTooLarge(bytes), place: { line: 1, column: 1 } };
  const lines = text.split(LINE_ENDING);
  const directives = new DirectiveDepth('mdx');
  let blockStart = 0;
  let blockChars = 0;
  let markers = 0;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    if (line === undefined || line.trim() === '') {
      blockChars = 0;
      markers = 0;
      blockStart = index + 1;
      continue;
    }
    const at = (column: number): Point => ({ line: index + 1, column });
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > LIMITS.indentColumns) {
      return { message: `This line is indented ${indent} columns; at most ${LIMITS.indentColumns}: nest lists and quotes less deeply`, place: at(1) };
    }
    const quotes = /^(?:\s*>)+/.exec(line)?.[0].split('>').length ?? 1;
    if (quotes - 1 > LIMITS.quoteDepth) {
      return { message: `Blockquotes nest ${quotes - 1} deep here; at most ${LIMITS.quoteDepth}`, place: at(1) };
    }
    const containers = lineContainers(line);
    if (containers.count > LIMITS.lineContainers) {
      return {
        message: `This line opens or continues ${containers.count} lists and blockquotes; at most ${LIMITS.lineContainers}: nest them less deeply`,
        place: at(containers.column),
      };
    }
    const fence = /^\s*(:+)/.exec(line)?.[1]?.length ?? 0;
    if (fence > LIMITS.fenceColons) {
      return { message: `This fence has ${fence} colons; at most ${LIMITS.fenceColons}: nest directives less deeply`, place: at(1) };
    }
    const depth = directives.line(line);
    if (depth > LIMITS.directiveDepth) {
      return {
        message: `Directives nest ${depth} deep here; at most ${LIMITS.directiveDepth}: close the ones above with a line of colons (\`:::\`) before opening more`,
        place: at(directives.column),
      };
    }
    blockChars += line.length + 1;
    if (blockChars > LIMITS.blockChars) {
      return {
        message: `The block of lines starting at line ${blockStart + 1} is over ${LIMITS.blockChars} characters; separate its paragraphs with blank lines or shorten it`,
        place: { line: blockStart + 1, column: 1 },
      };
    }
    markers += line.match(/[*_[<]/g)?.length ?? 0;
    if (markers > LIMITS.inlineMarkers) {
      return {
        message: `The block of lines starting at line ${blockStart + 1} has over ${LIMITS.inlineMarkers} \`*\`, \`_\`, \`[\` and \`<\`; split it into shorter paragraphs`,
        place: { line: blockStart + 1, column: 1 },
      };
    }
  }
  return undefined;
}

/**
 * How many lists and blockquotes a line can be inside, at most: each `>` and each list
 * marker (`-`, `*`, `+`, `1.`, `1)` before a space) at its start opens or continues one, and a
 * list item is continued by at least two columns of indentation. A thematic break (`* * *`,
 * `- - - -`) is no list. `column` is where the count goes past the limit, for the report.
 */
export function lineContainers(line: string): { count: number; column: number } {
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
      if (estimate() > LIMITS.lineContainers && column === 0) column = index + 1;
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
    if (estimate() > LIMITS.lineContainers && column === 0) column = index + 1;
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

/** The deepest container-directive nesting the recovery parser (no MDX) could build. */
export function directiveDepthWithoutMdx(text: string): number {
  const depth = new DirectiveDepth('markdown');
  let deepest = 0;
  for (const line of text.split(LINE_ENDING)) {
    deepest = Math.max(deepest, depth.line(line));
    // Past the limit is all the caller needs to know (and it keeps each line's work bounded).
    if (deepest > LIMITS.directiveDepth) break;
  }
  return deepest;
}

/**
 * The first node of a parsed tree deeper than `LIMITS.treeDepth`, and the depth the tree
 * reaches, measured without recursion (the tree may be deeper than the stack allows).
 */
export function tooDeep(tree: Node): { node: Node; deepest: number } | undefined {
  let first: Node | undefined;
  let deepest = 0;
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > LIMITS.treeDepth && first === undefined) first = node;
    const children = (node as { children?: Node[] }).children;
    // Children in reverse, so that nodes come off the stack in document order.
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, depth + 1]);
  }
  return first ? { node: first, deepest } : undefined;
}

/**
 * The first limit the YAML of a frontmatter goes past, if any, with lines and columns counted
 * from its first line. YAML's parser and its `toJS` recurse per level of nesting: `[` and `{`
 * open one anywhere, `- ` and `? ` at the start of a line one each (`- - - x`), and
 * indentation one (bounded by `scanLimits`).
 */
export function scanFrontmatter(yaml: string): LimitProblem | undefined {
  let brackets = 0;
  const lines = yaml.split(LINE_ENDING);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const indicators = /^[ \t]*((?:[-?](?:[ \t]+|$))*)/.exec(line)![1]!.replace(/[ \t]/g, '').length;
    if (indicators > LIMITS.yamlLineIndicators) {
      return {
        message: `This frontmatter line nests ${indicators} lists or keys (\`- \`, \`? \`); at most ${LIMITS.yamlLineIndicators}: write one field a line`,
        place: { line: index + 1, column: 1 },
      };
    }
    for (const match of line.matchAll(/[[{]/g)) {
      if (++brackets > LIMITS.yamlBrackets) {
        return {
          message: `The frontmatter holds over ${LIMITS.yamlBrackets} \`[\` and \`{\`; write each field as \`name: value\`, and put text that holds brackets in quotes`,
          place: { line: index + 1, column: match.index + 1 },
        };
      }
    }
  }
  return undefined;
}
