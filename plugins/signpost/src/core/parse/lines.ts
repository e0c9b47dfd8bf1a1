/** Line and column of offsets in a file's text, and back. */
import type { Point, Position } from 'unist';

/** Offsets and points of a file's text, lines counted as the parser counts them. */
export class Lines {
  /** Where each line starts. */
  readonly starts: number[] = [0];
  readonly text: string;
  constructor(text: string) {
    this.text = text;
    for (const match of text.matchAll(/\r\n|\r|\n/g)) this.starts.push(match.index + match[0].length);
  }
  offset(line: number, column: number): number {
    return Math.min(this.text.length, (this.starts[line - 1] ?? this.text.length) + column - 1);
  }
  point(offset: number): Point {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1, offset };
  }
  span(from: number, to: number): Position {
    return { start: this.point(from), end: this.point(to) };
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    return /^[^\r\n]*/.exec(this.text.slice(start))![0];
  }
}
