/**
 * Limits that keep `check` and the build fast and safe whatever a guide file holds.
 *
 * Parsing slows down sharply on some shapes (deep nesting, thousands of emphasis markers in
 * one paragraph), and the parser and every step after it (the checks, the HTML of the pages)
 * recurse once per level of nesting. So a file is scanned before it is parsed, for what can
 * make the parser itself slow or deep, and its tree is measured after parsing, for what every
 * later step must handle; past a limit no real guide comes near, it is refused, and the
 * breach is noted (facts.ts) for `limit-exceeded` to report at its place.
 */
import type { Point } from 'unist';
import type { LimitBreach } from './facts.ts';
import { DirectiveDepth, ElementDepth, LINE_ENDING, lineContainers } from './nesting.ts';
import { MATCH_BUDGET, MOST_LINE_CHARS } from '../match/matcher.ts';

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
  /**
   * Nodes of one guide: its pages, map and checks grow with it, and a guide of this size
   * builds in about a minute (`npm run bench`).
   */
  guideNodes: 10_000,
  /** Answers and `next` of one guide, every node's together: each is a line on the map and a link on pages. */
  guideAnswers: 20_000,
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
  /**
   * Bytes of one file a guide links to or shows (a PDF, an image, a video): it is read whole
   * to be checked and hashed, and hosts refuse larger files (Cloudflare Pages at 25 MB).
   */
  linkedFileBytes: 100 * 1024 * 1024,
  /** Pixels of one image: what the build's image pipeline decodes (a 30000 × 30000 PNG is 900 megapixels). */
  imagePixels: 50_000_000,
  /** Pixels on one side of an image: browsers and the image pipeline refuse wider ones. */
  imageSide: 16_384,
  /**
   * Pixels of all the frames of an animated GIF or WebP (width × height × frames): the image
   * pipeline decodes every frame, and refuses past 268 megapixels (sharp's `limitInputPixels`
   * as astro:assets leaves it). A 640 × 421 screencast of 783 frames is 211 megapixels, and
   * takes about 2 s to check.
   */
  animationPixels: 250_000_000,
  // The error cards' `match` patterns and `example` lines (core/rules/card-patterns.ts).
  /** Characters of an `::example` line: what the reader's paste box reads of a line (`MOST_LINE_CHARS`). */
  exampleChars: MOST_LINE_CHARS,
  /**
   * The work of trying a guide's patterns on its cards' examples, messages and aliases, in the
   * paste matcher's units (`MATCH_BUDGET`: a line's length times the steps of a pattern's
   * program, weighted by the engine that runs it, `NFA_WEIGHT`, each expression built counting
   * `BUILD_COST`), and the same budget as one paste's: a paste of every line of a guide `check`
   * accepts is matched in full. Measured: the 10,000-node bench guide (2,878 cards) takes 603
   * million, most of it building its 5,756 expressions, `guide/` under 1 million; a guide past it
   * is stopped after about a second of pattern work, with or without lookbehinds.
   */
  patternWork: MATCH_BUDGET,
} as const;

type LimitName = keyof typeof LIMITS;

/** A limit as the writer's docs list it (`limit-exceeded`), its number taken from `LIMITS`. */
export interface LimitRow {
  what: string;
  limit: LimitName;
  /** How the number reads: `256 KB`, `12,000 characters`. */
  unit?: (value: number) => string;
  measured: string;
  fix: string;
}

const count = (value: number): string => value.toLocaleString('en');

