/**
 * A fast path for parsing guide files: Sätteri, the native Markdown and MDX parser Astro 7
 * ships, reads a file about fifty times faster than micromark. Its trees are not always the
 * trees micromark builds, so it is used only where it is proven to give the same one:
 *
 * - The file is written in the subset of the syntax where the two were compared (see
 *   `OUTSIDE`): no MDX but comments, `{name}` placeholders and elements without attributes
 *   in text (`<kbd>Enter</kbd>`); no footnotes, task lists, strikethrough or literal
 *   autolinks but plain emails (`git@github.com`); escapes of brackets, `|` and `\` only;
 *   no backtick in text or attributes but in code; no NUL, tab or CR; every container
 *   closed, no stray fence. Code, fenced (``` or ~~~) or inline, is left out of that test,
 *   whatever it holds, and so are link addresses (`](https://…)`); pipes may stand in
 *   tables. Code in a container or a list item must be closed by a fence of its own, and code
 *   in a container must hold no line of colons.
 * - A container's closing fence right after a table's last row, which Sätteri reads as a row,
 *   is read again after a blank line, as micromark reads it (`readTables`).
 * - A leaf directive whose attribute values hold braces (`::match{regex="a{3}"}`), which
 *   Sätteri reads as text and an expression, is rebuilt here as micromark reads it.
 * - Every directive's opening is read again here, as micromark's grammar for names, labels
 *   and attributes reads it (micromark-extension-directive, followed as said below), which
 *   gives the places of the opening, each attribute and the closing fence that `check`
 *   reports at, and must agree with what Sätteri read.
 *
 * Anything else returns `undefined`, and the file is parsed with micromark as before: there is
 * one parsing truth, micromark's, and this is a faster way to the same tree
 * (tests/check/native-parse.test.ts compares both on every fixture, on random guides and on
 * random directive openings).
 *
 * Why it is kept, with a reading of openings of its own (measured on the benchmark's guide of
 * 10,000 nodes, 200 files, 11 MB): `check --no-cache` takes 4.0 s of CPU with this path and
 * 22.3 s with micromark alone (farm-bench, 3 paired runs, CPU ratio 0.18). Sätteri gives no
 * places for attributes, and `check` reports at them; micromark reading only the 38,000
 * openings takes 1.9 to 3.0 s (its text tokenizer on each opening), 1.1 s (`parse` and its
 * document tokenizer on each), 0.37 s (one `parse` kept for all, events only, before any
 * mdast is built from them) or 14.3 s (one document of them all), where Sätteri reads the
 * whole files in 0.16 to 0.2 s and this whole file, Sätteri included, takes 0.32 to 0.49 s
 * (measured again on 2026-12-07): even the cheapest reading by micromark would make `check`
 * about a tenth slower at 10,000 nodes. So the openings are read by `readOpening` and the functions
 * after it, which follow micromark-extension-directive's factories (name, label, attributes)
 * and mdast-util-directive's merge, decoding values with the same parse-entities call; a
 * reading must agree with Sätteri's names and values or the file is declined, and the test
 * fails when the installed release of those files changes (it records their hashes), so that
 * the reading is compared with the new grammar before it is trusted again.
 */
import type { Nodes, Paragraph, Parent, Root, Table, TableRow } from 'mdast';
import type { ContainerDirective, Directives, LeafDirective } from 'mdast-util-directive';
import { unicodePunctuation, unicodeWhitespace } from 'micromark-util-character';
import { parseEntities } from 'parse-entities';
import type { Position } from 'unist';
import { fenceOf } from './fences.ts';
import { Lines } from './lines.ts';
import { mdxToMdast } from 'satteri';

const FEATURES = { gfm: true, frontmatter: true, directive: true } as const;

/**
 * `tree` as micromark would build it for `text`, or undefined where that is not certain. A tree
 * of a shape the reading here does not foresee (Sätteri's table rows holding what is not a cell)
 * is declined like any other, never an error: micromark reads the file then.
 */
export function parseNative(text: string): Root | undefined {
  try {
    return readNatively(text);
  } catch {
    return undefined;
  }
}

