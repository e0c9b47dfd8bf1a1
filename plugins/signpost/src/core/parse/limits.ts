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
import type { Point } from 'unist';
import { DirectiveDepth, LINE_ENDING, lineContainers } from './nesting.ts';

export const LIMITS = {
  /** Bytes in one guide file: a guide that needs more splits it into several files. */
  fileBytes: 256 * 1024,
  /** Characters in one block of lines (a paragraph, a list): split longer ones. */
  blockChars: 12_000,
  /** `*`, `_`, `[` and `<` in one block of lines (a list of 200 bold items stays under it). */
  inlineMarkers: 1000,
  /**
   * Table cells in one file, counted as `|` outside fenced code: GFM builds a node per cell,
   * and a file of nothing but cells would take seconds (a guide's tables need a few hundred).
   */
  tableCells: 4000,
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
  const size =
    bytes >= 1024 ** 3
      ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
      : bytes >= 1024 ** 2
        ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
        : `${Math.ceil(bytes / 1024)} KB`;
  return `This file is ${size}; a guide file may hold at most ${LIMITS.fileBytes / 1024} KB: split it into several files`;
}

/** The first limit a file's text goes past, if any. */
export function scanLimits(text: string): LimitProblem | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > LIMITS.fileBytes) return { message: fileTooLarge(bytes), place: { line: 1, column: 1 } };
  const lines = text.split(LINE_ENDING);
  const directives = new DirectiveDepth('mdx');
  let blockStart = 0;
  let blockChars = 0;
  let markers = 0;
  let cells = 0;
  let code: string | undefined;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    const codeFence = line === undefined ? undefined : /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (codeFence && (code === undefined || codeFence.startsWith(code))) code = code === undefined ? codeFence : undefined;
    else if (code === undefined && line?.includes('|')) {
      cells += line.match(/\|/g)!.length;
      if (cells > LIMITS.tableCells) {
        return {
          message: `This file has over ${LIMITS.tableCells} table cells (\`|\`) by this line; split its tables into several files or shorter tables`,
          place: { line: index + 1, column: 1 },
        };
      }
    }
    if (line === undefined || line.trim() === '') {
      blockChars = 0;
      markers = 0;
      blockStart = index + 1;
      continue;
    }
    const at = (column: number): Point => ({ line: index + 1, column });
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > LIMITS.indentColumns) {
      return {
        message: `This line is indented ${indent} columns; at most ${LIMITS.indentColumns}: nest lists and quotes less deeply`,
        place: at(1),
      };
    }
    const quotes = /^(?:\s*>)+/.exec(line)?.[0].split('>').length ?? 1;
    if (quotes - 1 > LIMITS.quoteDepth) {
      return { message: `Blockquotes nest ${quotes - 1} deep here; at most ${LIMITS.quoteDepth}`, place: at(1) };
    }
    const containers = lineContainers(line, LIMITS.lineContainers);
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