/** The table of `limit-exceeded`'s page in the writer's docs, generated from this list (tests/check/docs.test.ts). */
export const LIMIT_TABLE: readonly LimitRow[] = [
  {
    what: 'the size of a guide file',
    limit: 'fileBytes',
    unit: (v) => `${v / 1024} KB`,
    measured: 'from the file system, before the file is read',
    fix: 'split the file into several',
  },
  {
    what: 'a block of lines (lines with no blank line between them: a paragraph, a list, a code block)',
    limit: 'blockChars',
    unit: (v) => `${count(v)} characters`,
    measured: 'before parsing',
    fix: 'separate paragraphs with blank lines, or shorten the block',
  },
  {
    what: '`*`, `_`, `[` and `<` in one block of lines',
    limit: 'inlineMarkers',
    measured: 'before parsing',
    fix: 'split the block into shorter paragraphs',
  },
  {
    what: 'the indentation of a line (a tab counts as four spaces)',
    limit: 'indentColumns',
    unit: (v) => `${v} columns`,
    measured: 'before parsing',
    fix: 'nest lists and quotes less deeply',
  },
  { what: 'blockquotes inside blockquotes (`> > >`)', limit: 'quoteDepth', measured: 'before parsing', fix: 'quote less deeply' },
  {
    what: 'lists and blockquotes one line opens or continues (`- - - x`, `1. 1. x`, `> - > - x`; each list marker or `>`, and each two columns of indentation, count one)',
    limit: 'lineContainers',
    measured: 'before parsing',
    fix: 'nest lists and quotes less deeply',
  },
  { what: "the colons of a directive's fence", limit: 'fenceColons', measured: 'before parsing', fix: 'nest directives less deeply' },
  {
    what: 'container directives inside one another, whatever their fences (`:::note` in `::::fix` in `:::::error` is 3)',
    limit: 'directiveDepth',
    measured: 'before parsing',
    fix: 'close directives (a line of colons) before opening more',
  },
  {
    what: 'HTML elements inside one another (`<details>` in `<details>`), counted on the lines that start with a tag, outside fenced code',
    limit: 'treeDepth',
    measured: 'before parsing',
    fix: 'close elements before opening more',
  },
  {
    what: 'levels of content nested in one another: lists and their items, quotes, directives, HTML elements (`<details>` in `<details>`), emphasis, links',
    limit: 'treeDepth',
    measured: 'after parsing, at the first node deeper',
    fix: 'nest less deeply',
  },
  {
    what: '`[` and `{` in the frontmatter',
    limit: 'yamlBrackets',
    measured: 'before YAML is read',
    fix: 'write each field as `name: value`, and put text with brackets in quotes',
  },
  {
    what: '`- ` and `? ` starting one line of frontmatter',
    limit: 'yamlLineIndicators',
    measured: 'before YAML is read',
    fix: 'write one field a line',
  },
  {
    what: 'the values YAML aliases (`*name`) expand to in the frontmatter',
    limit: 'yamlAliases',
    measured: 'while YAML is read',
    fix: 'write the values out',
  },
  { what: 'the answers of one question', limit: 'options', measured: 'after parsing', fix: 'group the answers under further questions' },
  {
    what: 'the nodes of one guide',
    limit: 'guideNodes',
    measured: 'after parsing, at the first node past it',
    fix: 'split the guide into several',
  },
  {
    what: 'the answers of one guide (every option and `next`)',
    limit: 'guideAnswers',
    measured: 'after parsing, at the node whose answers go past it',
    fix: 'split the guide into several, or group answers under further questions',
  },
  {
    what: '`.mdx` files in one guide',
    limit: 'guideFiles',
    measured: 'while the guide folder is listed',
    fix: 'split the guide into several',
  },
  {
    what: 'bytes of `.mdx` files in one guide (files past the size of a guide file not counted, they are refused on their own)',
    limit: 'guideBytes',
    unit: (v) => `${v / 1024 ** 2} MB`,
    measured: 'while the guide folder is listed',
    fix: 'split the guide into several',
  },
  {
    what: 'files and folders in one guide folder, at any depth',
    limit: 'guideEntries',
    measured: 'while the guide folder is listed',
    fix: "keep only the guide's files and images in its folder",
  },
  {
    what: 'folders inside folders in a guide folder',
    limit: 'folderDepth',
    measured: 'while the guide folder is listed',
    fix: "keep the guide's files in fewer levels of folders",
  },
  {
    what: 'the size of a file a guide links to or shows (a PDF, an image, a video)',
    limit: 'linkedFileBytes',
    unit: (v) => `${v / 1024 ** 2} MB`,
    measured: 'from the file system, before the file is read',
    fix: 'make the file smaller (compress the video, split the PDF), or publish it elsewhere and link to its address',
  },
  {
    what: 'the pixels of an image (width × height)',
    limit: 'imagePixels',
    unit: (v) => `${v / 1_000_000} megapixels`,
    measured: "from the image's header, before it is decoded",
    fix: 'scale the image down: a page shows it at most 736 pixels wide',
  },
  {
    what: 'the pixels of all the frames of an animated GIF or WebP (width × height × frames)',
    limit: 'animationPixels',
    unit: (v) => `${v / 1_000_000} megapixels`,
    measured: "from the image's header and its frames, before it is decoded",
    fix: 'shorten the animation or scale it down, or make it a video (`.mp4`)',
  },
  {
    what: 'the width or the height of an image',
    limit: 'imageSide',
    unit: (v) => `${count(v)} pixels`,
    measured: "from the image's header, before it is decoded",
    fix: 'scale the image down: a page shows it at most 736 pixels wide',
  },
  {
    what: 'the characters of an `::example` line of an error card (what the paste box reads of a pasted line)',
    limit: 'exampleChars',
    unit: (v) => `${count(v)} characters`,
    measured: 'after parsing, at the example',
    fix: 'keep the part of the line that names the error',
  },
  {
    what: "the work of trying a guide's `match` patterns on its cards' examples, messages and aliases: each line's length times the steps of each pattern tried on it, 40 times for a pattern with a lookbehind, which runs on a slower engine (a pattern is tried on the lines that hold its rarest word), the same budget as the paste box's for one paste",
    limit: 'patternWork',
    unit: (v) => `${count(v / 1_000_000)} million`,
    measured: 'after parsing, at the line where it runs out',
    fix: "shorten the examples, and give each card's patterns a word that other cards' lines do not hold",
  },
  {
    what: 'the characters of an id or a guide folder name (past it, an `invalid-id`)',
    limit: 'idLength',
    unit: (v) => `${v} characters`,
    measured: 'after parsing',
    fix: 'choose a shorter id',
  },
];