function readNatively(text: string): Root | undefined {
  // micromark turns NUL into U+FFFD and ends lines at CR too, and keeps a lone half of a
  // surrogate pair that Sätteri cannot: files with any, rare in guides, are left to it. Tabs are read alike (pasted output holds them: psql's hints).
  if (RAW.test(text)) return undefined;
  const lines = new Lines(text);
  const read: Read = {
    text,
    lines,
    ranges: [],
    allowed: [],
    fenceLines: new Set(),
    closings: new Set(),
    codeLines: new Set(),
    masked: new Set(),
    leafOpenings: new Set(),
    parted: [],
  };
  const tree = readTables(maskBraces(text, read), read);
  if (!tree) return undefined;
  // A first line of dashes that opens no frontmatter: micromark's frontmatter construct reads
  // on from it and builds no list after it (`---`, a blank line, `- a`), Sätteri a rule and a list.
  if (/^(?:---|\+\+\+)/.test(text) && tree.children[0]?.type !== 'yaml') return undefined;
  if (!adapt(tree, read, [])) return undefined;
  // Each line whose attributes' braces Sätteri did not see must be a leaf directive's opening.
  for (const start of read.masked) if (!read.leafOpenings.has(start)) return undefined;
  // Each line read again after a blank line must have closed a container, as it does in micromark.
  for (const line of read.parted) if (!read.closings.has(line)) return undefined;
  // A tab before a line's first character, or after a list's marker, counts to the next tab
  // stop, and the two parsers part lines so indented in other places; in code, it is code.
  for (const line of indentedByTab(text, lines)) if (!read.codeLines.has(line)) return undefined;
  // A line of colons that is neither a directive's opening nor a container's closing fence:
  // the two read these differently (an unclosed label, a fence closing nothing).
  for (const [index, start] of lines.starts.entries()) {
    const end = text.indexOf('\n', start);
    if (!read.fenceLines.has(index + 1) && COLON_LINE.test(text.slice(start, end === -1 ? text.length : end))) return undefined;
  }
  const ranges = read.ranges;
  // The text outside directive attributes, code and the frontmatter must be in the subset,
  // but for what the places in `allowed` may hold.
  ranges.sort((a, b) => a[0] - b[0]);
  read.allowed.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at && outsideSubset(text, at, start, read.allowed)) return undefined;
    at = Math.max(at, end);
  }
  if (outsideSubset(text, at, text.length, read.allowed)) return undefined;
  return tree;
}

/** NUL, CR, and a half of a surrogate pair alone (Sätteri, in Rust, reads it as U+FFFD). */
const RAW = /[\0\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The lines with a tab among the blanks and the list and quote markers they start with. */
function indentedByTab(text: string, lines: Lines): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(/^(?:[ *+>-]|\d{1,9}[.)])*\t/gm)) found.push(lines.point(match.index).line);
  return found;
}

/** A line of colons alone, as a closing fence is written. */
const FENCE_LINE = /^ {0,3}:{3,} *$/;

/**
 * Sätteri's tree of `text`, where a container's closing fence right after a table's last row
 * closes the container, as in micromark. Sätteri reads such a fence as one more row of the
 * table (`| c | d |` then `::::`), and the container goes on to a later fence. Where it did,
 * the text is read again with a blank line before each fence it took for a row, which ends the
 * table as micromark does, and the places are taken back to the text as written. The lines read
 * so are noted in `read.parted`, each to be found a closing fence by `adapt`. Undefined where
 * Sätteri refuses the text.
 */
function readTables(written: string, read: Read): Root | undefined {
  const { text } = read;
  // Read once, where each fence after a line with a pipe is taken to end a table; read again
  // as below where one of them closes no container.
  const likely = likelyParted(read.lines);
  if (likely.length > 0) {
    const tree = readParted(written, likely, read.lines);
    if (tree && closesAll(tree, likely) && fencesInTables(tree, text, read.lines).length === 0) {
      read.parted = likely;
      return tree;
    }
  }
  const parted = new Set<number>();
  for (let round = 0; round < 8; round++) {
    const before = [...parted].sort((a, b) => a - b);
    const tree = readParted(written, before, read.lines);
    if (!tree) return undefined;
    const found = fencesInTables(tree, text, read.lines).filter((line) => !parted.has(line));
    if (found.length === 0) {
      read.parted = before;
      return tree;
    }
    for (const line of found) parted.add(line);
  }
  return undefined;
}

/**
 * The text as Sätteri is given it: in a leaf directive alone at a line's start whose quoted
 * attribute values hold braces (`::match{regex='\\d{1,5}'}`), each brace written as `_`.
 * Sätteri reads braces there as an expression, and refuses the whole file where it is no
 * JavaScript; masked, it reads the directive, whose attributes `readOpening` reads from the
 * text as written. Those directives are noted in `read.masked`: each must be read as one.
 */
