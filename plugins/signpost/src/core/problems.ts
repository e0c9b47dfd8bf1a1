import type { Point, Position } from 'unist';
import type { RuleId } from './rules/catalogue.ts';
import type { Finding, Severity } from './rules/define.ts';

/** Another place a problem concerns: the other node of a duplicate, the opening a tag closes. */
export interface Related {
  /** Absolute path of the file. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** What is there, as a short phrase: `the other node with this id`. */
  message: string;
}

/** One thing wrong with a guide, located in a file. Lines and columns are 1-based. */
export interface Problem {
  /** Absolute path of the file (or folder) at fault. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  /** Replacements for the text from `line:column` to `endLine:endColumn`, best first. */
  expected?: string[];
  /** Other places the problem concerns. */
  related?: Related[];
  /** Something could not be read at all (exit code 2), rather than read and found wrong. */
  io?: boolean;
}

/** The source of every vfile message Signpost raises, as unified plugins name theirs. */
export const SOURCE = 'signpost';

/** Where a problem is: a whole unist position, a single point, or nothing (start of file). */
export type Place = Position | Point | undefined;

/** A related place, from a unist place in `file`. */
export function relatedPlace(file: string, place: Place, message: string): Related {
  const { line, column, end } = located(place);
  return { file, line, column, ...(end ? { endLine: end.line, endColumn: end.column } : {}), message };
}

function located(place: Place): { line: number; column: number; end: Point | undefined } {
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : undefined;
  return { line: start?.line ?? 1, column: start?.column ?? 1, end };
}

/** A problem of `file`, from a rule's finding at a place. */
export function problem(file: string, finding: Finding, place?: Place, related?: Related[]): Problem {
  const { line, column, end } = located(place);
  return {
    file,
    line,
    column,
    ...(end ? { endLine: end.line, endColumn: end.column } : {}),
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    ...(finding.expected ? { expected: finding.expected } : {}),
    ...(related?.length ? { related } : {}),
  };
}

/** Orders problems as a compiler lists them: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.toSorted(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** Appends `items` to `list` one by one: a spread (`push(...items)`) overflows the stack past ~100,000 items. */
export function append<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}