/** The limits as a Markdown table. */
export function limitTable(): string {
  const rows = LIMIT_TABLE.map((row) => `| ${row.what} | ${(row.unit ?? count)(LIMITS[row.limit])} | ${row.measured} | ${row.fix} |`);
  return ['| limit | at most | measured | the fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The first limit a file's text goes past, if any (`limit-exceeded` words it, rules/limit-exceeded.ts). */
export function scanLimits(text: string): LimitBreach | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > LIMITS.fileBytes) return { limit: 'fileBytes', found: bytes, place: { line: 1, column: 1 } };
  const lines = text.split(LINE_ENDING);
  const directives = new DirectiveDepth('mdx');
  const elements = new ElementDepth(LIMITS.treeDepth);
  let blockStart = 0;
  let blockChars = 0;
  let markers = 0;
  let cells = 0;
  let code: string | undefined;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    // A fence may stand in a list item or a quote (`- ```html`).
    const codeFence = line === undefined ? undefined : /^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*(`{3,}|~{3,})/.exec(line)?.[1];
    if (codeFence && (code === undefined || codeFence.startsWith(code))) code = code === undefined ? codeFence : undefined;
    else if (code === undefined && line?.includes('|')) {
      cells += line.match(/\|/g)!.length;
      if (cells > LIMITS.tableCells) {
        return { limit: 'tableCells', place: { line: index + 1, column: 1 } };
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
      return { limit: 'indentColumns', found: indent, place: at(1) };
    }
    const quotes = /^(?:\s*>)+/.exec(line)?.[0].split('>').length ?? 1;
    if (quotes - 1 > LIMITS.quoteDepth) {
      return { limit: 'quoteDepth', found: quotes - 1, place: at(1) };
    }
    const containers = lineContainers(line, LIMITS.lineContainers);
    if (containers.count > LIMITS.lineContainers) {
      return { limit: 'lineContainers', found: containers.count, place: at(containers.column) };
    }
    const fence = /^\s*(:+)/.exec(line)?.[1]?.length ?? 0;
    if (fence > LIMITS.fenceColons) {
      return { limit: 'fenceColons', found: fence, place: at(1) };
    }
    const depth = directives.line(line);
    if (depth > LIMITS.directiveDepth) {
      return { limit: 'directiveDepth', found: depth, place: at(directives.column) };
    }
    if (code === undefined && !codeFence && elements.past(line)) {
      return { limit: 'treeDepth', place: at(elements.column) };
    }
    blockChars += line.length + 1;
    if (blockChars > LIMITS.blockChars) {
      return { limit: 'blockChars', blockLine: blockStart + 1, place: { line: blockStart + 1, column: 1 } };
    }
    markers += line.match(/[*_[<]/g)?.length ?? 0;
    if (markers > LIMITS.inlineMarkers) {
      return { limit: 'inlineMarkers', blockLine: blockStart + 1, place: { line: blockStart + 1, column: 1 } };
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
export function scanFrontmatter(yaml: string): LimitBreach | undefined {
  let brackets = 0;
  const lines = yaml.split(LINE_ENDING);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const indicators = /^[ \t]*((?:[-?](?:[ \t]+|$))*)/.exec(line)![1]!.replace(/[ \t]/g, '').length;
    if (indicators > LIMITS.yamlLineIndicators) {
      return { limit: 'yamlLineIndicators', found: indicators, place: { line: index + 1, column: 1 } };
    }
    for (const match of line.matchAll(/[[{]/g)) {
      if (++brackets > LIMITS.yamlBrackets) {
        return { limit: 'yamlBrackets', place: { line: index + 1, column: match.index + 1 } };
      }
    }
  }
  return undefined;
}