function maskBraces(text: string, read: Read): string {
  let written = text;
  for (const match of text.matchAll(/^::[A-Za-z][\w-]*\{/gm)) {
    const block = readAttributes(text, match.index + match[0].length - 1, false, read.lines);
    if (!block) continue;
    const inside = text.slice(match.index + match[0].length, block.end - 1);
    if (!/[{}]/.test(inside)) continue;
    const from = match.index + match[0].length;
    written = `${written.slice(0, from)}${inside.replace(/[{}]/g, '_')}${written.slice(block.end - 1)}`;
    read.masked.add(match.index);
  }
  return written;
}

/** Sätteri's tree of `text` read with a blank line before each of `parted`, in `text`'s places. */
function readParted(text: string, parted: number[], lines: Lines): Root | undefined {
  let written = text;
  for (const line of parted.toReversed()) {
    const start = lines.starts[line - 1]!;
    written = `${written.slice(0, start)}\n${written.slice(start)}`;
  }
  let tree: Root;
  try {
    tree = mdxToMdast(written, { features: FEATURES }) as Root;
  } catch {
    return undefined;
  }
  if (parted.length > 0) placeBack(tree, parted, lines);
  return tree;
}

/** Lines of colons alone right after a line holding a pipe: most often a table's container closing. */
function likelyParted(lines: Lines): number[] {
  const { text } = lines;
  const found: number[] = [];
  for (let at = text.indexOf('\n:'); at !== -1; at = text.indexOf('\n:', at + 1)) {
    const end = text.indexOf('\n', at + 1);
    const before = text.lastIndexOf('\n', at - 1) + 1;
    if (FENCE_LINE.test(text.slice(at + 1, end === -1 ? text.length : end)) && text.slice(before, at).includes('|')) {
      found.push(lines.point(at + 1).line);
    }
  }
  return found;
}

/** Whether a container of `tree` ends on each of `parted`. */
function closesAll(tree: Root, parted: number[]): boolean {
  const ends = new Set<number>();
  const visit = (node: Nodes): void => {
    if (node.type === 'containerDirective' && node.position) ends.add(node.position.end.line);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return parted.every((line) => ends.has(line));
}

/**
 * The lines of rows that are lines of colons, in tables inside a container whose fence they
 * are long enough to close: in micromark, the container's closing fence. A table in a list or
 * a quote, in a container or not, is left as it is (a blank line there could part its items).
 */
function fencesInTables(tree: Root, text: string, lines: Lines): number[] {
  const found: number[] = [];
  const visit = (node: Nodes, fence: number | undefined): void => {
    if (!('children' in node)) return;
    if (node.type === 'table' && fence !== undefined) {
      for (const row of node.children) {
        const start = row.position?.start.offset;
        const end = row.position?.end.offset;
        if (start === undefined || end === undefined) continue;
        const line = text.slice(start, end);
        if (FENCE_LINE.test(line) && line.trim().length >= fence && lines.point(start).column <= 4) found.push(row.position!.start.line);
      }
      return;
    }
    if (node.type === 'list' || node.type === 'blockquote') return;
    const inner = node.type === 'containerDirective' ? fenceOf(node, text) : fence;
    for (const child of node.children as Nodes[]) visit(child, inner);
  };
  visit(tree, undefined);
  return found;
}

/**
 * Takes the places of a tree read with a blank line added before each of `parted` (lines of
 * the text as written, in order) back to that text: what comes after an added line moves back
 * one line and one character for each added before it.
 */
function placeBack(tree: Root, parted: number[], lines: Lines): void {
  const added = parted.map((line, index) => lines.starts[line - 1]! + index);
  const back = (point: { line: number; offset?: number | undefined }) => {
    if (point.offset === undefined) return;
    let shift = 0;
    while (shift < added.length && added[shift]! < point.offset) shift++;
    point.offset -= shift;
    point.line -= shift;
  };
  const visit = (node: Nodes): void => {
    if (node.position) {
      back(node.position.start);
      back(node.position.end);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
}

/**
 * What takes a file out of the compared subset, outside code: MDX and HTML (`<`, `>`, `{`,
 * `}` but escaped), pipes (but in tables), escapes but of brackets, braces, `|` and `\`
 * (`\**a**` is read apart),
 * strikethrough, footnotes, task lists (after any list markers), literal autolinks (an email's
 * `@` after a character it may hold), `*` and `_` runs that touch, and `*` or `_` beside a
 * character outside the BMP (micromark classes each half of `🚨` as a letter, Sätteri the
 * whole as a symbol), and a tab after a colon and the letters after it (micromark reads a
 * directive whose name holds the tab, `:\ta`, Sätteri text).
 */
const OUTSIDE =
  /[<>|~^]|(?<!(?:^|[^\\])(?:\\\\)*\\)[{}]|:(?:[-\w]|[^\0-\x7F])*\t|\\(?![[\]|\\{}])|[*_]{3}|\*_|_\*|[*_][\uD800-\uDFFF]|[\uD800-\uDFFF][*_]|www\.|:\/\/|[-.\w+]@|^(?:[ ]*(?:[-*+]|\d+[.)])[ ]+)+\[[ xX]\]/gm;

/** What a link's destination and title may hold: addresses (`https://`, `www.`, `git@host`, `~`). */
const IN_DESTINATION = /^(?::\/\/|www\.|[-.\w+]@|~)$/;

/** A table's cell separators. */
const PIPE = /^\|$/;

/** What an email literal may hold: the `@` between its halves. */
const AT = /^[-.\w+]@$/;

/**
 * Whether a colon in text is followed by a character outside ASCII that starts a name as
 * micromark classes it, one UTF-16 unit at a time (`:é`, `:🚨`): micromark reads a text
 * directive there, Sätteri does not.
 */
function nameAfterColon(value: string): boolean {
  for (let at = value.indexOf(':'); at !== -1; at = value.indexOf(':', at + 1)) {
    const code = value.charCodeAt(at + 1);
    if (code > 127 && !unicodeWhitespace(code) && !unicodePunctuation(code)) return true;
  }
  return false;
}

/** Expressions read alike: a name (`{text}` in a `match` pattern) or one comment. */
const SIMPLE_EXPRESSION = /^(?:[A-Za-z]+|\s*\/\*(?:[^*]|\*(?!\/))*\*\/\s*)$/;

/** A line whose first characters, after list markers, are two colons or more. */
const COLON_LINE = /^[ \-*+\d.)]*::/;

/** Whether text between `start` and `end` leaves the subset at a place `allowed` does not let it. */
function outsideSubset(text: string, start: number, end: number, allowed: Allowance[]): boolean {
  for (const match of text.slice(start, end).matchAll(OUTSIDE)) {
    const from = start + match.index;
    const to = from + match[0].length;
    if (!allowed.some((place) => place.start <= from && to <= place.end && place.allow.test(match[0]))) return true;
  }
  return false;
}

/** A place where what `allow` matches is read alike by the two (a table's pipes, a link's address). */
interface Allowance {
  start: number;
  end: number;
  allow: RegExp;
}

/** What `adapt` reads from and records. */
interface Read {
  text: string;
  lines: Lines;
  /** Where the subset does not apply: attribute blocks, the frontmatter, placeholders, code. */
  ranges: [number, number][];
  /** Where some of what the subset leaves out is read alike. */
  allowed: Allowance[];
  /** Lines that may start with colons: directive openings, closing fences, code. */
  fenceLines: Set<number>;
  /** Lines of containers' closing fences. */
  closings: Set<number>;
  /** Lines of code blocks, their fences included. */
  codeLines: Set<number>;
  /** Where the leaf directives start whose attributes' braces Sätteri was given masked (`maskBraces`). */
  masked: Set<number>;
  /** Where the leaf directives read here start. */
  leafOpenings: Set<number>;
  /** Lines Sätteri read after a blank line added before them (`readTables`). */
  parted: number[];
}

/**
 * Rewrites what Sätteri gives where micromark's tree differs in form only (directive
 * attributes and their places, label paragraphs); false where the trees could differ in
 * substance. `fences` are the colons of the containers around `parent`.
 */
function adapt(parent: Parent, read: Read, fences: number[], inTable = false, inline = 0): boolean {
  const { text, fenceLines } = read;
  const children = parent.children as Nodes[];
  for (const [index, found] of children.entries()) {
    let child = found;
    if (child.type === 'yaml') {
      if (!keepOut(child, read)) return false;
      continue;
    }
    const leaf = child.type === 'paragraph' ? leafInParagraph(child, text) : undefined;
    if (leaf) {
      // A leaf directive whose attribute values hold braces, read by Sätteri as text and an
      // expression: micromark reads the directive, and so does `readOpening`.
      children[index] = leaf;
      child = leaf;
    }
    if (child.type === 'containerDirective' || child.type === 'leafDirective' || child.type === 'textDirective') {
      const start = child.position?.start.offset;
      const masked = start !== undefined && read.masked.has(start);
      if (!readOpening(child, read, fences, leaf !== undefined || masked)) return false;
    }
    if (child.type === 'code') {
      // In a container, a fence in code closes the container in micromark, not in Sätteri.
      if (fences.length > 0 && /^[ ]*:{3,}[ ]*$/m.test(child.value)) return false;
      // Code left open (or closed by a fence indented otherwise) in a list item ends in other
      // places; outside lists and containers the two read code alike, open to the end or not.
      if (parent.type !== 'root' && !closedCode(child, text)) return false;
      // Colons in code are code, and so is all else it holds.
      for (let line = child.position!.start.line; line <= child.position!.end.line; line++) {
        fenceLines.add(line);
        read.codeLines.add(line);
      }
      if (!keepOut(child, read)) return false;
      continue;
    }
    if (child.type === 'inlineCode') {
      // A pipe in code still ends a table's cell in micromark, unless escaped.
      if (!keepOut(child, read) || (inTable && /(?<!\\)\|/.test(text.slice(child.position!.start.offset, child.position!.end.offset)))) {
        return false;
      }
      // After code that holds a backtick (``a`b``), Sätteri may read no text directive that
      // micromark reads (`:a`) in the rest of the paragraph.
      if (child.value.includes('`') && colonAfter(text, child.position!.end.offset!)) return false;
      continue;
    }
    if ((child.type === 'mdxTextExpression' || child.type === 'mdxFlowExpression') && SIMPLE_EXPRESSION.test(child.value)) {
      // A `{number}` placeholder in a `match` pattern, or a comment: as micromark reads them.
      if (!keepOut(child, read, `{${child.value}}`)) return false;
      // micromark reads an expression as a block only alone on its line.
      if (child.type === 'mdxFlowExpression' && !aloneOnLine(child, text)) return false;
      continue;
    }
    if (child.type === 'mdxJsxTextElement') {
      // An element without attributes in text, `<kbd>Enter</kbd>`, as micromark reads it but
      // for a mark of Sätteri's own (alone on a line, micromark still reads it in a paragraph).
      if (!plainElement(child, read)) return false;
    } else if ('data' in child && child.data && '_mdxExplicitJsx' in child.data) {
      return false;
    }
    if (child.type === 'text' && (nameAfterColon(child.value) || child.value.includes('`'))) {
      // micromark reads a text directive where Sätteri does not (`:🚨`), or text holds a
      // backtick that opens no code, which Sätteri may pair with one elsewhere (in another
      // row, in an attribute) and read no directive between the two.
      return false;
    }
    if (child.type === 'listItem' && child.children.length === 0) return false;
    if (child.type === 'link' || child.type === 'image' || child.type === 'definition') {
      if (!allowAddress(child, parent, read, inline)) return false;
    }
    if (child.type === 'table') {
      if (!allow(child, read, PIPE) || !child.children.every((row) => codeClosedIn(row, text)) || !tableStartsAfresh(child, read)) {
        return false;
      }
    }
    const inner = child.type === 'containerDirective' ? [...fences, fenceOf(child, text)] : fences;
    if ('children' in child && !adapt(child, read, inner, inTable || child.type === 'table', inlineStart(child) ?? inline)) return false;
  }
  return true;
}

/**
 * Whether every backtick in a table's row is in code of that row: Sätteri lets a code span
 * opened in one row hide a directive in the next (`| \`a |` then `| b:c\` |`), micromark does not.
 */
function codeClosedIn(row: TableRow, text: string): boolean {
  const start = row.position?.start.offset;
  const end = row.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  let outside = '';
  let at = start;
  for (const cell of row.children) {
    if (cell.type !== 'tableCell' || !Array.isArray(cell.children)) return false;
    for (const child of cell.children) {
      if (child.type !== 'inlineCode') continue;
      outside += text.slice(at, child.position!.start.offset);
      at = child.position!.end.offset!;
    }
  }
  return !(outside + text.slice(at, end)).includes('`');
}

/**
 * Whether a table starts the file, or follows a blank line or a directive's line: after the
 * lines of a list item micromark can read its head as a lazy line, and builds no table.
 */
function tableStartsAfresh(table: Table, { lines, fenceLines }: Read): boolean {
  const line = table.position!.start.line;
  return line === 1 || fenceLines.has(line - 1) || /^ *$/.test(lines.lineText(line - 1));
}

/**
 * Where the text a node holds starts, for a node whose children are text of their own (a
 * paragraph, a heading, a table's cell, a directive's label): micromark reads each apart.
 */
function inlineStart(node: Nodes): number | undefined {
  if (!['paragraph', 'heading', 'tableCell', 'leafDirective', 'textDirective'].includes(node.type) || !('children' in node))
    return undefined;
  return node.children[0]?.position?.start.offset;
}

/** Lets what `allow` matches stand in a node's text; false if it has no place. */
function allow(node: Nodes, read: Read, pattern: RegExp, from = node.position?.start.offset): boolean {
  const end = node.position?.end.offset;
  if (from === undefined || end === undefined) return false;
  read.allowed.push({ start: from, end, allow: pattern });
  return true;
}

/**
 * A link's or image's destination and title (after its text, `](https://…)`), or a
 * definition's (after its label): micromark reads them as an address, no literal autolinks
 * there. An email literal (`git@github.com`) is a link of its own, allowed where it is plain
 * enough that the two read it alike.
 */
function allowAddress(node: Nodes & { type: 'link' | 'image' | 'definition' }, parent: Parent, read: Read, inline: number): boolean {
  const { text } = read;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const source = text.slice(start, end);
  if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text') {
    const value = node.children[0].value;
    if (source === value && node.url === `mailto:${value}`) {
      // After a bracket, only at the start of a directive's label (`::example[git@github.com…`).
      const label =
        parent.children[0] === node &&
        (parent.type === 'leafDirective' ||
          parent.type === 'textDirective' ||
          (parent.type === 'paragraph' && (parent as Paragraph).data?.directiveLabel === true));
      // After a bracket still open, micromark links it only after the parse, without a place.
      return !text.slice(inline, start).includes('[') && emailLiteral(text, start, end, label) && allow(node, read, AT);
    }
  }
  if (node.type === 'definition') {
    const labelEnd = source.indexOf(']:');
    return source.startsWith('[') && labelEnd !== -1 && allow(node, read, IN_DESTINATION, start + labelEnd);
  }
  if (!source.startsWith(node.type === 'image' ? '![' : '[') || !source.endsWith(')')) return false;
  const last = node.type === 'image' ? undefined : node.children.at(-1)?.position?.end.offset;
  return allow(node, read, IN_DESTINATION, last ?? start + 1);
}

/**
 * An email literal written plainly: ASCII letters and digits joined by `.`, `_`, `+` or `-`,
 * `@`, a domain of labels ending in letters, with a space, `(` or the line's start before (or
 * the `[` of a directive's label: elsewhere micromark finds it only after the parse, and gives
 * it no place) and a space, the end, `:`, `,` or `)` after (`git@github.com: Permission denied`).
 */
function emailLiteral(text: string, start: number, end: number, label: boolean): boolean {
  if (
    !/^[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*@[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\.[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)*\.[A-Za-z]{2,}$/.test(
      text.slice(start, end),
    )
  ) {
    return false;
  }
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  return (before === '' || ' \n('.includes(before) || (label && before === '[')) && (after === '' || ' \n:,)'.includes(after));
}

/**
 * An element written `<name>…</name>`, a lowercase name and no attributes: micromark reads it
 * the same, without the `_mdxExplicitJsx` mark Sätteri adds. Its tags are left out of the
 * subset's test, its content is not.
 */
function plainElement(node: Nodes & { type: 'mdxJsxTextElement' }, read: Read): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || node.name === null || !/^[a-z]+$/.test(node.name) || node.attributes.length > 0) {
    return false;
  }
  const open = `<${node.name}>`;
  const close = `</${node.name}>`;
  if (
    !read.text.startsWith(open, start) ||
    read.text.slice(end - close.length, end) !== close ||
    end - start < open.length + close.length
  ) {
    return false;
  }
  if (node.data) {
    const { _mdxExplicitJsx: _mark, ...data } = node.data as Record<string, unknown>;
    if (Object.keys(data).length > 0) node.data = data;
    else delete node.data;
  }
  read.ranges.push([start, start + open.length], [end - close.length, end]);
  return true;
}

/**
 * A leaf directive alone on its line with attributes and no label, `::match{regex="a{3}"}`,
 * which Sätteri reads as text (`::match`) and an expression: the node micromark builds, its
 * attributes to be read by `readOpening`.
 */
function leafInParagraph(node: Paragraph, text: string): LeafDirective | undefined {
  const [first, second] = node.children;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (first?.type !== 'text' || second?.type !== 'mdxTextExpression' || start === undefined || end === undefined) return undefined;
  if (!/^::[^:]/.test(first.value) || first.position?.start.offset !== start) return undefined;
  const nameEnd = readName(text, start + 2);
  if (nameEnd === start + 2 || text.charCodeAt(nameEnd) !== 123 || first.value !== text.slice(start, nameEnd)) return undefined;
  if (node.position!.start.line !== node.position!.end.line || text.lastIndexOf('\n', start - 1) + 1 !== start) return undefined;
  // A list right after it interrupts Sätteri's paragraph, by the rules of interrupting one
  // (`10)` inside it is text), and starts afresh after micromark's directive.
  if (LIST_ITEM.test(text.slice(end + 1, text.indexOf('\n', end + 1) + 1 || text.length))) return undefined;
  return { type: 'leafDirective', name: text.slice(start + 2, nameEnd), attributes: {}, children: [], position: node.position };
}

/** Whether a colon follows `at` before the next blank line, the furthest a paragraph goes. */
function colonAfter(text: string, at: number): boolean {
  const blank = text.indexOf('\n\n', at);
  return text.slice(at, blank === -1 ? text.length : blank).includes(':');
}

/** A line that starts a list item. */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?: |\n|$)/;

