/**
 * Limits that keep `check` and the build fast whatever a guide file holds. Markdown parsing
 * slows down sharply on some shapes (deep nesting, thousands of emphasis markers in one
 * paragraph), so a file is scanned for them before it is parsed, and refused with a located
 * problem when it goes past a limit no real guide comes near.
 */
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
  /** Colons in a directive fence (so directives nest at most 14 deep). */
  fenceColons: 16,
  /** Answers of one question. */
  options: 100,
} as const;

export interface LimitProblem {
  message: string;
  place: Point;
}

/** The first limit a file's text goes past, if any. */
export function scanLimits(text: string): LimitProblem | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > LIMITS.fileBytes) {
    return {
      message: `This file is ${(bytes / 1024).toFixed(0)} KB; a guide file may hold at most ${LIMITS.fileBytes / 1024} KB: split it into several files`,
      place: { line: 1, column: 1 },
    };
  }
  const lines = text.split('\n');
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
    const fence = /^\s*(:+)/.exec(line)?.[1]?.length ?? 0;
    if (fence > LIMITS.fenceColons) {
      return { message: `This fence has ${fence} colons; at most ${LIMITS.fenceColons}: nest directives less deeply`, place: at(1) };
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