/** Whether only spaces stand beside a node on its lines. */
function aloneOnLine(node: Nodes, text: string): boolean {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return /^ *$/.test(text.slice(lineStart, start)) && /^ *$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd));
}

/** Leaves a node's text out of the subset's test; false if it has no place, or not the text `expected`. */
function keepOut(node: Nodes, read: Read, expected?: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  if (expected !== undefined && read.text.slice(start, end) !== expected) return false;
  read.ranges.push([start, end]);
  return true;
}

const SEQUENCE: Record<Directives['type'], number> = { textDirective: 1, leafDirective: 2, containerDirective: 3 };

/**
 * Reads a directive's opening by micromark-extension-directive's grammar and records what
 * mdast-util-directive's `verbose` mode records: the places of the opening, each attribute
 * and the closing fence. False where the reading disagrees with Sätteri's.
 */
function readOpening(node: Directives, read: Read, fences: number[], ownReading = false): boolean {
  const { text, lines, ranges } = read;
  const start = node.position?.start.offset;
  if (start === undefined) return false;
  let at = start;
  while (text.charCodeAt(at) === 58) at++;
  const colons = at - start;
  if (node.type === 'containerDirective' ? colons < 3 : colons !== SEQUENCE[node.type]) return false;
  const nameStart = at;
  at = readName(text, at);
  if (at === nameStart || text.slice(nameStart, at) !== node.name) return false;
  let openingEnd = at;
  const eolAllowed = node.type === 'textDirective';
  if (text.charCodeAt(at) === 91) {
    const labelEnd = readLabel(text, at, eolAllowed);
    if (labelEnd === undefined) return false;
    // Spaces at the end of a label are kept by micromark, dropped by Sätteri.
    if (/\s\]$/.test(text.slice(at, labelEnd))) return false;
    if (node.type === 'containerDirective') {
      const label = node.children[0];
      // The label is a paragraph of its own, first among the children (empty labels make none).
      if (labelEnd > at + 2) {
        if (label?.type !== 'paragraph' || label.position?.start.offset !== at || label.position?.end.offset !== labelEnd) return false;
        label.data = { ...label.data, directiveLabel: true };
      }
    }
    at = labelEnd;
    openingEnd = at;
  }
  const attributes: Record<string, string> = Object.create(null);
  // mdast-util-directive records places wherever there is an attribute block, even `{}`.
  let places: Record<string, Position> | undefined;
  if (text.charCodeAt(at) === 123) {
    const block = readAttributes(text, at, eolAllowed, lines);
    if (!block) return false;
    for (const [name, value] of block.list) {
      attributes[name] = name === 'class' && attributes[name] ? `${attributes[name]} ${value}` : value;
    }
    places = block.places;
    // Sätteri pairs a backtick in attributes with one in the text after them, and reads no
    // directive between the two (`:::note{t="\`"}` then `:e\``); micromark reads the directive.
    if (text.slice(at, block.end).includes('`')) return false;
    ranges.push([at, block.end]);
    at = block.end;
    openingEnd = at;
    if (!ownReading && !sameAttributes(node.attributes ?? {}, attributes)) return false;
  } else if (node.attributes && Object.keys(node.attributes).length > 0) {
    return false;
  }
  // A text or leaf directive is its opening; a label read past the node (past the end of its
  // paragraph) is not micromark's.
  const end = node.position?.end.offset;
  if (end === undefined || (node.type === 'containerDirective' ? openingEnd > end : openingEnd !== end)) return false;
  node.attributes = attributes;
  if (node.type === 'leafDirective') read.leafOpenings.add(start);
  const position: { opening: Position; attributes?: Record<string, Position>; closing?: Position } = {
    opening: lines.span(start, openingEnd),
  };
  if (node.type !== 'textDirective') read.fenceLines.add(position.opening.start.line);
  if (places) position.attributes = places;
  // Spaces after a leaf directive are in micromark's node, not in Sätteri's.
  if (node.type === 'leafDirective' && isSpace(text.charCodeAt(at))) return false;
  if (node.type === 'containerDirective') {
    // Only spaces may follow a container's opening on its line.
    while (isSpace(text.charCodeAt(at))) at++;
    if (at < text.length && text.charCodeAt(at) !== 10) return false;
    const closing = closingOf(node, text, colons, at);
    // A container left open ends where the two parsers disagree (a writer's mistake, rare).
    if (!closing) return false;
    // A fence long enough to close a container around this one closes that one in micromark.
    if (fences.some((fence) => fence <= closing[1] - closing[0])) return false;
    position.closing = lines.span(closing[0], closing[1]);
    read.fenceLines.add(position.closing.start.line);
    read.closings.add(position.closing.start.line);
    if (lazyLine(read, position.opening, position.closing)) return false;
  }
  node.data = { ...node.data, position } as never;
  return true;
}

/**
 * Whether a line inside an indented container (in a list item) is written less indented than
 * the container, a lazy line: micromark lets it end the list item and the container with it,
 * Sätteri continues the paragraph.
 */
function lazyLine({ text, lines }: Read, opening: Position, closing: Position): boolean {
  const indent = opening.start.column - 1;
  if (indent === 0) return false;
  for (let line = opening.start.line + 1; line < closing.start.line; line++) {
    const start = lines.starts[line - 1]!;
    const spaces = /^ */.exec(text.slice(start, start + indent))![0].length;
    if (spaces < indent && text.charCodeAt(start + spaces) !== 10) return true;
  }
  return false;
}

/** Sätteri keeps the last class, micromark all of them; otherwise the same names and values. */
function sameAttributes(theirs: Record<string, string | null | undefined>, ours: Record<string, string>): boolean {
  const names = Object.keys(ours);
  const their = Object.keys(theirs).filter((name) => name !== '__proto__');
  if (their.length !== names.filter((name) => name !== '__proto__').length) return false;
  for (const name of their) {
    if (!Object.hasOwn(ours, name)) return false;
    if (name === 'class' ? !ours[name]!.split(' ').includes(theirs[name] ?? '') : theirs[name] !== ours[name]) return false;
  }
  return true;
}

/** The end of a directive name (micromark-extension-directive's factory-name), or `at` if none. */
function readName(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (Number.isNaN(first) || unicodeWhitespace(first) || unicodePunctuation(first)) return at;
  let index = at + 1;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (unicodeWhitespace(code) || (unicodePunctuation(code) && code !== 45 && code !== 95)) break;
  }
  const last = text.charCodeAt(index - 1);
  return last === 45 || last === 95 ? at : index;
}

/** The end of a `[label]` (factory-label: balanced to 32, escapes), or undefined. */
function readLabel(text: string, at: number, eolAllowed: boolean): number | undefined {
  let balance = 0;
  for (let index = at + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 91 && ++balance > 32) return undefined;
    if (code === 93 && !balance--) return index + 1;
    if (code === 10 && !eolAllowed) return undefined;
    if (code === 92) {
      const next = text.charCodeAt(index + 1);
      if (next === 91 || next === 92 || next === 93) index++;
    }
  }
  return undefined;
}

/** A space inside a line, as the attribute grammar reads it here: a tab there declines the file. */
function isSpace(code: number): boolean {
  return code === 32;
}

/**
 * A `{…}` attribute block (factory-attributes): its attributes in order, the place of each
 * (a later one of the same name wins, as in mdast-util-directive), and where it ends.
 */
function readAttributes(
  text: string,
  at: number,
  eolAllowed: boolean,
  lines: Lines,
): { list: [string, string][]; places: Record<string, Position>; end: number } | undefined {
  const list: [string, string][] = [];
  const places: Record<string, Position> = Object.create(null);
  const blank = (code: number) => isSpace(code) || (eolAllowed && code === 10);
  let index = at + 1;
  for (;;) {
    const code = text.charCodeAt(index);
    if (Number.isNaN(code)) return undefined;
    if (code === 35 || code === 46) {
      const start = index;
      index++;
      const first = text.charCodeAt(index);
      if (Number.isNaN(first) || [34, 35, 39, 46, 60, 61, 62, 96, 125, 10].includes(first) || isSpace(first)) return undefined;
      for (;;) {
        const next = text.charCodeAt(index);
        if (Number.isNaN(next) || [34, 39, 60, 61, 62, 96].includes(next)) return undefined;
        if (next === 35 || next === 46 || next === 125 || next === 10 || isSpace(next)) break;
        index++;
      }
      const name = code === 35 ? 'id' : 'class';
      list.push([name, decode(text.slice(start + 1, index))]);
      places[name] = lines.span(start, index);
      continue;
    }
    if (blank(code)) {
      index++;
      continue;
    }
    if (code === 10 || unicodeWhitespace(code) || (unicodePunctuation(code) && code !== 45 && code !== 95)) {
      return code === 125 ? { list, places, end: index + 1 } : undefined;
    }
    const nameStart = index;
    for (index++; index < text.length; index++) {
      const next = text.charCodeAt(index);
      if (next === 10 || unicodeWhitespace(next) || (unicodePunctuation(next) && next !== 45 && next !== 46 && next !== 58 && next !== 95))
        break;
    }
    const name = text.slice(nameStart, index);
    const nameEnd = index;
    while (blank(text.charCodeAt(index))) index++;
    if (text.charCodeAt(index) !== 61) {
      // Without a value; what follows is read from where the name ended.
      list.push([name, '']);
      places[name] = lines.span(nameStart, nameEnd);
      index = nameEnd;
      continue;
    }
    index++;
    while (blank(text.charCodeAt(index))) index++;
    const valueStart = text.charCodeAt(index);
    if (Number.isNaN(valueStart) || [60, 61, 62, 96, 125].includes(valueStart) || valueStart === 10) return undefined;
    if (valueStart === 34 || valueStart === 39) {
      const close = text.indexOf(String.fromCharCode(valueStart), index + 1);
      if (close === -1) return undefined;
      const raw = text.slice(index + 1, close);
      if (!eolAllowed && raw.includes('\n')) return undefined;
      list.push([name, decode(raw)]);
      places[name] = lines.span(nameStart, close + 1);
      index = close + 1;
      const after = text.charCodeAt(index);
      if (after !== 125 && !blank(after)) return undefined;
      continue;
    }
    const valueFrom = index;
    for (;;) {
      const next = text.charCodeAt(index);
      if (Number.isNaN(next) || [34, 39, 60, 61, 62, 96].includes(next)) return undefined;
      if (next === 125 || next === 10 || isSpace(next)) break;
      index++;
    }
    list.push([name, decode(text.slice(valueFrom, index))]);
    places[name] = lines.span(nameStart, index);
  }
}

function decode(value: string): string {
  return value.includes('&') ? parseEntities(value, { attribute: true }) : value;
}

/**
 * The closing fence of a container: the last line of the node, when it is a run of at least
 * as many colons as the opening, alone on its line but for spaces.
 */
function closingOf(node: ContainerDirective, text: string, colons: number, openingLineEnd: number): [number, number] | undefined {
  const end = node.position?.end.offset;
  if (end === undefined || end <= openingLineEnd) return undefined;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const line = text.slice(lineStart, end);
  const fence = /^( {0,3})(:+)$/.exec(line);
  if (!fence || fence[2]!.length < colons) return undefined;
  // The fence is the container's own, not the text of its last child.
  const last = node.children.at(-1)?.position?.end.offset;
  if (last !== undefined && last > lineStart) return undefined;
  return [lineStart + fence[1]!.length, end];
}

/**
 * Whether a fenced code block is closed by a fence of its own, as long as its opening and as
 * far indented: micromark and Sätteri end an unclosed one in different places.
 */
function closedCode(node: Nodes, text: string): boolean {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const opening = /^(?:`{3,}|~{3,})/.exec(text.slice(start, end));
  // Indented code has no fence.
  if (!opening) return true;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (lineStart <= start) return false;
  const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
  const closing = /^( *)(`+|~+) *$/.exec(text.slice(lineStart, end));
  return closing !== null && closing[1]!.length === indent && closing[2]![0] === opening[0][0] && closing[2]!.length >= opening[0].length;
}
